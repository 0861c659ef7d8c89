package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.Heatmaps;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.ScoreNormalisation;
import sgsf.engine.task.CancellationToken;
import sgsf.io.AtomicFiles;

/**
 * One line run: images from one source, each read, predicted at batch 1 and judged by the model's
 * thresholds, its result journalled and queued for every sink that takes it (one transaction), then
 * delivered by one thread per sink in journal order. A sink that fails keeps its results in its
 * outbox and is retried with backoff ({@link #MIN_BACKOFF_MS} doubling to {@link #MAX_BACKOFF_MS});
 * a result a sink refuses for good ({@link DeliveryRefusedException}) is kept in the journal as
 * refused and the sink goes on with the next; inspection never waits for a sink. A corrupt or
 * unreadable image gets a result with an {@code error} and is not retried.
 *
 * <p>After a crash the same journal is opened again: images already done are skipped when the
 * source gives them again, images taken but not finished are inspected again (at most {@link
 * LineJournal#MAX_ATTEMPTS} times), and each sink delivers what was left in its outbox before the
 * new results.
 */
public final class LineRun {
  /** The first retry delay of a failing sink. */
  public static final long MIN_BACKOFF_MS = 100;

  /** The longest retry delay of a failing sink. */
  public static final long MAX_BACKOFF_MS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(LineRun.class);

  /** How often, at most, an idle line clears kept images that no sink waits for. */
  private static final long SWEEP_INTERVAL_MS = 10_000;

  private final LineModel model;
  private final LineSource source;
  private final List<LineSink> sinks;
  private final LineJournal journal;
  private final Path artifactsRoot;
  private long lastSweepMs;
  private final List<LineListener> listeners = new CopyOnWriteArrayList<>();
  private final Object wake = new Object();
  private volatile boolean stopping;
  private long imageLimit;
  private long inspected;

  /**
   * @param artifactsRoot where images are kept until every sink has them ({@code
   *     <workspace>/line/artifacts})
   */
  public LineRun(
      LineModel model,
      LineSource source,
      List<LineSink> sinks,
      LineJournal journal,
      Path artifactsRoot) {
    this.model = model;
    this.source = source;
    this.sinks = List.copyOf(sinks);
    this.journal = journal;
    this.artifactsRoot = artifactsRoot;
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (LineSink s : sinks) {
      if (!keys.add(s.spec().key())) {
        throw new IllegalArgumentException("the sink " + s.spec().key() + " is given twice");
      }
    }
  }

  /**
   * Ends the run once this many images have been inspected and every outbox is empty, as when a
   * finite source is exhausted (before {@link #run}; 0, the default: no limit).
   */
  public LineRun stopAfter(long images) {
    if (images < 0) {
      throw new IllegalArgumentException("the image limit must be >= 0, not " + images);
    }
    imageLimit = images;
    return this;
  }

  /** Adds a watcher (before {@link #run}). */
  public LineRun listen(LineListener l) {
    listeners.add(l);
    return this;
  }

  /**
   * Runs until {@code stop} is cancelled (polled at least every 200 ms), or until a finite source
   * is exhausted (or the {@link #stopAfter} limit reached) and every outbox is empty. Sinks must be
   * connected ({@link LineSink#connect()}) beforehand if a failing sink should stop the line at
   * start; otherwise they connect on first delivery.
   *
   * @throws IOException when the source or the journal fails for good
   */
  public void run(CancellationToken stop) throws IOException, InterruptedException {
    stopping = false;
    inspected = 0;
    source.attach(journal);
    recover();
    sweepArtifacts();
    List<Thread> workers = new ArrayList<>();
    for (LineSink s : sinks) {
      Thread t = new Thread(() -> deliverLoop(s, stop), "line-sink-" + s.spec().kind());
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
    Predictor predictor = model.predictor();
    boolean keepArtifacts = sinks.stream().anyMatch(LineSink::wantsArtifacts);
    try {
      while (!stop.isCancelled()) {
        if (source.exhausted() || (imageLimit > 0 && inspected >= imageLimit)) {
          if (journal.outboxSizes().keySet().stream().noneMatch(this::isOurs)) {
            break;
          }
          Thread.sleep(50);
          continue;
        }
        SourceItem item = source.next(200);
        if (item != null) {
          inspect(item, predictor, keepArtifacts);
        } else if (System.currentTimeMillis() - lastSweepMs > SWEEP_INTERVAL_MS) {
          sweepArtifacts();
        }
      }
    } finally {
      stopping = true;
      synchronized (wake) {
        wake.notifyAll();
      }
      for (Thread t : workers) {
        t.join(15_000);
      }
      sweepArtifacts();
    }
  }

  /**
   * Deletes the kept images no sink waits for any more. A sink deletes them itself after the last
   * delivery; this catches the rest: a crash between that delivery and the deletion, and an MQTT
   * flow that the client completed on its own after a reconnect (the outbox row goes with the
   * broker's PUBCOMP, not with a delivery of the loop). Runs on the inspecting thread only (start,
   * idle moments, stop), so it never sees images kept for a result not yet in the journal.
   */
  private void sweepArtifacts() {
    lastSweepMs = System.currentTimeMillis();
    if (!Files.isDirectory(artifactsRoot)) {
      return;
    }
    try (Stream<Path> kept = Files.list(artifactsRoot)) {
      Set<Long> waiting = journal.waitingImages();
      for (Path dir : kept.toList()) {
        String name = dir.getFileName().toString();
        if (name.matches("[0-9]{1,18}") && !waiting.contains(Long.parseLong(name))) {
          new Artifacts(dir).delete();
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot clear the kept images under {}: {}", artifactsRoot, e.getMessage());
    }
  }

  private boolean isOurs(String key) {
    return sinks.stream().anyMatch(s -> s.spec().key().equals(key));
  }

  /** Images taken before a crash that will not come again are reported lost. */
  private void recover() throws IOException {
    if (source.replays()) {
      return;
    }
    for (Map.Entry<String, Long> p : journal.pending().entrySet()) {
      LineResult r =
          failed(
              p.getValue(),
              p.getKey(),
              p.getKey(),
              0,
              0,
              "not inspected: the line stopped while this image was being inspected");
      journal.complete(r, sinksFor(r));
    }
  }

  private void inspect(SourceItem item, Predictor predictor, boolean keepArtifacts)
      throws IOException {
    LineJournal.Claim claim = journal.claim(item.key(), item.name(), item.appearedAtMs());
    if (claim.ignored()) {
      return; // there on the first start and left alone: not moved or deleted either
    }
    if (claim.state() == LineJournal.State.DONE) {
      source.processed(item); // done before a crash; the file may still need moving
      return;
    }
    long t0 = System.nanoTime();
    LineResult r;
    FloatImage image = null;
    FloatImage map = null;
    if (claim.attempts() > LineJournal.MAX_ATTEMPTS) {
      r =
          failed(
              claim.seq(),
              item,
              0,
              "not inspected: the line stopped "
                  + (claim.attempts() - 1)
                  + " times while inspecting this image");
    } else {
      byte[] bytes = null;
      try {
        bytes = item.bytes();
        image = item.decode(bytes);
        Prediction p;
        synchronized (model.model().network()) {
          p = predictor.predict(image);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        r =
            new LineResult(
                claim.seq(),
                item.key(),
                item.name(),
                now(),
                model.verdict(p),
                p.score(),
                model.normalised(p),
                model.name(),
                model.id(),
                ms,
                item.appearedAtMs(),
                null);
        map = p.mapAtOriginalSize();
        ImageIo.clip01(map);
        if (keepArtifacts) {
          keep(claim.seq(), item, bytes, image, map);
        }
      } catch (ImageReadException e) {
        r = failed(claim.seq(), item, t0, e.reason());
        if (keepArtifacts && bytes != null) {
          keep(claim.seq(), item, bytes, null, null);
        }
      } catch (IOException e) {
        r = failed(claim.seq(), item, t0, "cannot read (" + e.getMessage() + ")");
      } catch (RuntimeException e) {
        LOG.warn("inspecting {} failed", item.name(), e);
        r = failed(claim.seq(), item, t0, "cannot inspect (" + e + ")");
      }
    }
    if (r.error() != null) {
      image = null; // listeners see a failed image without a picture or map
      map = null;
      LOG.warn("{}: {}", item.name(), r.error());
    }
    List<String> to = sinksFor(r);
    journal.complete(r, to);
    if (to.isEmpty()) {
      Artifacts.of(artifactsRoot, r.seq()).delete(); // no sink takes it: nothing to keep
    }
    source.processed(item);
    inspected++;
    double latency = Math.max(0, System.currentTimeMillis() - item.appearedAtMs());
    for (LineListener l : listeners) {
      l.inspected(r, image, map, latency);
    }
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void keep(long seq, SourceItem item, byte[] bytes, FloatImage image, FloatImage map)
      throws IOException {
    Artifacts a = Artifacts.of(artifactsRoot, seq);
    if (bytes != null) {
      AtomicFiles.writeBytes(a.dir().resolve("original." + item.extension()), bytes);
    } else if (image != null) {
      AtomicFiles.writeBytes(a.dir().resolve("original.png"), ImageIo.encodePng(image));
    }
    if (map != null) {
      AtomicFiles.writeBytes(a.dir().resolve("map.png"), ImageIo.encodePng16(map));
      AtomicFiles.writeBytes(
          a.dir().resolve("overlay.png"), ImageIo.encodePng(overlay(image, map)));
    }
  }

  private FloatImage overlay(FloatImage image, FloatImage map) {
    return overlayOf(model, image, map);
  }

  /**
   * The heatmap over the image, coloured with the model's pixel normalisation (as sgsf infer).
   *
   * @param map the anomaly map at the image's size
   */
  public static FloatImage overlayOf(LineModel model, FloatImage image, FloatImage map) {
    ScoreNormalisation n = model.thresholds().pixelNormalisation();
    double gain = 1.0 / n.span();
    double offset = -n.min() * gain;
    return Heatmaps.overlay(
        image, map.data(), map.width(), map.height(), gain, offset, 0.5, Heatmaps.Palette.INFERNO);
  }

  private List<String> sinksFor(LineResult r) {
    List<String> keys = new ArrayList<>();
    for (LineSink s : sinks) {
      if (s.spec().accepts(r)) {
        keys.add(s.spec().key());
      }
    }
    return keys;
  }

  /** The result of an image that could not be inspected; {@code t0} 0 when no time was spent. */
  private LineResult failed(long seq, SourceItem item, long t0, String error) {
    return failed(seq, item.key(), item.name(), item.appearedAtMs(), t0, error);
  }

  private LineResult failed(
      long seq, String key, String name, long appearedMs, long t0, String error) {
    return new LineResult(
        seq,
        key,
        name,
        now(),
        null,
        null,
        null,
        model.name(),
        model.id(),
        t0 == 0 ? 0 : (System.nanoTime() - t0) / 1e6,
        appearedMs,
        error);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private void deliverLoop(LineSink sink, CancellationToken stop) {
    String key = sink.spec().key();
    long backoff = 0;
    long delivered = 0;
    long lastDelivery = 0;
    long refused;
    String lastRefusal = null;
    try {
      refused = journal.refusedCounts().getOrDefault(key, 0);
    } catch (IOException e) {
      refused = 0;
    }
    boolean healthy = true;
    double rate = sink.spec().ratePerSecond();
    while (!stopping && !stop.isCancelled()) {
      LineResult r = null;
      try {
        if (backoff > 0) {
          pause(backoff);
          if (stopping || stop.isCancelled()) {
            break;
          }
        }
        var next = journal.next(key);
        if (next.isEmpty()) {
          pause(200);
          continue;
        }
        if (rate > 0) {
          long wait = lastDelivery + (long) (1000 / rate) - System.currentTimeMillis();
          if (wait > 0) {
            pause(wait);
            continue;
          }
        }
        r = next.get().result();
        Artifacts a = Artifacts.of(artifactsRoot, r.seq());
        int remaining;
        if (sink instanceof ReviewSink review) {
          remaining = review.file(r, a);
        } else {
          sink.deliver(r, a);
          remaining = journal.delivered(key, r.seq());
        }
        lastDelivery = System.currentTimeMillis();
        delivered++;
        backoff = 0;
        if (remaining == 0) {
          a.delete();
          double latency = Math.max(0, lastDelivery - r.appearedAtMs());
          for (LineListener l : listeners) {
            l.deliveredEverywhere(r, latency);
          }
        }
        healthy = true;
        report(new SinkHealth(key, true, delivered, refused, null, lastRefusal));
      } catch (DeliveryRefusedException e) {
        try {
          if (journal.refuse(key, r.seq(), e.getMessage()) == 0) {
            Artifacts.of(artifactsRoot, r.seq()).delete();
          }
          refused++;
          lastRefusal = e.getMessage();
          lastDelivery = System.currentTimeMillis();
          backoff = 0;
          LOG.warn("sink {}: {} (kept in the journal as refused)", key, e.getMessage());
          report(new SinkHealth(key, true, delivered, refused, e.getMessage(), lastRefusal));
        } catch (IOException j) {
          backoff = nextBackoff(backoff);
          report(new SinkHealth(key, false, delivered, refused, j.getMessage(), lastRefusal));
        }
      } catch (IOException | RuntimeException e) {
        backoff = nextBackoff(backoff);
        if (healthy) {
          LOG.warn("sink {}: {} (results wait in its outbox)", key, e.getMessage());
        }
        healthy = false;
        report(new SinkHealth(key, false, delivered, refused, e.getMessage(), lastRefusal));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    report(new SinkHealth(key, healthy, delivered, refused, null, lastRefusal));
  }

  private static long nextBackoff(long backoff) {
    return backoff == 0 ? MIN_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, backoff * 2);
  }

  private void report(SinkHealth h) {
    for (LineListener l : listeners) {
      l.sinkHealth(h);
    }
  }

  private void pause(long ms) throws InterruptedException {
    synchronized (wake) {
      if (!stopping) {
        wake.wait(Math.max(1, ms));
      }
    }
  }
}
