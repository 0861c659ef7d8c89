package sgsf.engine.train;

import java.util.List;
import java.util.Map;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.DataFingerprint;
import sgsf.engine.model.HistoryPoint;

/**
 * Everything needed to continue a training run exactly where it stopped: written as a checkpoint
 * every K iterations and at the end.
 *
 * @param model network shape
 * @param train training configuration
 * @param nextIteration the 0-based iteration to run next
 * @param warmupIterations warm-up length in effect
 * @param plannedIterations warm-up + main iterations planned
 * @param parameters every layer's parameters by name
 * @param activeGraph the graph whose optimiser state is saved ("autoencoder", "joint",
 *     "segmentation")
 * @param updaterState Adam's moment estimates of the active graph
 * @param optimizerSteps the active graph's update count (Adam's bias correction depends on it)
 * @param contrastSets contrast-set table, or null before it was first built
 * @param history logged iterations so far
 * @param elapsedSeconds training time so far
 * @param fingerprint the training data
 */
public record TrainingState(
    ModelConfig model,
    TrainConfig train,
    int nextIteration,
    int warmupIterations,
    int plannedIterations,
    Map<String, float[]> parameters,
    String activeGraph,
    float[] updaterState,
    int optimizerSteps,
    int[][] contrastSets,
    List<HistoryPoint> history,
    double elapsedSeconds,
    DataFingerprint fingerprint) {

  public TrainingState {
    history = List.copyOf(history);
  }
}
