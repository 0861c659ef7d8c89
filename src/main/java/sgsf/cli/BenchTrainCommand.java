package sgsf.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.model.NetworkBenchmark;
import sgsf.io.Json;

/** {@code sgsf bench train}: median training-step time, its breakdown, parameters, peak memory. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Median time of a training step (forward, backward, Adam update) on random data of the",
      "preset's shapes, with the breakdown and the heaviest ops, the parameter count and the",
      "process's peak resident memory."
    })
public final class BenchTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Batch batchOption;

  @Option(
      names = "--preset",
      defaultValue = "lite",
      description = "lite, standard or paper (default ${DEFAULT-VALUE}).")
  String preset;

  @Option(
      names = "--steps",
      defaultValue = "5",
      description = "Timed steps after 2 untimed (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--guidance",
      defaultValue = "joint",
      description = "joint, detached, frozen or none (default ${DEFAULT-VALUE}).")
  String guidance;

  @Option(names = "--no-profile", description = "Skip the per-op profile.")
  boolean noProfile;

  @Mixin CliOptions.Json jsonOption = new CliOptions.Json();

  @Override
  public Integer call() {
    int batch = batchOption.size();
    PrintWriter o = spec.commandLine().getOut();
    if (steps < 1 || steps > 1000 || batch < 1 || batch > 256) {
      spec.commandLine()
          .getErr()
          .println("error: --steps must be in [1, 1000] and --batch in [1, 256]");
      return 1;
    }
    ModelConfig m;
    try {
      m =
          ModelConfig.preset(preset)
              .withGuidance(GuidanceMode.valueOf(guidance.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    String backend = Backend.describe();
    NetworkBenchmark.TrainFigures f = NetworkBenchmark.train(m, batch, steps, !noProfile);
    if (jsonOption.enabled()) {
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("preset", m.preset());
      n.put("guidance", m.guidance().name().toLowerCase(Locale.ROOT));
      n.put("input_size", m.inputSize());
      n.put("base_width", m.baseWidth());
      n.put("batch", batch);
      n.put("backend", backend);
      n.put("params", f.parameters());
      n.put("step_seconds_median", f.medianStep());
      ArrayNode all = n.putArray("step_seconds");
      for (double s : f.stepSeconds()) {
        all.add(s);
      }
      n.put("forward_seconds", f.forwardSeconds());
      n.put("backward_seconds", f.backwardSeconds());
      n.put("update_seconds", f.updateSeconds());
      n.put("samples_per_second", batch / f.medianStep());
      ArrayNode ops = n.putArray("heaviest_ops");
      f.heaviestOps().forEach(ops::add);
      n.put("peak_rss_mb", f.peakRssMb());
      o.println(n.toString());
    } else {
      o.printf(Locale.ROOT, "backend            %s%n", backend);
      o.printf(
          Locale.ROOT,
          "model              %s %dx%d width %d, guidance %s, batch %d%n",
          m.preset(),
          m.inputSize(),
          m.inputSize(),
          m.baseWidth(),
          m.guidance(),
          batch);
      o.printf(Locale.ROOT, "parameters         %,d%n", f.parameters());
      o.printf(
          Locale.ROOT,
          "step (median of %d) %.3f s  (%.1f images/s)%n",
          steps,
          f.medianStep(),
          batch / f.medianStep());
      o.printf(Locale.ROOT, "  forward          %.3f s%n", f.forwardSeconds());
      o.printf(Locale.ROOT, "  backward         %.3f s%n", f.backwardSeconds());
      o.printf(Locale.ROOT, "  update + rest    %.3f s%n", f.updateSeconds());
      if (!f.heaviestOps().isEmpty()) {
        o.println("heaviest ops (share of op time in one step):");
        f.heaviestOps().forEach(l -> o.println("  " + l));
      }
      o.printf(Locale.ROOT, "peak RSS           %d MB%n", f.peakRssMb());
    }
    o.flush();
    return 0;
  }
}
