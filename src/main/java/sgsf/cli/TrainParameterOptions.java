package sgsf.cli;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.config.TrainParameters;

/**
 * The options of {@code sgsf train} built from declarations: one {@code --<id>} option per {@link
 * TrainParameters} parameter ({@code --lr}, {@code --warmup}, ...; the shared {@code --batch} mixin
 * stays) and the {@code --forge-*} options of {@link ForgeParameterOptions}.
 */
public final class TrainParameterOptions implements IModelTransformer {
  @Override
  public CommandSpec transform(CommandSpec spec) {
    ParameterOptions.add(spec, "--", "", TrainParameters.all(), TrainConfig.defaults());
    ForgeParameterOptions.addTo(spec);
    return spec;
  }
}
