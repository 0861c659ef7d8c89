package sgsf.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sgsf.cli.CliOptions;
import sgsf.cli.CommandOption;
import sgsf.ui.shell.ResponsivenessBenchmark;
import sgsf.ui.shell.ResponsivenessBenchmark.RunFigures;

/**
 * {@code sgsf bench gui}: FX-thread stalls while the workbench trains (median over runs). Lives in
 * {@code app} because it drives the GUI from the command line.
 */
@Command(
    name = "gui",
    modelTransformer = CommandOption.Adder.class,
    mixinStandardHelpOptions = true,
    description = {
      "Opens the workbench window on the demo data, starts training from the Train view, and",
      "measures how long the FX thread ever stays unresponsive (target: no stall over 100 ms).",
      "Needs a display: run it under xvfb-run on a headless machine."
    })
public final class BenchGuiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Preset presetOption = new CliOptions.Preset();

  final CommandOption<Double> seconds =
      CommandOption.of(
          Double.class,
          "--seconds",
          null,
          "60",
          "Measured training time per run, 5..3600 (default ${DEFAULT-VALUE}).");

  final CommandOption<Integer> runs =
      CommandOption.count(
          "--runs",
          null,
          3,
          "Runs, each in a fresh window and workspace (default ${DEFAULT-VALUE}).");

  final CommandOption<Integer> warmup =
      CommandOption.count(
          "--warmup",
          null,
          10,
          "Autoencoder warm-up iterations, short so the main phase is measured (default"
              + " ${DEFAULT-VALUE}).");

  @Mixin CliOptions.Json jsonOption = new CliOptions.Json();

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    double seconds = this.seconds.value();
    int runs = this.runs.value();
    int warmup = this.warmup.value();
    if (seconds < 5 || seconds > 3600 || runs < 1 || runs > 50 || warmup < 1 || warmup > 100_000) {
      err.println("error: --seconds must be in [5, 3600], --runs in [1, 50], --warmup >= 1");
      return 1;
    }
    Path scratch = Files.createTempDirectory("sgsf-bench-gui");
    List<RunFigures> figures;
    try {
      figures = ResponsivenessBenchmark.run(presetOption.name(), warmup, seconds, runs, scratch);
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (UnsupportedOperationException e) {
      err.println("error: cannot open a window (" + e.getMessage() + "); run under xvfb-run");
      return 1;
    } finally {
      deleteQuietly(scratch);
      javafx.application.Platform.exit();
    }
    double[] maxima = figures.stream().mapToDouble(RunFigures::maxStallMillis).sorted().toArray();
    double median = maxima[maxima.length / 2];
    if (maxima.length % 2 == 0) {
      median = (maxima[maxima.length / 2 - 1] + maxima[maxima.length / 2]) / 2;
    }
    long stalls = figures.stream().mapToLong(RunFigures::stallsOver100ms).sum();
    if (jsonOption.enabled()) {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              "{\"preset\":\"%s\",\"seconds\":%.0f,\"median_max_stall_ms\":%.1f,"
                  + "\"worst_max_stall_ms\":%.1f,\"stalls_over_100ms\":%d,\"runs\":[",
              presetOption.name(),
              seconds,
              median,
              maxima[maxima.length - 1],
              stalls));
      for (int i = 0; i < figures.size(); i++) {
        RunFigures f = figures.get(i);
        b.append(i == 0 ? "" : ",")
            .append(
                String.format(
                    Locale.ROOT,
                    "{\"max_stall_ms\":%.1f,\"max_pulse_gap_ms\":%.1f,\"max_event_latency_ms\":%.1f,"
                        + "\"probes\":%d,\"stalls_over_100ms\":%d,\"iterations\":%d}",
                    f.maxStallMillis(),
                    f.maxPulseGapMillis(),
                    f.maxEventLatencyMillis(),
                    f.probes(),
                    f.stallsOver100ms(),
                    f.iterations()));
      }
      o.println(b.append("]}"));
    } else {
      o.printf(
          Locale.ROOT,
          "FX-thread responsiveness while training (%s preset, %.0f s per run, %d runs)%n",
          presetOption.name(),
          seconds,
          runs);
      for (int i = 0; i < figures.size(); i++) {
        RunFigures f = figures.get(i);
        o.printf(
            Locale.ROOT,
            "  run %d: max stall %.1f ms (pulse gap %.1f, event latency %.1f), %d probes,"
                + " %d stalls > 100 ms, %d iterations%n",
            i + 1,
            f.maxStallMillis(),
            f.maxPulseGapMillis(),
            f.maxEventLatencyMillis(),
            f.probes(),
            f.stallsOver100ms(),
            f.iterations());
      }
      o.printf(
          Locale.ROOT,
          "median of the runs' max stall: %.1f ms; stalls > 100 ms over all runs: %d%n",
          median,
          stalls);
    }
    o.flush();
    return 0;
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (java.io.IOException e) {
                  // a scratch file the OS still holds; the temp folder is cleaned by the OS
                }
              });
    } catch (java.io.IOException e) {
      // as above
    }
  }
}
