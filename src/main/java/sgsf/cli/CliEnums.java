package sgsf.cli;

import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import sgsf.engine.config.ForgeChoices;
import sgsf.engine.config.ForgeConfig;

/** Lower-case command-line names of the engine's enums, with errors that list the choices. */
final class CliEnums {
  private CliEnums() {}

  /**
   * The guidance mode named by {@code --guidance}, case-insensitive.
   *
   * @throws IllegalArgumentException in one line naming the modes, for any other text
   */
  static sgsf.engine.config.GuidanceMode guidance(String text) {
    for (sgsf.engine.config.GuidanceMode m : sgsf.engine.config.GuidanceMode.values()) {
      if (m.name().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "--guidance must be joint, detached, frozen or none, got '" + text + "'");
  }

  /**
   * A converter for one of {@link ForgeChoices}' choices; an unknown name is an error listing the
   * choices' command-line names.
   */
  private abstract static class ChoiceConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final List<ForgeChoices.Choice<E>> choices;

    ChoiceConverter(List<ForgeChoices.Choice<E>> choices) {
      this.choices = choices;
    }

    @Override
    public E convert(String value) {
      return ForgeChoices.parse(choices, value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "expected one of "
                          + ForgeChoices.cliNames(choices)
                          + " but was '"
                          + value
                          + "'"));
    }
  }

  /** sam | perlin | cutpaste | cutswap | hard. */
  static final class StrategyConverter extends ChoiceConverter<ForgeConfig.Strategy> {
    StrategyConverter() {
      super(ForgeChoices.STRATEGIES);
    }
  }

  /** procedural | folder | good. */
  static final class TextureSourceConverter extends ChoiceConverter<ForgeConfig.TextureSource> {
    TextureSourceConverter() {
      super(ForgeChoices.TEXTURE_SOURCES);
    }
  }

  /** spectral | frequency-tuned. */
  static final class SaliencyConverter extends ChoiceConverter<ForgeConfig.SaliencyMethod> {
    SaliencyConverter() {
      super(ForgeChoices.SALIENCY_METHODS);
    }
  }
}
