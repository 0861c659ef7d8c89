package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.model.SgsfModel;
import sgsf.io.ModelBundle;
import sgsf.io.report.ThresholdsJson;
import sgsf.workflow.ThresholdChoice;

/**
 * The model a line inspects with: its predictor (batch 1), the thresholds that decide the verdict
 * (the model's stored ones, else {@link ThresholdChoice}'s defaults) and its identity.
 *
 * @param file the model file
 * @param model the network, feature bank and provenance
 * @param thresholds what decides OK / REVIEW / NG
 * @param thresholdOrigin where the thresholds came from ({@link ThresholdChoice#origin()})
 * @param id the model's identity: file name and creation time, the key reviews are filed under (the
 *     rule of {@link #idOf})
 */
public record LineModel(
    Path file, SgsfModel model, Thresholds thresholds, String thresholdOrigin, String id) {

  /**
   * Loads a model bundle.
   *
   * @throws IOException with a message naming the file when it is missing or not a model
   */
  /**
   * The review id of a model saved as {@code file}: its file name and creation time, the id the
   * Evaluate and Review sections file reviews under too.
   */
  public static String idOf(Path file, SgsfModel model) {
    String name = file == null ? "in-memory" : String.valueOf(file.getFileName());
    return name + "@" + model.provenance().createdAt();
  }

  public static LineModel load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": model file not found");
    }
    ModelBundle.Loaded loaded = ModelBundle.load(file);
    Thresholds stored;
    try {
      stored = ThresholdsJson.fromJson(loaded.thresholds());
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    ThresholdChoice choice = ThresholdChoice.choose(stored, List.of(), new double[0]);
    String id = idOf(file, loaded.model());
    return new LineModel(file, loaded.model(), choice.thresholds(), choice.origin(), id);
  }

  /** The model's file name. */
  public String name() {
    return String.valueOf(file.getFileName());
  }

  /** True when the thresholds are the model's own (calibrated), not defaults. */
  public boolean hasStoredThresholds() {
    return ThresholdChoice.STORED.equals(thresholdOrigin);
  }

  /** A predictor for one thread. */
  public Predictor predictor() {
    return new Predictor(model);
  }

  /** The verdict name of a prediction under the thresholds. */
  public String verdict(Prediction p) {
    return thresholds.verdict(p.score()).name();
  }

  /** The normalised image score (NG threshold at 0.5). */
  public double normalised(Prediction p) {
    return thresholds.imageNormalisation().apply(p.score());
  }
}
