package sgsf.engine.data;

import java.nio.file.Path;

/** The built-in demo dataset, generated deterministically on first use. */
public final class DemoDataset {
  private DemoDataset() {}

  /** Ensures the demo dataset exists under {@code cacheDir} and returns its root folder. */
  public static Path ensure(Path cacheDir) {
    throw new UnsupportedOperationException("owned by the datasets work: " + cacheDir);
  }
}
