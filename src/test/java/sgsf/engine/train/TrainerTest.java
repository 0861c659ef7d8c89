package sgsf.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.image.FloatImage;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;

class TrainerTest {
  static {
    Backend.configureProperties();
  }

  static final ModelConfig TINY = new ModelConfig("test", 32, 4, false, GuidanceMode.JOINT);

  static TrainConfig tinyTraining(int iterations) {
    return new TrainConfig(iterations, 0, 4, 4, 2e-3, 1.0, 2.0, 2, 10, 0, 11L);
  }

  static Trainer trainer(ModelConfig m, TrainConfig t, TrainingListener l, CheckpointSink sink) {
    return new Trainer(
        m,
        t,
        SyntheticSurfaces.goodSet(12, m.inputSize(), 100),
        SyntheticSurfaces.rectangleForger(),
        l,
        sink,
        "synthetic",
        "memory",
        null);
  }

  /** Pixel AUROC by the rank-sum (Mann-Whitney) formula, ties counted half. */
  static double pixelAuroc(List<float[]> scores, List<float[]> labels) {
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      for (int j = 0; j < scores.get(i).length; j++) {
        pairs.add(new double[] {scores.get(i)[j], labels.get(i)[j]});
      }
    }
    pairs.sort((a, b) -> Double.compare(a[0], b[0]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < pairs.size()) {
      int j = i;
      while (j < pairs.size() && pairs.get(j)[0] == pairs.get(i)[0]) {
        j++;
      }
      double avgRank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        if (pairs.get(k)[1] > 0.5) {
          rankSumPos += avgRank;
          pos++;
        }
      }
      i = j;
    }
    long neg = pairs.size() - pos;
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  @Test
  void learnsToSegmentPlantedDefectsOnHeldOutImages() {
    TrainingOutcome out = trainer(TINY, tinyTraining(260), null, null).run(new TrainingControl());
    assertThat(out.status()).isEqualTo(TrainingOutcome.Status.COMPLETED);
    Predictor predictor = new Predictor(out.model());
    List<float[]> maps = new ArrayList<>();
    List<float[]> masks = new ArrayList<>();
    List<FloatImage> inputs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      FloatImage good = SyntheticSurfaces.surface(32, 5000 + i);
      SampleForger.ForgedImage d = SyntheticSurfaces.plantDefect(good, 9000 + i);
      inputs.add(d.image());
      masks.add(d.mask().data());
    }
    for (Prediction p : predictor.predict(inputs)) {
      maps.add(p.map().data());
      assertThat(p.neighbours()).hasSize(1);
    }
    double auroc = pixelAuroc(maps, masks);
    assertThat(auroc).as("pixel AUROC on held-out planted defects").isGreaterThan(0.9);
  }

  @Test
  void resumingFromACheckpointContinuesLikeTheUninterruptedRun() {
    TrainConfig cfg = tinyTraining(8).withCheckpointEvery(6);
    List<TrainingState> saved = new ArrayList<>();
    TrainingOutcome straight =
        trainer(
                TINY,
                cfg,
                null,
                s -> {
                  saved.add(s);
                  return null;
                })
            .run(new TrainingControl());
    TrainingState atSix =
        saved.stream().filter(s -> s.nextIteration() == 6).findFirst().orElseThrow();
    TrainingOutcome resumed = trainer(TINY, cfg, null, null).resume(atSix, new TrainingControl());
    assertThat(resumed.iterations()).isEqualTo(straight.iterations()).isEqualTo(12);
    Map<String, INDArray> a = straight.model().network().parametersByLayer();
    Map<String, INDArray> b = resumed.model().network().parametersByLayer();
    assertThat(b.keySet()).isEqualTo(a.keySet());
    double maxDiff = 0;
    for (String k : a.keySet()) {
      maxDiff = Math.max(maxDiff, a.get(k).sub(b.get(k)).amaxNumber().doubleValue());
    }
    assertThat(maxDiff).isLessThan(1e-4);
    // and the continuation actually trained (parameters moved since the checkpoint)
    float[] before = atSix.parameters().get("seg_logits");
    float[] after = a.get("seg_logits").toFloatVector();
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void cancellationStopsWithinOneIteration() {
    TrainingControl control = new TrainingControl();
    AtomicInteger seen = new AtomicInteger();
    TrainingListener l =
        new TrainingListener() {
          @Override
          public void onIteration(IterationStats s) {
            if (seen.incrementAndGet() == 3) {
              control.cancel();
            }
          }
        };
    TrainingOutcome out = trainer(TINY, tinyTraining(500), l, null).run(control);
    assertThat(out.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
    assertThat(out.iterations()).isEqualTo(3);
    assertThat(seen.get()).isEqualTo(3);
  }

  @Test
  void divergingLossStopsWithAClearMessageAndKeepsTheLastCheckpoint() {
    AtomicReference<java.nio.file.Path> last = new AtomicReference<>();
    List<Integer> saved = new ArrayList<>();
    // warm-up trains on clean images; the first main batch carries NaN pixels
    SampleForger poisoned =
        new SampleForger() {
          @Override
          public ForgedImage forgeAnomaly(FloatImage source, int sourceIndex, long seed) {
            FloatImage bad = source.copy();
            java.util.Arrays.fill(bad.data(), Float.NaN);
            return new ForgedImage(bad, FloatImage.zeros(1, source.height(), source.width()), true);
          }

          @Override
          public double forgeProbability() {
            return 1;
          }

          @Override
          public String describe() {
            return "poisoned";
          }
        };
    TrainConfig cfg = new TrainConfig(10, 0, 4, 4, 1e-3, 1.0, 2.0, 2, 0, 2, 3L);
    TrainingOutcome out =
        new Trainer(
                TINY,
                cfg,
                SyntheticSurfaces.goodSet(12, 32, 100),
                poisoned,
                null,
                s -> {
                  java.nio.file.Path p = java.nio.file.Path.of("ckpt-" + s.nextIteration());
                  saved.add(s.nextIteration());
                  last.set(p);
                  return p;
                },
                "synthetic",
                "memory",
                null)
            .run(new TrainingControl());
    assertThat(out.status()).isEqualTo(TrainingOutcome.Status.DIVERGED);
    assertThat(out.message()).contains("loss became NaN").contains("iteration 5");
    assertThat(out.lastCheckpoint()).isEqualTo(last.get()).hasToString("ckpt-4");
    assertThat(saved).containsExactly(2, 4);
    assertThat(out.model()).isNull();
  }

  @Test
  void listenerSeesPhasesLossTermsAndPreviews() {
    List<TrainingPhase> phases = new ArrayList<>();
    List<IterationStats> stats = new ArrayList<>();
    List<BatchPreview> previews = new ArrayList<>();
    TrainingListener l =
        new TrainingListener() {
          @Override
          public void onPhase(TrainingPhase phase, String message) {
            phases.add(phase);
          }

          @Override
          public void onIteration(IterationStats s) {
            stats.add(s);
          }

          @Override
          public boolean wantsPreview(int iteration) {
            return iteration % 3 == 0;
          }

          @Override
          public void onPreview(BatchPreview p) {
            previews.add(p);
          }
        };
    trainer(TINY, tinyTraining(6), l, null).run(new TrainingControl());
    assertThat(phases)
        .containsSubsequence(
            TrainingPhase.WARMUP,
            TrainingPhase.CONTRAST_SETS,
            TrainingPhase.MAIN,
            TrainingPhase.FEATURE_BANK,
            TrainingPhase.DONE);
    assertThat(stats).hasSize(10);
    IterationStats mainStep = stats.get(9);
    assertThat(mainStep.phase()).isEqualTo(TrainingPhase.MAIN);
    assertThat(mainStep.lossSeg()).isPositive();
    assertThat(mainStep.lossSelf()).isPositive();
    assertThat(mainStep.loss())
        .isCloseTo(
            mainStep.lossSelf() + mainStep.lossSeg(), org.assertj.core.api.Assertions.within(1e-4));
    assertThat(stats.get(0).lossSeg()).isNaN();
    assertThat(previews).isNotEmpty();
    assertThat(previews.get(0).predictions().get(0).height()).isEqualTo(32);
  }

  @Test
  void frozenAndUnguidedModesTrainToo() {
    for (GuidanceMode mode :
        new GuidanceMode[] {GuidanceMode.FROZEN, GuidanceMode.NONE, GuidanceMode.DETACHED}) {
      TrainingOutcome out =
          trainer(
                  TINY.withGuidance(mode).withCoordinateChannels(mode == GuidanceMode.FROZEN),
                  tinyTraining(5),
                  null,
                  null)
              .run(new TrainingControl());
      assertThat(out.status()).as(mode.name()).isEqualTo(TrainingOutcome.Status.COMPLETED);
      Prediction p = new Predictor(out.model(), 2).predict(SyntheticSurfaces.surface(32, 1));
      assertThat(p.score()).as(mode.name()).isBetween(0.0, 1.0);
      assertThat(p.neighbours()).hasSize(mode == GuidanceMode.NONE ? 0 : 2);
    }
  }

  @Test
  void resumeRejectsACheckpointOfOtherData() {
    List<TrainingState> saved = new ArrayList<>();
    trainer(
            TINY,
            tinyTraining(2).withCheckpointEvery(2),
            null,
            s -> {
              saved.add(s);
              return null;
            })
        .run(new TrainingControl());
    TrainingState s = saved.get(0);
    TrainingState foreign =
        new TrainingState(
            s.model(),
            s.train(),
            s.nextIteration(),
            s.warmupIterations(),
            s.plannedIterations(),
            s.parameters(),
            s.activeGraph(),
            s.updaterState(),
            s.optimizerSteps(),
            s.contrastSets(),
            s.history(),
            s.elapsedSeconds(),
            new sgsf.engine.data.DataFingerprint(List.of(), "other"));
    assertThatThrownBy(
            () -> trainer(TINY, tinyTraining(2), null, null).resume(foreign, new TrainingControl()))
        .hasMessageContaining("other images");
  }
}
