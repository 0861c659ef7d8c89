package sgsf.workflow.line;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import sgsf.engine.image.FloatImage;

/**
 * Counters of a running line for status lines and the workbench: images, verdicts, errors,
 * throughput over the last {@link #WINDOW_MS}, latency percentiles over the last {@link #KEPT}
 * images, and each sink's health. Thread-safe.
 */
public final class LineStats implements LineListener {
  /** The throughput window. */
  public static final long WINDOW_MS = 10_000;

  /** How many recent latencies the percentiles are taken over. */
  public static final int KEPT = 2048;

  /**
   * One reading of the counters.
   *
   * @param images results journalled in this run
   * @param ok OK verdicts
   * @param review REVIEW verdicts
   * @param ng NG verdicts
   * @param errors images that could not be inspected
   * @param imagesPerSecond throughput over the last {@link #WINDOW_MS}
   * @param p50Ms median latency from appearance to journalled result
   * @param p95Ms 95th percentile of that latency
   * @param deliveredP50Ms median latency from appearance to delivery in every sink
   * @param deliveredP95Ms 95th percentile of that
   * @param sinks each sink's health, by key
   */
  public record Snapshot(
      long images,
      long ok,
      long review,
      long ng,
      long errors,
      double imagesPerSecond,
      double p50Ms,
      double p95Ms,
      double deliveredP50Ms,
      double deliveredP95Ms,
      Map<String, SinkHealth> sinks) {}

  private long images;
  private long ok;
  private long review;
  private long ng;
  private long errors;
  private final long[] doneAt = new long[KEPT];
  private final double[] latency = new double[KEPT];
  private final double[] delivered = new double[KEPT];
  private long deliveredCount;
  private final Map<String, SinkHealth> sinks = new LinkedHashMap<>();

  @Override
  public synchronized void inspected(
      LineResult r, FloatImage image, FloatImage map, double latencyMs) {
    doneAt[(int) (images % KEPT)] = System.currentTimeMillis();
    latency[(int) (images % KEPT)] = latencyMs;
    images++;
    if (r.error() != null) {
      errors++;
    } else {
      switch (r.verdict()) {
        case "OK" -> ok++;
        case "REVIEW" -> review++;
        default -> ng++;
      }
    }
  }

  @Override
  public synchronized void deliveredEverywhere(LineResult r, double latencyMs) {
    delivered[(int) (deliveredCount % KEPT)] = latencyMs;
    deliveredCount++;
  }

  @Override
  public synchronized void sinkHealth(SinkHealth h) {
    sinks.put(h.sink(), h);
  }

  /** The counters now. */
  public synchronized Snapshot snapshot() {
    long now = System.currentTimeMillis();
    int n = (int) Math.min(images, KEPT);
    int recent = 0;
    long oldest = now;
    for (int i = 0; i < n; i++) {
      if (now - doneAt[i] <= WINDOW_MS) {
        recent++;
        oldest = Math.min(oldest, doneAt[i]);
      }
    }
    double span = Math.max(1000, Math.min(WINDOW_MS, now - oldest));
    double rate = recent == 0 ? 0 : recent * 1000.0 / span;
    double[] l = Arrays.copyOf(latency, n);
    double[] d = Arrays.copyOf(delivered, (int) Math.min(deliveredCount, KEPT));
    return new Snapshot(
        images,
        ok,
        review,
        ng,
        errors,
        rate,
        percentile(l, 0.5),
        percentile(l, 0.95),
        percentile(d, 0.5),
        percentile(d, 0.95),
        new LinkedHashMap<>(sinks));
  }

  /** The {@code q} quantile (nearest rank) of the values, NaN when there are none. */
  public static double percentile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(q * s.length);
    return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
  }
}
