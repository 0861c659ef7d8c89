package sgsf.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.data.Sample;
import sgsf.engine.train.SyntheticSurfaces;
import sgsf.engine.train.Trainer;
import sgsf.engine.train.TrainingControl;
import sgsf.engine.train.TrainingData;
import sgsf.engine.train.TrainingOutcome;
import sgsf.io.ModelBundle;

/**
 * A tiny real model of the demo "texture" category for UI tests: 32x32, base width 4, trained for
 * {@link #ITERATIONS} iterations on the demo's train/good images with planted rectangles as forged
 * defects (a few seconds on a CPU). Trained once per build and kept under {@code
 * target/test-models}.
 */
public final class DemoModels {
  static {
    Backend.configureProperties();
  }

  public static final int ITERATIONS = 60;
  private static final String NAME = "demo-texture-32w4-i" + ITERATIONS + ".sgsf";
  private static Path cached;

  private DemoModels() {}

  /** The demo texture dataset. */
  public static Dataset texture() {
    return DemoDataset.load(DemoDataset.TEXTURE);
  }

  /** The model file (trained on first use). */
  public static synchronized Path textureModel() throws IOException {
    if (cached != null && Files.isRegularFile(cached)) {
      return cached;
    }
    Path file = Path.of("target", "test-models", NAME).toAbsolutePath();
    if (!Files.isRegularFile(file)) {
      Dataset d = texture();
      List<Path> paths = new ArrayList<>();
      for (Sample s : d.trainGood()) {
        paths.add(s.image());
      }
      ModelConfig m = new ModelConfig("test", 32, 4, false, GuidanceMode.JOINT);
      TrainConfig t = new TrainConfig(ITERATIONS, 0, 10, 4, 2e-3, 1.0, 2.0, 4, 0, 0, 7L);
      TrainingOutcome out =
          new Trainer(
                  m,
                  t,
                  TrainingData.load(paths, 32, null),
                  SyntheticSurfaces.rectangleForger(),
                  null,
                  null,
                  d.name(),
                  d.root().toString(),
                  null)
              .run(new TrainingControl());
      ModelBundle.save(out.model(), null, file);
    }
    cached = file;
    return file;
  }
}
