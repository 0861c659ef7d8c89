package sgsf.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sgsf.engine.config.TrainConfig;

class LearningRateScheduleTest {
  private static final TrainConfig CFG =
      TrainConfig.defaults().withLearningRate(1e-3).withSchedule(TrainConfig.Schedule.STEPS);

  /**
   * A time-budgeted run whose plan is re-estimated: 100 iterations planned at first, steps get
   * faster after iteration 60, and the plan grows to 300. Trainer before this schedule recomputed
   * the rate from (done / planned) alone, which stepped back up from 1e-4 to 1e-3.
   */
  @Test
  void theRateNeverRisesWhenATimeBudgetedPlanGrows() {
    LearningRateSchedule schedule = new LearningRateSchedule(CFG);
    List<Double> rates = new ArrayList<>();
    List<Double> naive = new ArrayList<>();
    for (int done = 0; done < 250; done++) {
      int planned = done < 60 ? 100 : 300;
      rates.add(rate(schedule, done, planned));
      naive.add(CFG.learningRateAt(done, planned));
    }
    assertThat(naive.get(61)).as("the old rule jumps back up").isGreaterThan(naive.get(59));
    for (int k = 1; k < rates.size(); k++) {
      assertThat(rates.get(k)).as("rate at %d", k).isLessThanOrEqualTo(rates.get(k - 1));
    }
    assertThat(rates.get(0)).isEqualTo(1e-3);
    assertThat(rates.get(59)).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-12));
    // 0.6 reached at 59 holds until 210 / 300 = 0.7, then the second drop
    assertThat(rates.get(209)).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(rates.get(210)).isCloseTo(1e-5, org.assertj.core.data.Offset.offset(1e-13));
  }

  @Test
  void aFixedPlanDropsTenfoldAtFiftySeventyAndNinetyPercent() {
    LearningRateSchedule schedule = new LearningRateSchedule(CFG);
    double[] expected = {1e-3, 1e-4, 1e-5, 1e-6};
    int[] at = {49, 50, 70, 90};
    for (int k = 0; k < at.length; k++) {
      assertThat(rate(schedule, at[k], 100))
          .isCloseTo(expected[k], org.assertj.core.data.Offset.offset(expected[k] * 1e-9));
    }
  }

  @Test
  void cosineAndLateDropFallMonotonicallyToTheirEnds() {
    for (TrainConfig.Schedule kind : TrainConfig.Schedule.values()) {
      LearningRateSchedule schedule = new LearningRateSchedule(CFG.withSchedule(kind));
      double previous = Double.MAX_VALUE;
      for (int done = 0; done <= 100; done++) {
        double rate = rate(schedule, done, 100);
        assertThat(rate).as("%s at %d", kind, done).isLessThanOrEqualTo(previous);
        previous = rate;
      }
    }
    TrainConfig cosine = CFG.withSchedule(TrainConfig.Schedule.COSINE);
    assertThat(cosine.learningRateAtFraction(0.5))
        .isCloseTo(5e-4, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(cosine.learningRateAtFraction(1))
        .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
    TrainConfig late = CFG.withSchedule(TrainConfig.Schedule.LATE_DROP);
    assertThat(late.learningRateAtFraction(0.79)).isEqualTo(1e-3);
    assertThat(late.learningRateAtFraction(0.8))
        .isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-12));
  }

  private static double rate(LearningRateSchedule schedule, int done, int planned) {
    schedule.plan(planned);
    return schedule.valueAt(done, 0);
  }

  /**
   * DL4J applies the schedule: on Adam's first step each weight moves by about the learning rate (m
   * / sqrt(v) is about 1 after bias correction), so the largest change at main-phase iteration 95
   * of 100 shows the rate after three drops, 1e-6, not the initial 1e-3. A graph built with a fixed
   * Adam(1e-3), as before, moves by 1e-3 and fails this.
   */
  @Test
  void dl4jAppliesTheRateAtTheGraphsIterationCount() {
    LearningRateSchedule schedule = new LearningRateSchedule(CFG);
    schedule.plan(100);
    org.deeplearning4j.nn.graph.ComputationGraph g =
        new org.deeplearning4j.nn.graph.ComputationGraph(
            new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                .seed(3)
                .updater(new org.nd4j.linalg.learning.config.Adam(schedule))
                .graphBuilder()
                .addInputs("in")
                .addLayer(
                    "out",
                    new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder(
                            org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MSE)
                        .nIn(4)
                        .nOut(2)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY)
                        .build(),
                    "in")
                .setOutputs("out")
                .build());
    g.init();
    g.getConfiguration().setIterationCount(95);
    org.nd4j.linalg.api.ndarray.INDArray before = g.params().dup();
    org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(5);
    g.fit(
        new org.nd4j.linalg.dataset.MultiDataSet(
            org.nd4j.linalg.factory.Nd4j.rand(8, 4), org.nd4j.linalg.factory.Nd4j.rand(8, 2)));
    double largestStep = g.params().sub(before).amaxNumber().doubleValue();
    assertThat(largestStep).isBetween(0.5e-6, 1.5e-6);
  }
}
