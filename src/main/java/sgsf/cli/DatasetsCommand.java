package sgsf.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sgsf datasets ...}: commands about datasets. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Inspect datasets.",
    subcommands = {DatasetsInspectCommand.class})
public final class DatasetsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
