package sgsf.cli;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ForgeParameters;

/**
 * One {@code --forge-<id>} option per forging parameter of {@link ForgeParameters}, added to a
 * command by {@code @Command(modelTransformer = ForgeParameterOptions.class)}: help, range and
 * default come from the parameter's one declaration, the same one the Forge view's controls are
 * built from. {@code --forge-a 0.45}, {@code --forge-alpha 0.1:1}, {@code --forge-greyAux false}.
 */
public final class ForgeParameterOptions implements IModelTransformer {
  static final String PREFIX = "--forge-";

  @Override
  public CommandSpec transform(CommandSpec spec) {
    addTo(spec);
    return spec;
  }

  static void addTo(CommandSpec spec) {
    ParameterOptions.add(spec, PREFIX, "Forging: ", ForgeParameters.all(), ForgeConfig.defaults());
  }

  /**
   * {@code base} with every {@code --forge-*} option given on the command line applied.
   *
   * @throws ParameterException naming the option, when a value does not parse, lies outside its
   *     range or breaks a constraint of {@link ForgeConfig}
   */
  static ForgeConfig apply(CommandSpec spec, ForgeConfig base) {
    return ParameterOptions.apply(
        spec, "forging options", base, ParameterOptions.given(spec, PREFIX, ForgeParameters.all()));
  }
}
