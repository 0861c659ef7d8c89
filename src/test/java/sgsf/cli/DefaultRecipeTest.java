package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
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
    assertThat(cli.lr).isEqualTo(d.learningRate());
    assertThat(cli.batchOption.size()).isEqualTo(d.batchSize());
    assertThat(cli.lambda).isEqualTo(d.lambda());
    assertThat(cli.contrast).isEqualTo(d.contrastSetSize());
    assertThat(cli.checkpointEvery).isEqualTo(d.checkpointEvery());
    assertThat(cli.seedOption.value()).isEqualTo(d.seed());
    assertThat(cli.schedule).isEqualTo(d.schedule());
    assertThat(cli.flipGood).isEqualTo(d.flipGood());
    assertThat(cli.guidance)
        .isEqualTo(ModelConfig.DEFAULT_GUIDANCE.name().toLowerCase(Locale.ROOT));

    TrainingForm form = new TrainingForm();
    assertThat(form.trainConfigProperty().get()).isEqualTo(d);
    assertThat(form.modelConfigProperty().get()).isEqualTo(ModelConfig.lite());
    assertThat(ModelConfig.lite().guidance()).isEqualTo(ModelConfig.DEFAULT_GUIDANCE);
    assertThat(ModelConfig.DEFAULT_GUIDANCE).isEqualTo(GuidanceMode.FROZEN);
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
}
