package sgsf.engine.train;

import sgsf.engine.task.CancellationToken;

/**
 * The cancellation token of a training, with pause and resume: set from any thread. The trainer
 * checks it between iterations, so a request takes effect within one iteration.
 */
public final class TrainingControl extends CancellationToken {
  private boolean paused;

  public TrainingControl() {
    onCancel(this::wakeUp);
  }

  private synchronized void wakeUp() {
    notifyAll();
  }

  public synchronized void pause() {
    paused = true;
  }

  public synchronized void resume() {
    paused = false;
    notifyAll();
  }

  public synchronized boolean isPaused() {
    return paused;
  }

  /** Blocks while paused (returns at once when cancelled); returns whether the run may go on. */
  public synchronized boolean awaitRunnable() {
    while (paused && !isCancelled()) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
      }
    }
    return !isCancelled();
  }
}
