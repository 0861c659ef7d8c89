package sgsf.engine.model;

import java.util.List;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.DataFingerprint;

/**
 * Where a model came from: the exact training configuration, the data it saw, the forging
 * configuration (as the JSON the caller wrote), the software version and when.
 */
public record ModelProvenance(
    String datasetName,
    String datasetRoot,
    DataFingerprint fingerprint,
    TrainConfig train,
    String forgeConfigJson,
    String forger,
    String softwareVersion,
    String createdAt,
    int iterationsTrained,
    double trainingSeconds,
    List<HistoryPoint> history) {

  public ModelProvenance {
    history = List.copyOf(history);
  }
}
