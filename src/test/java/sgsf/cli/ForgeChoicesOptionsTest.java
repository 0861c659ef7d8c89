package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import sgsf.engine.config.ForgeChoices;

/**
 * The CLI's {@code --strategy}, {@code --saliency} and {@code --aux} read the names {@link
 * ForgeChoices} declares, the same declaration the Forge view labels its choice boxes from, and the
 * help lists exactly those names.
 */
class ForgeChoicesOptionsTest {

  @Test
  void everyDeclaredNameAndAliasConvertsToItsOption() throws Exception {
    check(new CliEnums.StrategyConverter(), ForgeChoices.STRATEGIES);
    check(new CliEnums.SaliencyConverter(), ForgeChoices.SALIENCY_METHODS);
    check(new CliEnums.TextureSourceConverter(), ForgeChoices.TEXTURE_SOURCES);
  }

  @Test
  void anUnknownNameListsTheDeclaredNames() {
    assertThatThrownBy(() -> new CliEnums.StrategyConverter().convert("draem"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("expected one of sam, perlin, cutpaste, cutswap, hard but was 'draem'");
    assertThatThrownBy(() -> new CliEnums.TextureSourceConverter().convert("dtd"))
        .hasMessage("expected one of procedural, folder, good but was 'dtd'");
  }

  @Test
  void theHelpListsTheDeclaredNames() {
    CommandLine forge = new CommandLine(new ForgeCommand());
    assertThat(help(forge, "--strategy"))
        .contains(String.join(" | ", names(ForgeChoices.STRATEGIES)));
    assertThat(help(forge, "--saliency"))
        .contains(String.join(" | ", names(ForgeChoices.SALIENCY_METHODS)));
    assertThat(help(forge, "--aux"))
        .contains(String.join(" | ", names(ForgeChoices.TEXTURE_SOURCES)));
  }

  private static String help(CommandLine cl, String option) {
    return String.join(" ", cl.getCommandSpec().findOption(option).description());
  }

  private static <E extends Enum<E>> List<String> names(List<ForgeChoices.Choice<E>> choices) {
    return choices.stream().map(ForgeChoices.Choice::cliName).toList();
  }

  private static <E extends Enum<E>> void check(
      ITypeConverter<E> converter, List<ForgeChoices.Choice<E>> choices) throws Exception {
    assertThat(choices.stream().map(ForgeChoices.Choice::value).distinct())
        .hasSize(choices.get(0).value().getDeclaringClass().getEnumConstants().length);
    for (ForgeChoices.Choice<E> c : choices) {
      assertThat(converter.convert(c.cliName())).isEqualTo(c.value());
      assertThat(converter.convert(c.cliName().toUpperCase(java.util.Locale.ROOT)))
          .isEqualTo(c.value());
      for (String alias : c.aliases()) {
        assertThat(converter.convert(alias)).isEqualTo(c.value());
      }
    }
  }
}
