package sgsf.engine.data;

/**
 * Progress and cancellation of a dataset scan. Called from worker threads; implementations must be
 * thread-safe.
 */
public interface ScanProgress {
  /** A listener that ignores progress and never cancels. */
  ScanProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} image files have been verified. */
  void update(int done, int total);

  /**
   * Polled while scanning; when it returns true the scan stops with a {@link
   * java.util.concurrent.CancellationException}.
   */
  default boolean isCancelled() {
    return false;
  }
}
