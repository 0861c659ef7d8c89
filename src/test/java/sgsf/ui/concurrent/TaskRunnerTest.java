package sgsf.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
  private final SynchronousTaskRunner runner = new SynchronousTaskRunner();

  @Test
  void successDeliversTheResultAndFullProgress() {
    AtomicReference<String> got = new AtomicReference<>();
    List<String> seen = new ArrayList<>();
    RunningTask<String> t =
        runner
            .task(
                "work",
                ctx -> {
                  ctx.updateProgress(1, 4);
                  ctx.updateMessage("a quarter");
                  seen.add(runner.activeTasks().size() + " active");
                  return "done";
                })
            .onSuccess(got::set)
            .start();
    assertThat(got.get()).isEqualTo("done");
    assertThat(seen).containsExactly("1 active");
    assertThat(t.getState()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(t.progressProperty().get()).isEqualTo(1.0);
    assertThat(t.messageProperty().get()).isEqualTo("a quarter");
    assertThat(runner.activeTasks()).isEmpty();
    assertThat(t.finished()).isCompletedWithValue(TaskState.SUCCEEDED);
  }

  @Test
  void failureDeliversTheErrorNotTheResult() {
    AtomicReference<Throwable> error = new AtomicReference<>();
    AtomicReference<Object> result = new AtomicReference<>();
    List<String> finished = new ArrayList<>();
    RunningTask<Object> t =
        runner
            .task(
                "broken",
                ctx -> {
                  throw new IOException("/data/x.png: file is empty");
                })
            .onSuccess(result::set)
            .onFailure(error::set)
            .onFinished(() -> finished.add("finished"))
            .start();
    assertThat(t.getState()).isEqualTo(TaskState.FAILED);
    assertThat(error.get()).hasMessage("/data/x.png: file is empty");
    assertThat(result.get()).isNull();
    assertThat(finished).containsExactly("finished");
  }

  @Test
  void cancellationRequestedDuringTheWorkEndsAsCancelled() {
    AtomicReference<RunningTask<Integer>> self = new AtomicReference<>();
    List<String> calls = new ArrayList<>();
    FakeLoop loop = new FakeLoop(self);
    RunningTask<Integer> t =
        runner
            .task("loop", loop)
            .onSuccess(r -> calls.add("success"))
            .onCancelled(() -> calls.add("cancelled"))
            .start();
    assertThat(loop.iterations).isEqualTo(3);
    assertThat(t.getState()).isEqualTo(TaskState.CANCELLED);
    assertThat(calls).containsExactly("cancelled");
  }

  /** Cancels its own task at the third iteration, then notices at the next check. */
  private final class FakeLoop implements BackgroundWork<Integer> {
    final AtomicReference<RunningTask<Integer>> self;
    int iterations;

    FakeLoop(AtomicReference<RunningTask<Integer>> self) {
      this.self = self;
    }

    @Override
    public Integer run(TaskContext ctx) {
      for (int i = 0; i < 100; i++) {
        ctx.checkCancelled();
        iterations++;
        if (iterations == 3) {
          runner.activeTasks().get(0).cancel();
        }
      }
      return iterations;
    }
  }

  @Test
  void quietTasksStayOutOfTheActiveList() {
    List<Integer> sizes = new ArrayList<>();
    runner
        .task(
            "thumbnail",
            ctx -> {
              sizes.add(runner.activeTasks().size());
              return 1;
            })
        .quiet()
        .start();
    assertThat(sizes).containsExactly(0);
  }
}
