package sgsf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sgsf.engine.task.CancellationToken;
import sgsf.workflow.line.Capture;
import sgsf.workflow.line.FolderSource;
import sgsf.workflow.line.FramePacer;
import sgsf.workflow.line.LineModel;
import sgsf.workflow.line.LineRun;
import sgsf.workflow.line.LineSink;
import sgsf.workflow.line.LineSource;
import sgsf.workflow.line.LineStats;
import sgsf.workflow.line.LineWorkspace;
import sgsf.workflow.line.SinkHealth;
import sgsf.workflow.line.SinkSpec;
import sgsf.workflow.line.SourceSpec;

/**
 * {@code sgsf line --model MODEL.zip --source SOURCE --sink SINK...}: inspects images live until
 * Ctrl-C, with a one-line status; every image is journalled in the workspace and delivered to each
 * sink once, in order, across crashes and sink outages.
 */
@Command(
    name = "line",
    mixinStandardHelpOptions = true,
    description = {
      "Inspect live: every image from the source gets OK / REVIEW / NG from the model's",
      "thresholds, and its result goes to every sink (JSON). Stops cleanly on Ctrl-C; a restart",
      "carries on where it stopped. State (journal, outboxes) lives in WORKSPACE/line/line.db."
    })
public final class LineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Model modelOption;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "SOURCE",
      description =
          "folder:DIR (hot folder), video:FILE (MJPG AVI), camera:INDEX or url:URL (MJPEG over"
              + " HTTP).")
  String source;

  @Option(
      names = "--sink",
      required = true,
      paramLabel = "SINK",
      description = {
        "folder:DIR, mqtt://HOST:PORT/TOPIC, mqtts://..., http(s)://URL or review; repeatable.",
        "Options after #, separated by ';': only=review,ng  rate=N (per second)",
        "images=original,overlay,map (folder sinks). MQTT user and password from the",
        "environment variables "
            + SinkSpec.MQTT_USER_ENV
            + " and "
            + SinkSpec.MQTT_PASSWORD_ENV
            + "."
      })
  List<String> sinks;

  @Option(
      names = "--only",
      paramLabel = "FILTER",
      defaultValue = "all",
      description = "Send every sink 'all' results or only 'review,ng' (and errors).")
  String only;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Workspace whose line/ folder holds the journal (default: this folder).")
  Path workspace;

  @Option(names = "--recursive", description = "Also watch the hot folder's sub-folders.")
  boolean recursive;

  @Option(
      names = "--ignore-existing",
      description = "Leave the images already in the hot folder on the first start alone.")
  boolean ignoreExisting;

  @Option(
      names = "--after",
      paramLabel = "keep|delete|move:DIR",
      defaultValue = "keep",
      description = "What happens to an inspected file (default ${DEFAULT-VALUE}).")
  String after;

  @Mixin CliOptions.StableMillis stableOption;

  @Option(
      names = "--every",
      paramLabel = "N",
      defaultValue = "1",
      description = "Video, camera, url: inspect every N-th frame (default ${DEFAULT-VALUE}).")
  int every;

  @Option(
      names = "--fps",
      paramLabel = "F",
      defaultValue = "0",
      description = "Video, camera, url: at most F inspected frames per second (0: no limit).")
  double fps;

  @Option(
      names = "--capture",
      paramLabel = "DIR",
      description =
          "Also save every --capture-every-th image into DIR (e.g. a dataset's train/good).")
  Path capture;

  @Option(
      names = "--capture-every",
      paramLabel = "N",
      defaultValue = "1",
      description = "With --capture: save every N-th image (default ${DEFAULT-VALUE}).")
  int captureEvery;

  @Option(
      names = "--max-images",
      paramLabel = "N",
      defaultValue = "0",
      description = "Stop after N images in this run and their delivery (0: run until Ctrl-C).")
  long maxImages;

  @Option(
      names = "--retry-refused",
      description =
          "Put the results these sinks refused for good (kept in the journal) back into their"
              + " outboxes before starting.")
  boolean retryRefused;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FolderSource.Options folder;
    FramePacer frames;
    SourceSpec sourceSpec;
    List<SinkSpec> sinkSpecs = new ArrayList<>();
    try {
      if (maxImages < 0) {
        throw new IllegalArgumentException("--max-images must be >= 0, not " + maxImages);
      }
      folder = folderOptions();
      frames = new FramePacer(every, fps);
      sourceSpec = SourceSpec.parse(source);
      boolean attentionOnly = SinkSpec.parseOnly("--only", only);
      for (String s : sinks) {
        SinkSpec parsed = SinkSpec.parse(s);
        sinkSpecs.add(attentionOnly ? parsed.attentionOnly() : parsed);
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    LineModel model;
    try {
      model = LineModel.load(modelOption.path());
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    if (!model.hasStoredThresholds()) {
      err.println(
          "warning: "
              + model.name()
              + " has no thresholds (evaluate it to calibrate them); using "
              + model.thresholdOrigin());
    }
    List<LineSink> opened = new ArrayList<>();
    try (LineWorkspace ws = LineWorkspace.open(workspace);
        LineSource src = sourceSpec.open(folder, frames)) {
      for (SinkSpec s : sinkSpecs) {
        LineSink sink = ws.sink(s);
        opened.add(sink);
        sink.connect();
      }
      if (retryRefused) {
        int n = ws.journal().retryRefused(sinkSpecs.stream().map(SinkSpec::key).toList());
        out.printf(Locale.ROOT, "retrying %d refused result(s)%n", n);
      }
      LineRun run = ws.run(model, src, opened);
      LineStats stats = new LineStats();
      run.listen(stats);
      if (capture != null) {
        if (captureEvery < 1) {
          err.println("error: --capture-every must be >= 1");
          return 2;
        }
        run.listen(new Capture(capture, captureEvery));
      }
      CancellationToken stop = new CancellationToken();
      run.stopAfter(maxImages);
      CountDownLatch finished = new CountDownLatch(1);
      Thread hook =
          new Thread(
              () -> {
                stop.cancel();
                try {
                  finished.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "line-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      out.printf(
          Locale.ROOT,
          "line: %s -> %d sink(s), model %s, journal %s%n",
          src.describe(),
          opened.size(),
          model.name(),
          ws.journal().file());
      out.flush();
      Thread status = statusPrinter(stats, ws, stop, out);
      try {
        run.run(stop);
      } finally {
        stop.cancel();
        status.interrupt();
        status.join(2000);
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // already shutting down (Ctrl-C): the hook is running
        }
      }
      out.println();
      out.println("stopped: " + statusLine(stats.snapshot(), ws));
      out.flush();
      return 0;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } finally {
      for (LineSink s : opened) {
        try {
          s.close();
        } catch (Exception e) {
          // closing on the way out
        }
      }
    }
  }

  private FolderSource.Options folderOptions() {
    FolderSource.After a;
    Path moveTo = null;
    String v = after.strip();
    if (v.equalsIgnoreCase("keep")) {
      a = FolderSource.After.KEEP;
    } else if (v.equalsIgnoreCase("delete")) {
      a = FolderSource.After.DELETE;
    } else if (v.toLowerCase(Locale.ROOT).startsWith("move:") && v.length() > 5) {
      a = FolderSource.After.MOVE;
      moveTo = Path.of(v.substring(5));
    } else {
      throw new IllegalArgumentException(
          "--after takes keep, delete or move:DIR, got '" + after + "'");
    }
    long stableMs = stableOption.millis();
    if (stableMs < 0) {
      throw new IllegalArgumentException("--stable-ms must be >= 0");
    }
    return new FolderSource.Options(recursive, !ignoreExisting, stableMs, 25, a, moveTo);
  }

  private static Thread statusPrinter(
      LineStats stats, LineWorkspace ws, CancellationToken stop, PrintWriter out) {
    boolean terminal = System.console() != null;
    Thread t =
        new Thread(
            () -> {
              long last = 0;
              while (!stop.isCancelled()) {
                try {
                  Thread.sleep(terminal ? 1000 : 5000);
                } catch (InterruptedException e) {
                  return;
                }
                String line = statusLine(stats.snapshot(), ws);
                if (terminal) {
                  out.print("\r" + line + "   ");
                } else if (stats.snapshot().images() != last) {
                  out.println(line);
                }
                last = stats.snapshot().images();
                out.flush();
              }
            },
            "line-status");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * images, verdicts, throughput, p95 latency, outbox size, sinks that are down and results kept as
   * refused per sink.
   */
  static String statusLine(LineStats.Snapshot s, LineWorkspace ws) {
    int outbox = 0;
    Map<String, Integer> refused;
    try {
      for (int n : ws.journal().outboxSizes().values()) {
        outbox += n;
      }
      refused = ws.journal().refusedCounts();
    } catch (IOException e) {
      outbox = -1;
      refused = Map.of();
    }
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "images %d | OK %d  REVIEW %d  NG %d  errors %d | %.1f img/s | p95 %s | outbox %d",
                s.images(),
                s.ok(),
                s.review(),
                s.ng(),
                s.errors(),
                s.imagesPerSecond(),
                Double.isNaN(s.p95Ms()) ? "-" : Math.round(s.p95Ms()) + " ms",
                outbox));
    for (Map.Entry<String, SinkHealth> h : s.sinks().entrySet()) {
      if (!h.getValue().connected()) {
        b.append(" | DOWN ").append(h.getKey());
      }
    }
    for (Map.Entry<String, Integer> r : refused.entrySet()) {
      b.append(" | refused ").append(r.getValue()).append(' ').append(r.getKey());
    }
    return b.toString();
  }
}
