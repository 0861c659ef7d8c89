package sgsf.engine.train;

/**
 * Cancellation and pause of a running training, set from any thread. The trainer checks it between
 * iterations, so a request takes effect within one iteration.
 */
public final class TrainingControl {
  private volatile boolean cancelled;
  private boolean paused;

  public void cancel() {
    cancelled = true;
    synchronized (this) {
      notifyAll();
    }
  }

  public boolean isCancelled() {
    return cancelled;
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
    while (paused && !cancelled) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled = true;
      }
    }
    return !cancelled;
  }
}
