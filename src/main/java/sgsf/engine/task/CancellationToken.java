package sgsf.engine.task;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A request to stop, set from any thread and polled by the work between units (one batch, one
 * iteration, one file), so a request takes effect within one unit. Work that stops early either
 * returns what it has (and says so in its result) or throws {@link CancellationException}; each
 * method's Javadoc says which.
 */
public class CancellationToken {
  private volatile boolean cancelled;
  private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

  /** A token nobody holds to cancel with: the work always runs to its end. */
  public static CancellationToken none() {
    return new CancellationToken();
  }

  /** This token, or a fresh never-cancelled one for {@code null}. */
  public static CancellationToken orNone(CancellationToken token) {
    return token == null ? none() : token;
  }

  /** Asks the work to stop; runs the registered hooks once, on the calling thread. */
  public void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    hooks.forEach(Runnable::run);
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code hook} when the token is cancelled (at once if it already is): to pass a cancel on
   * to something that blocks, such as a paused training. Hooks must be idempotent: one registered
   * while the token is being cancelled may run twice.
   */
  public void onCancel(Runnable hook) {
    hooks.add(hook);
    if (cancelled) {
      hook.run();
    }
  }

  /**
   * @throws CancellationException saying {@code what} was cancelled, when it was
   */
  public void throwIfCancelled(String what) {
    if (cancelled) {
      throw new CancellationException(what + " cancelled");
    }
  }
}
