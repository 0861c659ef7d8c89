package sgsf.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.forge.Forger;
import sgsf.engine.forge.SaliencyCache;
import sgsf.engine.image.FloatImage;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;

/**
 * Learning through the production path: good striped surfaces, SAM forging with procedural
 * auxiliary textures ({@link Forger}, {@link ForgingSampleForger}), {@link Trainer} with frozen
 * guidance (the default recipe), {@link Predictor} on held-out surfaces whose defects are turned
 * stripes of the same brightness. The pixel-intensity baseline |x - mean| cannot see them; the test
 * states its score and asks the model for a clear margin above it.
 */
class ProductionPathLearningTest {
  static {
    Backend.configureProperties();
  }

  static final int SIZE = 32;

  static double run(GuidanceMode mode, int width, int iterations, double lr, long seed) {
    List<String> ids = new ArrayList<>();
    List<FloatImage> good = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      ids.add("good-" + i);
      good.add(StripedSurfaces.good(SIZE, 100 + i));
    }
    TrainingData data = TrainingData.of(ids, good);
    Forger forger = Forger.create(ForgeConfig.defaults().withSeed(seed), new SaliencyCache(), good);
    ModelConfig model = new ModelConfig("test", SIZE, width, false, mode);
    TrainConfig cfg = new TrainConfig(iterations, 0, 40, 8, lr, 1.0, 2.0, 2, 0, 0, seed);
    TrainingOutcome out =
        new Trainer(
                model,
                cfg,
                data,
                new ForgingSampleForger(forger),
                null,
                null,
                "striped",
                "memory",
                null)
            .run(new TrainingControl());
    assertThat(out.status()).isEqualTo(TrainingOutcome.Status.COMPLETED);
    List<FloatImage> inputs = new ArrayList<>();
    List<float[]> masks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      SampleForger.ForgedImage d = StripedSurfaces.defective(SIZE, 7000 + i);
      inputs.add(d.image());
      masks.add(d.mask().data());
    }
    List<float[]> maps = new ArrayList<>();
    for (Prediction p : new Predictor(out.model()).predict(inputs)) {
      maps.add(p.map().data());
    }
    return TrainerTest.pixelAuroc(maps, masks);
  }

  /** |x - mean of the image|: a pixel-intensity detector with no learning. */
  static double intensityBaseline() {
    List<float[]> scores = new ArrayList<>();
    List<float[]> masks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      SampleForger.ForgedImage d = StripedSurfaces.defective(SIZE, 7000 + i);
      float[] x = d.image().data();
      int plane = SIZE * SIZE;
      double mean = 0;
      for (int k = 0; k < plane; k++) {
        mean += x[k];
      }
      mean /= plane;
      float[] s = new float[plane];
      for (int k = 0; k < plane; k++) {
        s[k] = (float) Math.abs(x[k] - mean);
      }
      scores.add(s);
      masks.add(d.mask().data());
    }
    return TrainerTest.pixelAuroc(scores, masks);
  }

  @Test
  void frozenGuidanceLearnsDefectsThatIntensityCannotSee() {
    double baseline = intensityBaseline();
    assertThat(baseline).as("intensity baseline pixel AUROC").isBetween(0.4, 0.6);
    double auroc = run(GuidanceMode.FROZEN, 8, 300, 3e-3, 5);
    System.out.printf("production path: baseline %.3f, frozen %.3f%n", baseline, auroc);
    assertThat(auroc).as("pixel AUROC of the trained model").isGreaterThan(baseline + 0.2);
  }
}
