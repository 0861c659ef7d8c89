package sgsf.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sgsf bench}: speed measurements that print figures (medians of several runs). Each
 * benchmark is a subcommand; add new ones to {@code subcommands}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure the speed of the workbench's engines (medians of several runs).",
    subcommands = {
      BenchForgeCommand.class,
      BenchTrainCommand.class,
      BenchInferCommand.class,
      BenchMetricsCommand.class,
      BenchScoringCommand.class,
      BenchLineCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "choose a benchmark: " + String.join(", ", spec.subcommands().keySet()));
  }
}
