package sgsf.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.data.Sample;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.model.NetworkBenchmark;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.task.CancellationToken;
import sgsf.io.Json;
import sgsf.workflow.line.FolderSource;
import sgsf.workflow.line.LineListener;
import sgsf.workflow.line.LineModel;
import sgsf.workflow.line.LineResult;
import sgsf.workflow.line.LineRun;
import sgsf.workflow.line.LineSink;
import sgsf.workflow.line.LineStats;
import sgsf.workflow.line.LineWorkspace;
import sgsf.workflow.line.SinkSpec;

/**
 * {@code sgsf bench line}: a line from a hot folder to a folder sink (and an MQTT sink when a
 * broker is given), against back-to-back batch-1 {@link Predictor} calls in the same process.
 * Throughput: a backlog of images renamed into the folder at once, images per second until the last
 * is delivered everywhere. Latency: images renamed in one at a time below capacity, from the rename
 * to the delivery in every sink (p50, p95).
 */
@Command(
    name = "line",
    modelTransformer = CommandOption.Adder.class,
    mixinStandardHelpOptions = true,
    description = {
      "Line mode speed: sustained images/s and p50/p95 latency from a file appearing in the hot",
      "folder to its delivery in every sink (folder, and MQTT with --mqtt), against back-to-back",
      "batch-1 Predictor calls in the same process; an untrained network of the preset's shape."
    })
public final class BenchLineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Preset presetOption = new CliOptions.Preset();

  final CommandOption<Integer> images =
      CommandOption.count("--images", null, 40, "Images per phase (default ${DEFAULT-VALUE}).");

  final CommandOption<String> mqtt =
      CommandOption.of(
          String.class,
          "--mqtt",
          "mqtt://HOST:PORT/TOPIC",
          null,
          "Also deliver to this MQTT broker.");

  @Mixin CliOptions.StableMillis stableOption = new CliOptions.StableMillis();

  @Mixin CliOptions.Json jsonOption = new CliOptions.Json();

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int images = this.images.value();
    String mqtt = this.mqtt.value();
    if (images < 5 || images > 10_000) {
      err.println("error: --images must be in [5, 10000]");
      return 1;
    }
    SgsfModel m;
    try {
      m = BenchInferCommand.untrained(ModelConfig.preset(presetOption.name()));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    Dataset demo = DemoDataset.load(DemoDataset.TEXTURE);
    List<Path> files = new ArrayList<>();
    for (Sample s : demo.test()) {
      files.add(s.image());
    }
    // back-to-back batch-1 calls on the decoded images
    Predictor p = new Predictor(m);
    List<FloatImage> decoded = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      decoded.add(ImageIo.read(files.get(i % files.size())));
    }
    for (int i = 0; i < 3; i++) {
      p.predict(decoded.get(i));
    }
    double[] b1 = new double[images];
    for (int i = 0; i < images; i++) {
      long t0 = System.nanoTime();
      p.predict(decoded.get(i));
      b1[i] = (System.nanoTime() - t0) / 1e6;
    }
    double predictorMs = NetworkBenchmark.median(b1);
    double predictorRate = 1000.0 / predictorMs;

    Path tmp = Files.createTempDirectory("sgsf-bench-line");
    Path hot = Files.createDirectories(tmp.resolve("hot"));
    Path staging = Files.createDirectories(tmp.resolve("staging"));
    List<String> sinkTexts = new ArrayList<>(List.of("folder:" + tmp.resolve("out")));
    if (mqtt != null) {
      sinkTexts.add(mqtt);
    }
    Map<String, Long> dropped = new ConcurrentHashMap<>();
    Map<String, Long> delivered = new ConcurrentHashMap<>();
    LineModel model =
        new LineModel(
            tmp.resolve("untrained-" + presetOption.name() + ".zip"),
            m,
            Thresholds.manual(0.5, 0.5, 0.5, 0, 1, 0, 1),
            "bench",
            "bench");
    List<LineSink> sinks = new ArrayList<>();
    double throughput;
    double[] latencies;
    try (LineWorkspace ws = LineWorkspace.open(tmp.resolve("ws"))) {
      for (String s : sinkTexts) {
        LineSink sink = ws.sink(SinkSpec.parse(s));
        sink.connect();
        sinks.add(sink);
      }
      LineRun run =
          ws.run(
              model,
              new FolderSource(
                  hot,
                  new FolderSource.Options(
                      false, true, stableOption.millis(), 10, FolderSource.After.KEEP, null)),
              sinks);
      run.listen(
          new LineListener() {
            @Override
            public void deliveredEverywhere(LineResult r, double latencyMs) {
              delivered.put(Path.of(r.source()).getFileName().toString(), System.nanoTime());
            }
          });
      CancellationToken stop = new CancellationToken();
      AtomicReference<Exception> failure = new AtomicReference<>();
      Thread t =
          new Thread(
              () -> {
                try {
                  run.run(stop);
                } catch (Exception e) {
                  failure.set(e);
                }
              },
              "bench-line");
      t.start();
      // warm-up: a few images through the whole line
      dropAndWait(files, staging, hot, "w", 3, dropped, delivered, 0);
      // throughput: a backlog
      long t0 = System.nanoTime();
      List<String> backlog = new ArrayList<>();
      for (int i = 0; i < images; i++) {
        backlog.add(drop(files.get(i % files.size()), staging, hot, "t" + i, dropped));
      }
      waitFor(delivered, backlog, failure);
      long last = backlog.stream().mapToLong(delivered::get).max().orElseThrow();
      throughput = images / ((last - t0) / 1e9);
      // latency: one at a time below capacity
      long interval = (long) (1.5e9 / throughput);
      List<String> paced = new ArrayList<>();
      for (int i = 0; i < images; i++) {
        long next = System.nanoTime() + interval;
        paced.add(drop(files.get(i % files.size()), staging, hot, "l" + i, dropped));
        long sleep = next - System.nanoTime();
        if (sleep > 0) {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
      }
      waitFor(delivered, paced, failure);
      latencies =
          paced.stream().mapToDouble(n -> (delivered.get(n) - dropped.get(n)) / 1e6).toArray();
      stop.cancel();
      t.join(30_000);
    } finally {
      for (LineSink s : sinks) {
        s.close();
      }
    }
    double p50 = LineStats.percentile(latencies, 0.5);
    double p95 = LineStats.percentile(latencies, 0.95);
    if (jsonOption.enabled()) {
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("preset", m.config().preset());
      n.put("input_size", m.config().inputSize());
      n.put("backend", Backend.describe());
      n.put("images", images);
      n.put(
          "sinks", String.join(" ", sinkTexts.stream().map(s -> s.replaceAll(":.*", "")).toList()));
      n.put("stable_ms", stableOption.millis());
      n.put("predictor_b1_ms", predictorMs);
      n.put("predictor_images_per_s", predictorRate);
      n.put("line_images_per_s", throughput);
      n.put("throughput_ratio", throughput / predictorRate);
      n.put("latency_p50_ms", p50);
      n.put("latency_p95_ms", p95);
      n.put("latency_p95_over_predictor", p95 / predictorMs);
      o.println(n.toString());
    } else {
      o.printf(Locale.ROOT, "backend            %s%n", Backend.describe());
      o.printf(
          Locale.ROOT,
          "model              untrained %s, %dx%d%n",
          presetOption.name(),
          m.config().inputSize(),
          m.config().inputSize());
      o.printf(Locale.ROOT, "sinks              %s%n", String.join(", ", sinkTexts));
      o.printf(
          Locale.ROOT,
          "predictor batch 1  %.1f ms (%.2f images/s back to back)%n",
          predictorMs,
          predictorRate);
      o.printf(
          Locale.ROOT,
          "line throughput    %.2f images/s (%.0f %% of back-to-back)%n",
          throughput,
          100 * throughput / predictorRate);
      o.printf(
          Locale.ROOT,
          "line latency       p50 %.0f ms, p95 %.0f ms (%.1fx a predictor call), stable-ms %d%n",
          p50,
          p95,
          p95 / predictorMs,
          stableOption.millis());
    }
    o.flush();
    return 0;
  }

  private static String drop(
      Path src, Path staging, Path hot, String name, Map<String, Long> dropped) throws IOException {
    String file = name + ".png";
    Path s = staging.resolve(file);
    Files.copy(src, s, StandardCopyOption.REPLACE_EXISTING);
    dropped.put(file, System.nanoTime());
    Files.move(s, hot.resolve(file), StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static void dropAndWait(
      List<Path> files,
      Path staging,
      Path hot,
      String prefix,
      int n,
      Map<String, Long> dropped,
      Map<String, Long> delivered,
      int offset)
      throws IOException, InterruptedException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(drop(files.get((offset + i) % files.size()), staging, hot, prefix + i, dropped));
    }
    waitFor(delivered, names, new AtomicReference<>());
  }

  private static void waitFor(
      Map<String, Long> delivered, List<String> names, AtomicReference<Exception> failure)
      throws IOException, InterruptedException {
    long end = System.currentTimeMillis() + 600_000;
    while (!delivered.keySet().containsAll(names)) {
      if (failure.get() != null) {
        throw new IOException("the line failed: " + failure.get().getMessage(), failure.get());
      }
      if (System.currentTimeMillis() > end) {
        throw new IOException("images not delivered within 10 minutes");
      }
      Thread.sleep(2);
    }
  }
}
