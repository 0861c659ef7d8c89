package sgsf.ui.concurrent;

import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import sgsf.engine.task.CancellationToken;

/**
 * A piece of background work as the UI sees it: title, progress, message and state as observable
 * properties (changed only on the runner's dispatcher, the FX thread in the application), and a
 * cooperative {@link #cancel()}.
 */
public final class RunningTask<T> {
  private final String title;
  private final boolean quiet;
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyObjectWrapper<TaskState> state =
      new ReadOnlyObjectWrapper<>(this, "state", TaskState.SCHEDULED);
  private final CancellationToken cancellation = new CancellationToken();
  private final AtomicReference<double[]> pendingProgress = new AtomicReference<>();
  private final AtomicReference<String> pendingMessage = new AtomicReference<>();
  private final java.util.concurrent.Executor dispatcher;
  private final java.util.concurrent.CompletableFuture<TaskState> finished =
      new java.util.concurrent.CompletableFuture<>();

  RunningTask(String title, boolean quiet, java.util.concurrent.Executor dispatcher) {
    this.title = title;
    this.quiet = quiet;
    this.dispatcher = dispatcher;
  }

  public String title() {
    return title;
  }

  /** Quiet tasks (thumbnails, previews) are not shown in the status bar. */
  public boolean isQuiet() {
    return quiet;
  }

  /** Fraction done in [0, 1], or -1 while indeterminate. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<TaskState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public TaskState getState() {
    return state.get();
  }

  /** Asks the work to stop; it notices at its next {@link TaskContext#isCancelled()} check. */
  public void cancel() {
    if (!cancellation.isCancelled()) {
      cancellation.cancel();
      dispatcher.execute(
          () -> {
            if (!state.get().isFinished()) {
              state.set(TaskState.CANCELLING);
            }
          });
    }
  }

  public boolean isCancelRequested() {
    return cancellation.isCancelled();
  }

  /** Completes with the final state once the work has stopped and the callbacks have run. */
  public java.util.concurrent.CompletableFuture<TaskState> finished() {
    return finished;
  }

  TaskContext context() {
    return new TaskContext() {
      @Override
      public void updateProgress(double done, double total) {
        double[] v = {done, total};
        if (pendingProgress.getAndSet(v) == null) {
          dispatcher.execute(
              () -> {
                double[] p = pendingProgress.getAndSet(null);
                if (p != null) {
                  progress.set(p[1] <= 0 ? -1 : Math.max(0, Math.min(1, p[0] / p[1])));
                }
              });
        }
      }

      @Override
      public void updateMessage(String text) {
        if (pendingMessage.getAndSet(text == null ? "" : text) == null) {
          dispatcher.execute(
              () -> {
                String m = pendingMessage.getAndSet(null);
                if (m != null) {
                  message.set(m);
                }
              });
        }
      }

      @Override
      public CancellationToken cancellation() {
        return cancellation;
      }
    };
  }

  /** Dispatcher thread only. */
  void setState(TaskState s) {
    if (s == TaskState.RUNNING && state.get() == TaskState.CANCELLING) {
      return;
    }
    state.set(s);
    if (s.isFinished()) {
      if (s == TaskState.SUCCEEDED) {
        progress.set(1);
      }
      finished.complete(s);
    }
  }

  @Override
  public String toString() {
    return "RunningTask[" + title + ", " + state.get() + "]";
  }
}
