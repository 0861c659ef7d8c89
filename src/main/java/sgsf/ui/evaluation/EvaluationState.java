package sgsf.ui.evaluation;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import sgsf.engine.metrics.Thresholds;

/**
 * What the Evaluate, Neighbours and Review views share: the latest evaluation, the thresholds as
 * the user set them, and the image selected in any of them. Changed on the FX thread only.
 */
public final class EvaluationState {
  private final ObjectProperty<EvaluationResult> result =
      new SimpleObjectProperty<>(this, "result");
  private final ObjectProperty<Thresholds> thresholds =
      new SimpleObjectProperty<>(this, "thresholds");
  private final ObjectProperty<ImageResult> selected = new SimpleObjectProperty<>(this, "selected");

  /** The latest finished evaluation, or null. */
  public ObjectProperty<EvaluationResult> resultProperty() {
    return result;
  }

  public EvaluationResult getResult() {
    return result.get();
  }

  /** The current thresholds (starting from the result's, then as dragged), or null. */
  public ObjectProperty<Thresholds> thresholdsProperty() {
    return thresholds;
  }

  public Thresholds getThresholds() {
    return thresholds.get();
  }

  /** The image the user is looking at, or null. */
  public ObjectProperty<ImageResult> selectedProperty() {
    return selected;
  }

  /** Publishes a new result with its starting thresholds; clears the selection. */
  public void publish(EvaluationResult r) {
    selected.set(null);
    thresholds.set(r == null ? null : r.thresholds());
    result.set(r);
  }
}
