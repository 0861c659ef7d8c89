package sgsf.ui.concurrent;

import java.util.concurrent.CancellationException;
import sgsf.engine.task.CancellationToken;

/** What background work sees of its task: progress reporting and cancellation. */
public interface TaskContext {
  /** Reports {@code done} of {@code total} units of work (a negative total means indeterminate). */
  void updateProgress(double done, double total);

  /** A short line of text for the status bar. */
  void updateMessage(String message);

  /** The task's cancellation token, cancelled from the status bar or by the application. */
  CancellationToken cancellation();

  /** True once the user (or the application) asked the task to stop. */
  default boolean isCancelled() {
    return cancellation().isCancelled();
  }

  /**
   * Runs {@code hook} (on the cancelling thread) when the task is cancelled, at once if it already
   * was: to pass a cancel from the status bar on to an engine control object. Hooks must be
   * idempotent (a hook registered during cancellation may run twice).
   */
  default void onCancel(Runnable hook) {
    cancellation().onCancel(hook);
  }

  /** Throws {@link CancellationException} if the task was cancelled. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancellationException("cancelled");
    }
  }
}
