package sgsf.engine.model;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.DataFingerprint;

/**
 * Where a model came from: the exact training configuration, the data it saw, the forging
 * configuration, the software version and when.
 *
 * <p>With-ers ({@code withDatasetRoot}, {@code withFingerprint}, ...) are generated.
 *
 * @param forge the forging configuration the model was trained with, or {@code null} when unknown
 */
@RecordBuilder
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
    List<HistoryPoint> history)
    implements ModelProvenanceBuilder.With {

  public ModelProvenance {
    history = List.copyOf(history);
  }
}
