package sgsf.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import sgsf.cli.BenchCommand;
import sgsf.cli.CompareCommand;
import sgsf.cli.DatasetsCommand;
import sgsf.cli.EvalCommand;
import sgsf.cli.ForgeCommand;
import sgsf.cli.InferCommand;
import sgsf.cli.LineCommand;
import sgsf.cli.TrainCommand;
import sgsf.cli.VersionProvider;

/** The root command: with a subcommand, the CLI; without one, the GUI. */
@Command(
    name = "sgsf",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "SGSF inspection workbench: unsupervised visual anomaly detection.%n"
            + "Without a subcommand the workbench window opens.",
    subcommands = {
      DatasetsCommand.class,
      ForgeCommand.class,
      TrainCommand.class,
      InferCommand.class,
      EvalCommand.class,
      CompareCommand.class,
      LineCommand.class,
      BenchCommand.class
    })
public final class SgsfCommand implements Callable<Integer> {
  /** Exit code meaning "the GUI took over; do not exit the JVM". */
  static final int GUI_STARTED = Integer.MIN_VALUE;

  @Override
  public Integer call() {
    sgsf.ui.shell.WorkbenchLauncher.launch(new String[0]);
    return GUI_STARTED;
  }
}
