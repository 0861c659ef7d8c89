package sgsf.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ForgeParameters;
import sgsf.engine.config.Parameter;

/**
 * One {@code --forge-<id>} option per forging parameter of {@link ForgeParameters}, added to a
 * command by {@code @Command(modelTransformer = ForgeParameterOptions.class)}: the option's help,
 * range and default come from the parameter's one declaration, the same one the Forge view's
 * controls are built from. {@code --forge-a 0.45}, {@code --forge-alpha 0.1:1}, {@code
 * --forge-greyAux false}.
 */
public final class ForgeParameterOptions implements IModelTransformer {
  static final String PREFIX = "--forge-";

  @Override
  public CommandSpec transform(CommandSpec spec) {
    ForgeConfig defaults = ForgeConfig.defaults();
    for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
      String label =
          switch (p.kind()) {
            case FLAG -> "true|false";
            case RANGE, INTEGER_RANGE -> "LOW:HIGH";
            case NUMBER, INTEGER -> "X";
          };
      spec.addOption(
          OptionSpec.builder(PREFIX + p.id())
              .type(String.class)
              .paramLabel(label)
              .description(
                  "Forging, "
                      + p.group().title()
                      + ": "
                      + p.help()
                      + "; "
                      + p.bounds()
                      + ", default "
                      + p.format(defaults)
                      + ".")
              .build());
    }
    return spec;
  }

  /**
   * {@code base} with every {@code --forge-*} option given on the command line applied.
   *
   * @throws ParameterException naming the option, when a value does not parse, lies outside its
   *     range or breaks a constraint of {@link ForgeConfig}
   */
  static ForgeConfig apply(CommandSpec spec, ForgeConfig base) {
    Map<Parameter<ForgeConfig, ForgeParameters.Group>, double[]> values = new LinkedHashMap<>();
    for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
      OptionSpec o = spec.findOption(PREFIX + p.id());
      String text = o == null ? null : o.getValue();
      if (text != null) {
        try {
          values.put(p, p.parse(text));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), o.longestName() + ": " + e.getMessage());
        }
      }
    }
    try {
      return Parameter.applyAll(base, values);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "forging options: " + e.getMessage());
    }
  }
}
