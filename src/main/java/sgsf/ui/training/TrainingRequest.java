package sgsf.ui.training;

import java.nio.file.Path;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.Dataset;

/**
 * One training run as the form describes it.
 *
 * @param dataset the dataset whose good training images are used
 * @param model the network shape
 * @param train the training configuration
 * @param runDir where this run's checkpoints and log go (inside the workspace's runs folder)
 * @param modelsDir where the finished model is saved
 * @param resumeFrom a checkpoint to continue from, or null for a fresh run
 */
public record TrainingRequest(
    Dataset dataset,
    ModelConfig model,
    TrainConfig train,
    Path runDir,
    Path modelsDir,
    Path resumeFrom) {}
