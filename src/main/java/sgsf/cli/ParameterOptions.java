package sgsf.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import sgsf.engine.config.Parameter;

/**
 * Options built from {@link Parameter} declarations: one {@code <prefix><id>} option per parameter,
 * its help, range and default taken from the declaration, and the values given on the command line
 * read back as the declaration parses them. The picocli model transformers {@link
 * ForgeParameterOptions} and {@link TrainParameterOptions} add them to commands.
 */
final class ParameterOptions {
  private ParameterOptions() {}

  /**
   * Adds an option per parameter, except where the command already declares one of that name (a
   * shared mixin such as {@code --batch}).
   */
  static <C, G extends Enum<G>> void add(
      CommandSpec spec, String prefix, String what, List<Parameter<C, G>> params, C defaults) {
    for (Parameter<C, G> p : params) {
      if (spec.findOption(prefix + p.id()) != null) {
        continue;
      }
      String label =
          switch (p.kind()) {
            case FLAG -> "true|false";
            case RANGE, INTEGER_RANGE -> "LOW:HIGH";
            case NUMBER, INTEGER -> p.kind().isInteger() ? "N" : "X";
          };
      spec.addOption(
          OptionSpec.builder(prefix + p.id())
              .type(String.class)
              .paramLabel(label)
              .description(
                  what + p.help() + "; " + p.bounds() + ", default " + p.format(defaults) + ".")
              .build());
    }
  }

  /**
   * The values given on the command line for these parameters (of the options {@link #add} made).
   *
   * @throws ParameterException naming the option, when a value does not parse or lies outside its
   *     range
   */
  static <C, G extends Enum<G>> Map<Parameter<C, G>, double[]> given(
      CommandSpec spec, String prefix, List<Parameter<C, G>> params) {
    Map<Parameter<C, G>, double[]> values = new LinkedHashMap<>();
    for (Parameter<C, G> p : params) {
      OptionSpec o = spec.findOption(prefix + p.id());
      // options declared elsewhere (the typed --batch mixin) are read by their own fields
      if (o != null && o.getValue() instanceof String text) {
        try {
          values.put(p, p.parse(text));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), prefix + p.id() + ": " + e.getMessage());
        }
      }
    }
    return values;
  }

  /**
   * {@code base} with {@code values} applied.
   *
   * @throws ParameterException when they break a constraint of the record
   */
  static <C, G extends Enum<G>> C apply(
      CommandSpec spec, String what, C base, Map<Parameter<C, G>, double[]> values) {
    try {
      return Parameter.applyAll(base, values);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), what + ": " + e.getMessage());
    }
  }
}
