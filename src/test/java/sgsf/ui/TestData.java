package sgsf.ui;

import java.nio.file.Path;
import sgsf.engine.data.DemoDataset;

/** Where the GUI tests find their data. */
public final class TestData {
  private TestData() {}

  /** The demo dataset's root (two categories), generated on first use in the default cache. */
  public static Path demoRoot() {
    return DemoDataset.ensure(DemoDataset.defaultCacheDir());
  }

  /** One demo category folder (MVTec layout). */
  public static Path demo(String category) {
    return demoRoot().resolve(category);
  }

  /** The real magnetic-tile data, if present (property sgsf.mtd overrides). */
  public static Path mtd() {
    String p = System.getProperty("sgsf.mtd");
    return p != null ? Path.of(p) : Path.of("..", "shared", "data", "mtd");
  }
}
