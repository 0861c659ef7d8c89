package sgsf.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import sgsf.engine.config.ForgeConfig;

/** Lower-case command-line names of the engine's enums, with errors that list the choices. */
final class CliEnums {
  private CliEnums() {}

  /** sam | perlin | cutpaste | cutswap | hard. */
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

  static final class StrategyConverter implements ITypeConverter<ForgeConfig.Strategy> {
    @Override
    public ForgeConfig.Strategy convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "sam" -> ForgeConfig.Strategy.SAM;
        case "perlin" -> ForgeConfig.Strategy.PERLIN;
        case "cutpaste" -> ForgeConfig.Strategy.CUTPASTE;
        case "cutswap" -> ForgeConfig.Strategy.CUTSWAP;
        case "hard" -> ForgeConfig.Strategy.HARD;
        default ->
            throw new TypeConversionException(
                "expected one of sam, perlin, cutpaste, cutswap, hard but was '" + value + "'");
      };
    }
  }

  /** procedural | folder | good. */
  static final class TextureSourceConverter implements ITypeConverter<ForgeConfig.TextureSource> {
    @Override
    public ForgeConfig.TextureSource convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "procedural" -> ForgeConfig.TextureSource.PROCEDURAL;
        case "folder" -> ForgeConfig.TextureSource.USER_FOLDER;
        case "good" -> ForgeConfig.TextureSource.OTHER_GOOD_IMAGE;
        default ->
            throw new TypeConversionException(
                "expected one of procedural, folder, good but was '" + value + "'");
      };
    }
  }

  /** spectral | frequency-tuned. */
  static final class SaliencyConverter implements ITypeConverter<ForgeConfig.SaliencyMethod> {
    @Override
    public ForgeConfig.SaliencyMethod convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "spectral", "spectral-residual" -> ForgeConfig.SaliencyMethod.SPECTRAL_RESIDUAL;
        case "frequency-tuned", "ft" -> ForgeConfig.SaliencyMethod.FREQUENCY_TUNED;
        default ->
            throw new TypeConversionException(
                "expected one of spectral, frequency-tuned but was '" + value + "'");
      };
    }
  }
}
