package sgsf.ui.concurrent;

/** The executor a piece of background work runs on. */
public enum Lane {
  /** File system work: scanning datasets, reading and writing files (a small pool). */
  IO("sgsf-io", 2),
  /** Interactive recomputation: forge previews, heatmaps (one thread; latest request wins). */
  COMPUTE("sgsf-compute", 1),
  /** Network training: its own single thread, so it never blocks the other lanes. */
  TRAINING("sgsf-training", 1);

  private final String threadName;
  private final int threads;

  Lane(String threadName, int threads) {
    this.threadName = threadName;
    this.threads = threads;
  }

  public String threadName() {
    return threadName;
  }

  public int threads() {
    return threads;
  }
}
