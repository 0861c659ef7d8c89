package sgsf.ui.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.model.SgsfModel;
import sgsf.io.BundleFormatException;
import sgsf.io.ModelBundle;
import sgsf.io.report.ThresholdsJson;

/**
 * A model opened from its bundle, with the thresholds stored in it.
 *
 * @param file the model file (null for a model that only lives in memory)
 * @param model the network, feature bank and provenance
 * @param thresholds the stored thresholds, or null when the model was never calibrated
 * @param id what reviews of this model's predictions are filed under: the file name and the model's
 *     creation time, so a retrained model saved under the same name gets fresh reviews
 */
public record LoadedModel(Path file, SgsfModel model, Thresholds thresholds, String id) {
  public LoadedModel {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(id, "id");
  }

  /** Reads a model bundle and its thresholds. */
  public static LoadedModel load(Path file) throws IOException {
    ModelBundle.Loaded l = ModelBundle.load(file);
    Thresholds t = null;
    try {
      t = ThresholdsJson.fromJson(l.thresholds());
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException(file, e.getMessage());
    }
    return new LoadedModel(file, l.model(), t, idOf(file, l.model()));
  }

  /** The review id of a model saved as {@code file}. */
  public static String idOf(Path file, SgsfModel model) {
    return sgsf.workflow.line.LineModel.idOf(file, model);
  }

  /**
   * What to synchronise on while the model's network computes: DL4J graphs are not thread-safe, and
   * the Evaluate and Neighbours views may use one model from different threads.
   */
  public Object computeLock() {
    return model.network();
  }

  /** A display name: the file name, or the id. */
  public String name() {
    return file == null ? id : String.valueOf(file.getFileName());
  }

  /** The same model with other stored thresholds. */
  public LoadedModel withThresholds(Thresholds t) {
    return new LoadedModel(file, model, t, id);
  }
}
