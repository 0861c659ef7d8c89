package sgsf.ui.training;

import java.nio.file.Path;
import sgsf.engine.train.TrainingControl;
import sgsf.engine.train.TrainingListener;
import sgsf.engine.train.TrainingOutcome;
import sgsf.ui.concurrent.TaskContext;
import sgsf.workflow.TrainingWorkflow;

/** Carries out a {@link TrainingWorkflow.Request} on the training thread. */
@FunctionalInterface
public interface TrainingRunner {
  /**
   * Loads the data, trains (or resumes), saves checkpoints into the run folder and, when the run
   * completes, the model into the models folder.
   *
   * @param context progress while loading, and cancellation
   */
  Result run(
      TrainingWorkflow.Request request,
      TrainingListener listener,
      TrainingControl control,
      TaskContext context)
      throws Exception;

  /**
   * @param outcome how the run ended
   * @param savedModel the saved model file, or null when the run did not complete
   */
  record Result(TrainingOutcome outcome, Path savedModel) {}
}
