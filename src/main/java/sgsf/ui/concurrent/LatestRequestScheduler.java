package sgsf.ui.concurrent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Latest request wins: for interactive recomputation (a slider dragged across a forge preview). At
 * most one computation runs at a time; requests arriving meanwhile replace each other, so after a
 * burst only the newest is computed next. Results arrive on the dispatcher in request order, the
 * last one always belonging to the newest request.
 */
public final class LatestRequestScheduler<Q, R> {
  private final Executor executor;
  private final Executor dispatcher;
  private final Function<Q, R> compute;
  private final Consumer<R> onResult;
  private final Consumer<Throwable> onError;
  private final Object lock = new Object();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong computed = new AtomicLong();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private Q pending;
  private boolean hasPending;
  private boolean running;

  public LatestRequestScheduler(
      Executor executor,
      Executor dispatcher,
      Function<Q, R> compute,
      Consumer<R> onResult,
      Consumer<Throwable> onError) {
    this.executor = Objects.requireNonNull(executor);
    this.dispatcher = Objects.requireNonNull(dispatcher);
    this.compute = Objects.requireNonNull(compute);
    this.onResult = Objects.requireNonNull(onResult);
    this.onError = Objects.requireNonNull(onError);
  }

  /**
   * Asks for {@code request} to be computed, replacing any request still waiting. Once the executor
   * is shut down (the workbench is closing) requests are dropped: a late event, such as a dataset
   * scan finishing after the window closed, must not throw on the FX thread.
   */
  public void submit(Q request) {
    boolean start;
    synchronized (lock) {
      pending = request;
      hasPending = true;
      start = !running;
      running = true;
    }
    if (start) {
      setBusy(true);
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        synchronized (lock) {
          pending = null;
          hasPending = false;
          running = false;
        }
        setBusy(false);
      }
    }
  }

  /** Drops the waiting request and discards the result of the one running. */
  public void cancel() {
    generation.incrementAndGet();
    synchronized (lock) {
      pending = null;
      hasPending = false;
    }
  }

  /** True while a computation runs or waits; changes on the dispatcher. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** How many requests were actually computed (the rest were superseded). */
  public long computedCount() {
    return computed.get();
  }

  private void drain() {
    while (true) {
      Q request;
      long gen = generation.get();
      synchronized (lock) {
        if (!hasPending) {
          running = false;
          break;
        }
        request = pending;
        pending = null;
        hasPending = false;
      }
      try {
        R result = compute.apply(request);
        computed.incrementAndGet();
        dispatcher.execute(
            () -> {
              if (gen == generation.get()) {
                onResult.accept(result);
              }
            });
      } catch (RuntimeException | Error e) {
        dispatcher.execute(
            () -> {
              if (gen == generation.get()) {
                onError.accept(e);
              }
            });
      }
    }
    setBusy(false);
  }

  private void setBusy(boolean value) {
    dispatcher.execute(
        () -> {
          boolean idle;
          synchronized (lock) {
            idle = !running;
          }
          busy.set(value || !idle);
        });
  }
}
