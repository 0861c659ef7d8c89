package sgsf.engine.train;

import java.nio.file.Path;

/**
 * Progress of a training run. Called on the training thread: implementations hand work to their own
 * thread (the GUI via Platform.runLater) and return quickly.
 */
public interface TrainingListener {
  /** Once, before the first iteration: what runs where. */
  default void onStart(TrainingStart start) {}

  default void onPhase(TrainingPhase phase, String message) {}

  default void onIteration(IterationStats stats) {}

  /** Whether {@link #onPreview} is wanted for this iteration (a preview costs a forward pass). */
  default boolean wantsPreview(int iteration) {
    return false;
  }

  default void onPreview(BatchPreview preview) {}

  default void onCheckpoint(Path checkpoint, int iteration) {}

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /**
   * What the run starts with.
   *
   * @param backend e.g. "CPU (oneDNN), 2 threads"
   * @param parameters trainable parameters of both networks
   * @param trainingImages number of good training images
   * @param plannedIterations warm-up + main iterations planned
   * @param startIteration 0, or the iteration a resumed run continues from
   */
  record TrainingStart(
      String backend,
      long parameters,
      int trainingImages,
      int plannedIterations,
      int startIteration) {}
}
