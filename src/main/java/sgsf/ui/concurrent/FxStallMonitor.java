package sgsf.ui.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how long the FX application thread stays unresponsive. Two probes: the gap between
 * consecutive pulses (an {@link AnimationTimer} keeps pulses coming while the monitor runs), and
 * the latency of a small runnable posted every {@value #PROBE_MS} ms from a background thread. The
 * larger of the two is the stall a user would feel. Logs the maxima when stopped.
 */
public final class FxStallMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(FxStallMonitor.class);
  static final int PROBE_MS = 10;
  private final String label;
  private final AtomicLong maxPulseGapNanos = new AtomicLong();
  private final AtomicLong maxEventLatencyNanos = new AtomicLong();
  private final AtomicLong probes = new AtomicLong();
  private final AtomicLong stallsOver100ms = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean probeOutstanding = new AtomicBoolean();
  private ScheduledExecutorService prober;
  private AnimationTimer pulses;
  private long lastPulse;
  private long startNanos;
  private final java.util.List<String> stalls = new java.util.ArrayList<>();

  public FxStallMonitor(String label) {
    this.label = label;
  }

  /** Starts measuring afresh (the figures of an earlier measurement are cleared); FX thread. */
  public void start() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    lastPulse = 0;
    maxPulseGapNanos.set(0);
    maxEventLatencyNanos.set(0);
    probes.set(0);
    stallsOver100ms.set(0);
    startNanos = System.nanoTime();
    synchronized (stalls) {
      stalls.clear();
    }
    fxThread = Thread.currentThread();
    pulses =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            long t = System.nanoTime();
            if (lastPulse != 0) {
              record(maxPulseGapNanos, t - lastPulse);
            }
            lastPulse = t;
          }
        };
    pulses.start();
    prober =
        Executors.newSingleThreadScheduledExecutor(FxTaskRunner.daemonThreads("sgsf-fx-probe"));
    prober.scheduleAtFixedRate(this::probe, PROBE_MS, PROBE_MS, TimeUnit.MILLISECONDS);
  }

  private volatile long outstandingSince;
  private volatile Thread fxThread;
  private volatile boolean sampled;

  private void probe() {
    if (!probeOutstanding.compareAndSet(false, true)) {
      long waiting = System.nanoTime() - outstandingSince;
      if (waiting > 100_000_000L && !sampled && fxThread != null && LOG.isDebugEnabled()) {
        sampled = true;
        StringBuilder b = new StringBuilder();
        for (StackTraceElement e : fxThread.getStackTrace()) {
          b.append("\n    at ").append(e);
        }
        LOG.debug("FX thread busy for {} ms:{}", waiting / 1_000_000, b);
      }
      return;
    }
    sampled = false;
    long posted = System.nanoTime();
    outstandingSince = posted;
    Platform.runLater(
        () -> {
          probeOutstanding.set(false);
          probes.incrementAndGet();
          record(maxEventLatencyNanos, System.nanoTime() - posted);
        });
  }

  // Runs on the FX thread: nothing here may load classes or libraries (ManagementFactory did, and
  // turned a 150 ms stall into a 280 ms one).
  private void record(AtomicLong max, long nanos) {
    max.accumulateAndGet(nanos, Math::max);
    if (nanos > 100_000_000L) {
      stallsOver100ms.incrementAndGet();
      synchronized (stalls) {
        stalls.add(
            String.format(
                java.util.Locale.ROOT,
                "%.0f ms at +%.1f s",
                nanos / 1e6,
                (System.nanoTime() - startNanos) / 1e9));
        if (stalls.size() > 20) {
          stalls.remove(0);
        }
      }
    }
  }

  /** Stops measuring and logs the maxima; FX thread. */
  public void stop() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    pulses.stop();
    prober.shutdownNow();
    LOG.info(
        "FX stall monitor [{}]: max pulse gap {} ms, max event latency {} ms over {} probes, {}"
            + " stalls > 100 ms",
        label,
        String.format("%.1f", maxPulseGapMillis()),
        String.format("%.1f", maxEventLatencyMillis()),
        probes.get(),
        stallsOver100ms.get());
    synchronized (stalls) {
      if (!stalls.isEmpty()) {
        LOG.info("FX stall monitor [{}]: stalls over 100 ms (last 20): {}", label, stalls);
      }
    }
  }

  public double maxPulseGapMillis() {
    return maxPulseGapNanos.get() / 1e6;
  }

  public double maxEventLatencyMillis() {
    return maxEventLatencyNanos.get() / 1e6;
  }

  /** The larger of the two maxima, in milliseconds. */
  public double maxStallMillis() {
    return Math.max(maxPulseGapMillis(), maxEventLatencyMillis());
  }

  /** Pulse gaps and probe waits over 100 ms since the last {@link #start()}. */
  public long stallsOver100ms() {
    return stallsOver100ms.get();
  }

  public long probeCount() {
    return probes.get();
  }

  public boolean isRunning() {
    return running.get();
  }
}
