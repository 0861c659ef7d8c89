package sgsf.engine.model;

import java.util.List;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.DataFingerprint;

/**
 * Where a model came from: the exact training configuration, the data it saw, the forging
 * configuration, the software version and when.
 *
 * @param forge the forging configuration the model was trained with, or {@code null} when unknown
 */
public record ModelProvenance(
    String datasetName,
    String datasetRoot,
    DataFingerprint fingerprint,
    TrainConfig train,
    ForgeConfig forge,
    String forger,
    String softwareVersion,
    String createdAt,
    int iterationsTrained,
    double trainingSeconds,
    List<HistoryPoint> history) {

  public ModelProvenance {
    history = List.copyOf(history);
  }

  /** This provenance with another dataset root (e.g. the root's name only, for sharing). */
  public ModelProvenance withDatasetRoot(String root) {
    return new ModelProvenance(
        datasetName,
        root,
        fingerprint,
        train,
        forge,
        forger,
        softwareVersion,
        createdAt,
        iterationsTrained,
        trainingSeconds,
        history);
  }

  /** This provenance with another fingerprint of the training data. */
  public ModelProvenance withFingerprint(DataFingerprint data) {
    return new ModelProvenance(
        datasetName,
        datasetRoot,
        data,
        train,
        forge,
        forger,
        softwareVersion,
        createdAt,
        iterationsTrained,
        trainingSeconds,
        history);
  }
}
