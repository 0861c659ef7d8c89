package sgsf.engine.task;

/**
 * Told how far a piece of work is, in units the work names (images, files, iterations). May be
 * called from worker threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /** {@code done} of {@code total} units are finished. */
  void update(int done, int total);

  /** This listener, or {@link #NONE} for {@code null}. */
  static ProgressListener orNone(ProgressListener listener) {
    return listener == null ? NONE : listener;
  }
}
