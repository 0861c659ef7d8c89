package sgsf.app;

import picocli.CommandLine;
import sgsf.engine.backend.Backend;

/**
 * Entry point of the workbench: {@code sgsf <subcommand>} runs the CLI; with no subcommand the
 * JavaFX workbench opens. Not a JavaFX {@code Application}, so a class-path launch works.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Backend.configureProperties();
    NativeNoiseFilter.install();
    int code =
        new CommandLine(new SgsfCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    if (code != SgsfCommand.GUI_STARTED) {
      System.exit(code);
    }
  }
}
