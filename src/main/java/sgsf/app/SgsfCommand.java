package sgsf.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import sgsf.cli.DatasetsCommand;
import sgsf.cli.VersionProvider;

/** The root command: with a subcommand, the CLI; without one, the GUI. */
@Command(
    name = "sgsf",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "SGSF inspection workbench: unsupervised visual anomaly detection.%n"
            + "Without a subcommand the workbench window opens.",
    subcommands = {DatasetsCommand.class})
public final class SgsfCommand implements Callable<Integer> {
  /** Exit code meaning "the GUI took over; do not exit the JVM". */
  static final int GUI_STARTED = Integer.MIN_VALUE;

  @Override
  public Integer call() {
    sgsf.ui.WorkbenchLauncher.launch(new String[0]);
    return GUI_STARTED;
  }
}
