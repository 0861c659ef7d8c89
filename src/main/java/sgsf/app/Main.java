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
    if (args.length == 0) {
      // the GUI: skip building the CLI's command tree (about 0.7 s of class loading at start-up)
      sgsf.ui.shell.WorkbenchLauncher.launch(args);
      return;
    }
    int code = commandLine().execute(args);
    if (code != SgsfCommand.GUI_STARTED) {
      System.exit(code);
    }
  }

  /** Columns of {@code --help}: picocli's 80 wrapped description lines of up to 91 characters. */
  static final int HELP_WIDTH = 100;

  /** The command tree {@code sgsf} runs: {@link SgsfCommand} with {@code bench gui} added. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new SgsfCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    // the GUI benchmark needs the ui layer, which the cli layer may not see; built as a CommandLine
    // of its own, since picocli applies model transformers (its CommandOption fields) only there
    cli.getSubcommands().get("bench").addSubcommand(new CommandLine(new BenchGuiCommand()));
    // wide enough for the longest description line, so that none is wrapped mid-sentence
    cli.setUsageHelpWidth(HELP_WIDTH);
    return cli;
  }
}
