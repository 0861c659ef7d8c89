package sgsf.ui.concurrent;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link BackgroundWork} on a {@link Lane}'s executor and reports back on a dispatcher (the FX
 * thread in the application, the calling thread in tests). Callbacks and property changes only ever
 * happen on the dispatcher.
 */
public abstract class TaskRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
  private final ObservableList<RunningTask<?>> activeTasks = FXCollections.observableArrayList();

  /** The executor of a lane. */
  protected abstract Executor executor(Lane lane);

  /** Where results, callbacks and property changes are delivered. */
  public abstract Executor dispatcher();

  /** Stops the executors (running work is asked to stop through its lane's threads' end). */
  public abstract void shutdown();

  /** The visible (not quiet) tasks that have not finished, oldest first; dispatcher thread only. */
  public ObservableList<RunningTask<?>> activeTasks() {
    return activeTasks;
  }

  /** Starts describing a task; call {@link Builder#start()} to run it. */
  public <T> Builder<T> task(String title, BackgroundWork<T> work) {
    return new Builder<>(title, work);
  }

  /**
   * A latest-request-wins scheduler computing on {@code lane}, delivering on the dispatcher.
   *
   * @see LatestRequestScheduler
   */
  public <Q, R> LatestRequestScheduler<Q, R> latestRequestWins(
      Lane lane, Function<Q, R> compute, Consumer<R> onResult, Consumer<Throwable> onError) {
    return new LatestRequestScheduler<>(executor(lane), dispatcher(), compute, onResult, onError);
  }

  /** Describes one task: lane, callbacks, visibility. */
  public final class Builder<T> {
    private final String title;
    private final BackgroundWork<T> work;
    private Lane lane = Lane.IO;
    private boolean quiet;
    private Consumer<? super T> onSuccess = r -> {};
    private Consumer<Throwable> onFailure = e -> LOG.error("background task failed", e);
    private Runnable onCancelled = () -> {};
    private Runnable onFinished = () -> {};

    private Builder(String title, BackgroundWork<T> work) {
      this.title = Objects.requireNonNull(title);
      this.work = Objects.requireNonNull(work);
    }

    public Builder<T> lane(Lane l) {
      this.lane = Objects.requireNonNull(l);
      return this;
    }

    /** Keeps the task out of the status bar. */
    public Builder<T> quiet() {
      this.quiet = true;
      return this;
    }

    public Builder<T> onSuccess(Consumer<? super T> c) {
      this.onSuccess = Objects.requireNonNull(c);
      return this;
    }

    public Builder<T> onFailure(Consumer<Throwable> c) {
      this.onFailure = Objects.requireNonNull(c);
      return this;
    }

    public Builder<T> onCancelled(Runnable r) {
      this.onCancelled = Objects.requireNonNull(r);
      return this;
    }

    /** Runs after success, failure or cancellation (after the specific callback). */
    public Builder<T> onFinished(Runnable r) {
      this.onFinished = Objects.requireNonNull(r);
      return this;
    }

    /** Schedules the work; must be called on the dispatcher thread. */
    public RunningTask<T> start() {
      Executor dispatcher = dispatcher();
      RunningTask<T> task = new RunningTask<>(title, quiet, dispatcher);
      if (!quiet) {
        activeTasks.add(task);
      }
      TaskContext context = task.context();
      Runnable body =
          () -> {
            dispatcher.execute(() -> task.setState(TaskState.RUNNING));
            T result = null;
            Throwable error = null;
            try {
              result = work.run(context);
            } catch (Throwable t) {
              error = t;
            }
            T r = result;
            Throwable e = error;
            dispatcher.execute(() -> complete(task, r, e));
          };
      try {
        executor(lane).execute(body);
      } catch (RejectedExecutionException ex) {
        complete(task, null, new IllegalStateException("the workbench is shutting down", ex));
      }
      return task;
    }

    private void complete(RunningTask<T> task, T result, Throwable error) {
      activeTasks.remove(task);
      boolean cancelled =
          error instanceof CancellationException || (error == null && task.isCancelRequested());
      try {
        if (cancelled) {
          task.setState(TaskState.CANCELLED);
          onCancelled.run();
        } else if (error != null) {
          task.setState(TaskState.FAILED);
          onFailure.accept(error);
        } else {
          task.setState(TaskState.SUCCEEDED);
          onSuccess.accept(result);
        }
      } finally {
        onFinished.run();
      }
    }
  }
}
