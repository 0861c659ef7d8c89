package sgsf.ui.concurrent;

import java.util.concurrent.Executor;

/**
 * Runs every task at once on the calling thread and delivers on the same thread: for ViewModel
 * tests, which then need neither a screen nor any waiting.
 */
public final class SynchronousTaskRunner extends TaskRunner {
  private static final Executor DIRECT = Runnable::run;

  @Override
  protected Executor executor(Lane lane) {
    return DIRECT;
  }

  @Override
  public Executor dispatcher() {
    return DIRECT;
  }

  @Override
  public void shutdown() {}
}
