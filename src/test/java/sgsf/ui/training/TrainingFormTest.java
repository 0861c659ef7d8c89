package sgsf.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;

class TrainingFormTest {
  @Test
  void theDefaultsAreValidAndBuildTheEngineDefaults() {
    TrainingForm f = new TrainingForm();
    assertThat(f.problems()).isEmpty();
    assertThat(f.trainConfigProperty().get()).isEqualTo(TrainConfig.defaults());
    assertThat(f.modelConfigProperty().get()).isEqualTo(ModelConfig.lite());
  }

  @Test
  void eachBadFieldIsNamedWithItsRange() {
    TrainingForm f = new TrainingForm();
    f.batchSizeProperty().set("0");
    f.learningRateProperty().set("fast");
    f.seedProperty().set("4.5");
    assertThat(f.problems())
        .containsExactly(
            "Batch size: must be between 1 and 256, got 0.",
            "Learning rate: enter a number between 1e-7 and 1.",
            "Seed: enter a whole number.");
    assertThat(f.trainConfigProperty().get()).isNull();
    f.batchSizeProperty().set("4");
    f.learningRateProperty().set("0.0003");
    f.seedProperty().set("7");
    assertThat(f.problems()).isEmpty();
    TrainConfig t = f.trainConfigProperty().get();
    assertThat(t.batchSize()).isEqualTo(4);
    assertThat(t.learningRate()).isEqualTo(3e-4);
    assertThat(t.seed()).isEqualTo(7);
  }

  @Test
  void minutesCountOnlyWithATimeBudget() {
    TrainingForm f = new TrainingForm();
    f.minutesProperty().set("-3");
    assertThat(f.problems()).isEmpty();
    f.timeBudgetProperty().set(true);
    assertThat(f.problems()).singleElement().asString().startsWith("Minutes:");
    f.minutesProperty().set("12.5");
    assertThat(f.trainConfigProperty().get().minutes()).isEqualTo(12.5);
  }

  @Test
  void loadingAConfigurationFillsTheFields() {
    TrainingForm f = new TrainingForm();
    TrainConfig t = TrainConfig.defaults().withIterations(30, 5).withLearningRate(1e-4).withSeed(9);
    f.load(ModelConfig.standard(), t);
    assertThat(f.presetProperty().get()).isEqualTo("standard");
    assertThat(f.iterationsProperty().get()).isEqualTo("30");
    assertThat(f.learningRateProperty().get()).isEqualTo("1e-4");
    assertThat(f.trainConfigProperty().get()).isEqualTo(t);
  }
}
