package sgsf.ui.training;

import java.util.concurrent.CancellationException;
import sgsf.engine.train.TrainingControl;
import sgsf.engine.train.TrainingListener;
import sgsf.ui.concurrent.TaskContext;
import sgsf.workflow.TrainingWorkflow;

/**
 * Runs a request through {@link TrainingWorkflow}, the same path as {@code sgsf train}: images
 * loaded (with progress, cancellable), forging on a background thread, checkpoints into the run
 * folder, the model saved when the run completes. Trains on one core fewer than the machine has, so
 * the window stays responsive.
 */
public final class EngineTrainingRunner implements TrainingRunner {
  /** The compute threads training uses: one fewer than the cores, leaving one to the window. */
  public static int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  @Override
  public Result run(
      TrainingWorkflow.Request r,
      TrainingListener listener,
      TrainingControl control,
      TaskContext ctx)
      throws Exception {
    sgsf.engine.backend.Backend.limitComputeThreads(threads());
    TrainingWorkflow.Result result =
        TrainingWorkflow.run(
            r,
            listener,
            control,
            (done, total) -> {
              if (ctx.isCancelled()) {
                throw new CancellationException("cancelled while loading images");
              }
              ctx.updateProgress(done, total);
              ctx.updateMessage("loading images " + done + " / " + total);
            });
    return new Result(result.outcome(), result.savedModel());
  }
}
