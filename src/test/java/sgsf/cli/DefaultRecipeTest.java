package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.ui.training.TrainingForm;

/**
 * One default recipe: {@code sgsf train} without options and the Train view's untouched form ask
 * for the same model and training as {@link ModelConfig#DEFAULT_GUIDANCE} and {@link
 * TrainConfig#defaults()} declare. Before, the CLI trained joint at 1e-4 and the form had no
 * guidance choice at all.
 */
class DefaultRecipeTest {
  @Test
  void theCliAndTheTrainFormStartFromTheSameRecipe() {
    TrainCommand cli = new TrainCommand();
    new CommandLine(cli).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--out", "m.zip");
    TrainConfig d = TrainConfig.defaults();
    // every field: learning rate, batch, lambda, contrast-set size, checkpoints, seed, schedule,
    // flips, iterations and warm-up
    assertThat(cli.trainConfig(cli.batchOption.size(), cli.seedOption.value())).isEqualTo(d);
    assertThat(cli.guidance)
        .isEqualTo(ModelConfig.DEFAULT_GUIDANCE.name().toLowerCase(Locale.ROOT));

    TrainingForm form = new TrainingForm();
    assertThat(form.trainConfigProperty().get()).isEqualTo(d);
    assertThat(form.modelConfigProperty().get()).isEqualTo(ModelConfig.lite());
    assertThat(ModelConfig.lite().guidance()).isEqualTo(ModelConfig.DEFAULT_GUIDANCE);
    // the measured best at the 60-minute budget on the magnetic tiles (README, "Quality")
    assertThat(ModelConfig.DEFAULT_GUIDANCE).isEqualTo(GuidanceMode.NONE);
    assertThat(TrainConfig.defaults().schedule()).isEqualTo(TrainConfig.Schedule.COSINE);
    // one forging strategy: the CLI's --strategy default is the recipe's
    assertThat(cli.strategyOption.value()).isEqualTo(ForgeConfig.DEFAULT_STRATEGY);
    assertThat(ForgeConfig.defaults().strategy()).isEqualTo(ForgeConfig.DEFAULT_STRATEGY);
  }

  @Test
  void theFormOffersEveryGuidanceModeWithAHint() {
    TrainingForm form = new TrainingForm();
    for (GuidanceMode m : GuidanceMode.values()) {
      form.guidanceProperty().set(m);
      assertThat(form.modelConfigProperty().get().guidance()).isEqualTo(m);
      assertThat(m.hint()).isNotBlank().doesNotContain("\n");
    }
  }

  /** The training options are built from TrainParameters and read back through it. */
  @Test
  void trainingOptionsComeFromTheirDeclarations() {
    TrainCommand cli = new TrainCommand();
    new CommandLine(cli)
        .parseArgs("--lr", "3e-3", "--warmup", "7", "--contrast", "2", "--out", "m.zip");
    TrainConfig t = cli.trainConfig(8, 1);
    assertThat(t.learningRate()).isEqualTo(3e-3);
    assertThat(t.warmupIterations()).isEqualTo(7);
    assertThat(t.contrastSetSize()).isEqualTo(2);

    TrainCommand bad = new TrainCommand();
    new CommandLine(bad).parseArgs("--lr", "5", "--out", "m.zip");
    assertThatThrownBy(() -> bad.trainConfig(8, 1))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("--lr: expected a number within [0.0000001, 1], got '5'");

    TrainCommand both = new TrainCommand();
    new CommandLine(both).parseArgs("--iterations", "5", "--minutes", "1", "--out", "m.zip");
    assertThatThrownBy(() -> both.trainConfig(8, 1))
        .hasMessageContaining("--iterations and --minutes exclude each other");

    TrainCommand budget = new TrainCommand();
    new CommandLine(budget).parseArgs("--minutes", "60", "--out", "m.zip");
    TrainConfig timed = budget.trainConfig(8, 1);
    assertThat(timed.minutes()).isEqualTo(60);
    assertThat(timed.iterations()).isEqualTo(1_000_000);
    assertThat(timed.warmupIterations()).isEqualTo(TrainConfig.defaults().warmupIterations());
  }
}
