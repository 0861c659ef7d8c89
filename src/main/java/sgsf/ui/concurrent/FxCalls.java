package sgsf.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/** Calls into the FX thread from another thread and waits for the answer. */
public final class FxCalls {
  private FxCalls() {}

  /**
   * Runs {@code work} on the FX thread (at once when already on it) and returns its result; its
   * exception is rethrown as is. Fails after {@code timeoutSeconds}.
   */
  public static <T> T call(Callable<T> work, long timeoutSeconds) throws Exception {
    if (Platform.isFxApplicationThread()) {
      return work.call();
    }
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(work.call());
          } catch (Throwable t) {
            f.completeExceptionally(t);
          }
        });
    try {
      return f.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Polls {@code condition} on the FX thread every 25 ms until it holds; throws {@link
   * IllegalStateException} naming {@code what} after {@code timeoutMillis}.
   */
  public static void waitFor(String what, long timeoutMillis, BooleanSupplier condition)
      throws Exception {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (!call(condition::getAsBoolean, 30)) {
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException(
            "timed out after " + timeoutMillis + " ms waiting for " + what);
      }
      Thread.sleep(25);
    }
  }
}
