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
import sgsf.engine.config.ModelConfig;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.model.NetworkBenchmark;
import sgsf.io.Json;

/** {@code sgsf bench train}: median training-step time, its breakdown, parameters, peak memory. */
@Command(
    name = "train",
    modelTransformer = CommandOption.Adder.class,
    mixinStandardHelpOptions = true,
    description = {
      "Median time of a training step (forward, backward, Adam update) on random data of the",
      "preset's shapes, with the breakdown and the heaviest ops, the parameter count and the",
      "process's peak resident memory. With --soak-minutes, instead a real training run of that",
      "long (sgsf train --minutes on --data, the demo data by default) with the resident memory",
      "sampled every minute: rss_mb_series and rss_growth_pct (last sample vs minute 5)."
    })
public final class BenchTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Batch batchOption;

  @Mixin CliOptions.Preset presetOption = new CliOptions.Preset();

  final CommandOption<Integer> steps =
      CommandOption.count(
          "--steps", null, 5, "Timed steps after 2 untimed (default ${DEFAULT-VALUE}).");

  final CommandOption<String> guidance =
      CommandOption.of(
          String.class,
          "--guidance",
          null,
          "joint",
          "joint, detached, frozen or none (default ${DEFAULT-VALUE}).");

  @Option(names = "--no-profile", description = "Skip the per-op profile.")
  boolean noProfile;

  @Mixin CliOptions.Json jsonOption = new CliOptions.Json();

  @Mixin DatasetOptions dataset = new DatasetOptions();

  @Option(
      names = "--soak-minutes",
      paramLabel = "M",
      description = "Train for M minutes and report resident memory over time (default: off).")
  double soakMinutes;

  @Option(
      names = "--sample-seconds",
      paramLabel = "S",
      defaultValue = "60",
      description = "Interval of the memory samples of a soak run (default ${DEFAULT-VALUE}).")
  double sampleSeconds;

  @Override
  public Integer call() throws Exception {
    int batch = batchOption.size();
    int steps = this.steps.value();
    PrintWriter o = spec.commandLine().getOut();
    if (steps < 1 || steps > 1000 || batch < 1 || batch > 256) {
      spec.commandLine()
          .getErr()
          .println("error: --steps must be in [1, 1000] and --batch in [1, 256]");
      return 1;
    }
    ModelConfig m;
    try {
      m = presetOption.withGuidance(guidance.value());
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    String backend = Backend.describe();
    if (soakMinutes > 0) {
      return soak(m, batch, backend);
    }
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

  private int soak(ModelConfig m, int batch, String backend) throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    if (soakMinutes > 7 * 24 * 60 || sampleSeconds < 1 || sampleSeconds > 3600) {
      spec.commandLine()
          .getErr()
          .println("error: --soak-minutes must be at most 10080 and --sample-seconds in [1, 3600]");
      return 1;
    }
    Dataset d;
    try {
      d = dataset.resolve();
    } catch (DatasetException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    TrainingSoak r = TrainingSoak.run(d, m, batch, soakMinutes, sampleSeconds);
    if (jsonOption.enabled()) {
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("preset", m.preset());
      n.put("guidance", m.guidance().name().toLowerCase(Locale.ROOT));
      n.put("batch", batch);
      n.put("backend", backend);
      n.put("dataset", d.name());
      n.put("soak_minutes", soakMinutes);
      n.put("sample_seconds", sampleSeconds);
      n.put("iterations", r.iterations());
      ArrayNode series = n.putArray("rss_mb_series");
      r.rssMbSeries().forEach(series::add);
      ArrayNode heap = n.putArray("heap_committed_mb_series");
      r.heapMbSeries().forEach(heap::add);
      n.put("rss_reference_index", r.referenceIndex());
      n.put("rss_growth_pct", r.growthPercent());
      n.put("peak_rss_mb", r.peakRssMb());
      o.println(n.toString());
    } else {
      o.printf(
          Locale.ROOT,
          "soak: %s %s, batch %d, %.1f min on %s, %d iterations%n",
          m.preset(),
          m.guidance(),
          batch,
          soakMinutes,
          d.name(),
          r.iterations());
      o.println("resident memory (MB), one sample per " + sampleSeconds + " s: " + r.rssMbSeries());
      o.println("  of it Java heap committed (MB): " + r.heapMbSeries());
      o.printf(
          Locale.ROOT,
          "growth of the last sample over sample %d: %+.1f %%%n",
          r.referenceIndex() + 1,
          r.growthPercent());
    }
    o.flush();
    return 0;
  }
}
