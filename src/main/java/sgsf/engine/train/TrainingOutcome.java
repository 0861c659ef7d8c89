package sgsf.engine.train;

import java.nio.file.Path;
import sgsf.engine.model.SgsfModel;

/**
 * How a training run ended.
 *
 * @param status completed, cancelled or stopped on a non-finite loss
 * @param model the trained model (null unless completed)
 * @param message a sentence for the user
 * @param lastCheckpoint the newest good checkpoint, or null
 * @param iterations iterations run in total
 */
public record TrainingOutcome(
    Status status, SgsfModel model, String message, Path lastCheckpoint, int iterations) {

  /** How the run ended. */
  public enum Status {
    COMPLETED,
    CANCELLED,
    DIVERGED
  }
}
