package sgsf.engine.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import sgsf.engine.config.ForgeConfig.SaliencyMethod;
import sgsf.engine.config.ForgeConfig.Strategy;
import sgsf.engine.config.ForgeConfig.TextureSource;

/**
 * The forging parameters that are choices, not numbers (METHOD.md section 1): the strategy, the
 * saliency method that computes S and the source of the auxiliary images B, each option declared
 * once with its command-line name and its label in the workbench. The CLI's {@code --strategy},
 * {@code --saliency} and {@code --aux} converters and the Forge view's choice boxes are built from
 * these lists, as {@link ForgeParameters} is for the numbers.
 */
public final class ForgeChoices {
  private ForgeChoices() {}

  /**
   * One option of a choice.
   *
   * @param value the option
   * @param cliName its name on the command line
   * @param aliases further names the command line accepts
   * @param label its name in the workbench
   */
  public record Choice<E extends Enum<E>>(
      E value, String cliName, List<String> aliases, String label) {
    public Choice {
      aliases = List.copyOf(aliases);
    }

    /** An option without aliases. */
    public Choice(E value, String cliName, String label) {
      this(value, cliName, List.of(), label);
    }
  }

  /** The forging strategies: {@code --strategy}, the Forge view's strategy box. */
  public static final List<Choice<Strategy>> STRATEGIES =
      List.of(
          new Choice<>(Strategy.SAM, "sam", "SAM (saliency-guided)"),
          new Choice<>(Strategy.PERLIN, "perlin", "Perlin (DRAEM)"),
          new Choice<>(Strategy.CUTPASTE, "cutpaste", "CutPaste"),
          new Choice<>(Strategy.CUTSWAP, "cutswap", "CutSwap"),
          new Choice<>(Strategy.HARD, "hard", "Hard augmentation"));

  /** The saliency methods: {@code --saliency}, the Forge view's method box. */
  public static final List<Choice<SaliencyMethod>> SALIENCY_METHODS =
      List.of(
          new Choice<>(
              SaliencyMethod.SPECTRAL_RESIDUAL,
              "spectral",
              List.of("spectral-residual"),
              "Spectral residual"),
          new Choice<>(
              SaliencyMethod.FREQUENCY_TUNED, "frequency-tuned", List.of("ft"), "Frequency-tuned"));

  /** The sources of B: {@code --aux}, the Forge view's source box. */
  public static final List<Choice<TextureSource>> TEXTURE_SOURCES =
      List.of(
          new Choice<>(TextureSource.PROCEDURAL, "procedural", "Procedural textures"),
          new Choice<>(TextureSource.USER_FOLDER, "folder", "Texture folder"),
          new Choice<>(TextureSource.OTHER_GOOD_IMAGE, "good", "Other good image"));

  /** The option named {@code text} (its command-line name or an alias, any case), if any. */
  public static <E extends Enum<E>> Optional<E> parse(List<Choice<E>> choices, String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return choices.stream()
        .filter(
            c -> Stream.concat(Stream.of(c.cliName()), c.aliases().stream()).anyMatch(t::equals))
        .map(Choice::value)
        .findFirst();
  }

  /** The command-line names, as an error lists them: {@code sam, perlin, ...}. */
  public static <E extends Enum<E>> String cliNames(List<Choice<E>> choices) {
    return choices.stream().map(Choice::cliName).collect(Collectors.joining(", "));
  }

  /** The workbench's label of every option. */
  public static <E extends Enum<E>> Map<E, String> labels(List<Choice<E>> choices) {
    Map<E, String> m = new EnumMap<>(choices.get(0).value().getDeclaringClass());
    for (Choice<E> c : choices) {
      m.put(c.value(), c.label());
    }
    return m;
  }
}
