package sgsf.cli;

import java.nio.file.Path;
import sgsf.engine.data.DemoDataset;

/** Defaults the commands share. */
final class CliDefaults {
  private CliDefaults() {}

  /** The demo dataset's root folder, generated on first use. */
  static Path demoRoot() {
    return DemoDataset.ensure(
        Path.of(System.getProperty("user.home"), ".cache", "sgsf-workbench", "demo"));
  }
}
