package sgsf.ui.concurrent;

import java.util.concurrent.CancellationException;

/** What background work sees of its task: progress reporting and cancellation. */
public interface TaskContext {
  /** Reports {@code done} of {@code total} units of work (a negative total means indeterminate). */
  void updateProgress(double done, double total);

  /** A short line of text for the status bar. */
  void updateMessage(String message);

  /** True once the user (or the application) asked the task to stop. */
  boolean isCancelled();

  /** Throws {@link CancellationException} if the task was cancelled. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancellationException("cancelled");
    }
  }
}
