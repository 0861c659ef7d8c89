package sgsf.ui.training;

import java.nio.file.Path;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.Dataset;

/**
 * One training run as the form describes it.
 *
 * @param dataset the dataset whose good training images are used
 * @param model the network shape
 * @param train the training configuration
 * @param forge the forging configuration (the Forge section's, with the form's strategy)
 * @param runDir where this run's checkpoints go (a folder under the workspace's runs folder)
 * @param modelOut where the finished model is saved (under the workspace's models folder)
 * @param resumeFrom a checkpoint to continue from, or null for a fresh run
 * @param confirmedGood the workspace's list of images confirmed good in review ({@link
 *     sgsf.io.review.ConfirmedGoodList}), added to the training images; null or a missing file for
 *     none
 */
public record TrainingRequest(
    Dataset dataset,
    ModelConfig model,
    TrainConfig train,
    ForgeConfig forge,
    Path runDir,
    Path modelOut,
    Path resumeFrom,
    Path confirmedGood) {

  /** A request without confirmed-good images. */
  public TrainingRequest(
      Dataset dataset,
      ModelConfig model,
      TrainConfig train,
      ForgeConfig forge,
      Path runDir,
      Path modelOut,
      Path resumeFrom) {
    this(dataset, model, train, forge, runDir, modelOut, resumeFrom, null);
  }
}
