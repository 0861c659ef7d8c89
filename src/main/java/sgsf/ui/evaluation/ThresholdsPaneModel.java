package sgsf.ui.evaluation;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import sgsf.engine.metrics.ThresholdExplorer;
import sgsf.engine.metrics.ThresholdView;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.ModelBundle;
import sgsf.io.report.ThresholdsJson;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.Lane;

/**
 * The Evaluate view's thresholds and metrics pane: moves the shared thresholds (the two image
 * thresholds of the review band and the pixel threshold), and computes every metric at them from
 * the shared evaluation (the binned metrics of {@link ThresholdExplorer}: one query per change,
 * independent of the number of pixels). The thresholds can be saved into the model file.
 */
public final class ThresholdsPaneModel {
  private final WorkbenchSession session;
  private final EvaluationState state;
  private final ModelChooser chooser;
  private final ReadOnlyObjectWrapper<ThresholdView> view =
      new ReadOnlyObjectWrapper<>(this, "thresholdView");
  private final ObservableList<MetricLine> metrics = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper thresholdsSaved =
      new ReadOnlyBooleanWrapper(this, "thresholdsSaved");
  private final ReadOnlyLongWrapper lastUpdateNanos =
      new ReadOnlyLongWrapper(this, "lastUpdateNanos");

  ThresholdsPaneModel(WorkbenchSession session, EvaluationState state, ModelChooser chooser) {
    this.session = session;
    this.state = state;
    this.chooser = chooser;
    state.resultProperty().addListener((o, a, r) -> thresholdsChanged(state.getThresholds()));
    state.thresholdsProperty().addListener((o, a, t) -> thresholdsChanged(t));
  }

  /** The current thresholds, or null before a result exists. */
  public ReadOnlyObjectProperty<Thresholds> thresholdsProperty() {
    return state.thresholdsProperty();
  }

  /** Sets the OK threshold; an NG threshold below it is pushed up to it. */
  public void setImageLower(double lower) {
    Thresholds t = state.getThresholds();
    if (t != null && Double.isFinite(lower)) {
      state.thresholdsProperty().set(t.withImageBand(lower, Math.max(lower, t.imageUpper())));
    }
  }

  /** Sets the NG threshold; an OK threshold above it is pushed down to it. */
  public void setImageUpper(double upper) {
    Thresholds t = state.getThresholds();
    if (t != null && Double.isFinite(upper)) {
      state.thresholdsProperty().set(t.withImageBand(Math.min(upper, t.imageLower()), upper));
    }
  }

  /** Sets both image thresholds (swapped if given the wrong way round). */
  public void setImageBand(double lower, double upper) {
    Thresholds t = state.getThresholds();
    if (t != null && Double.isFinite(lower) && Double.isFinite(upper)) {
      state
          .thresholdsProperty()
          .set(t.withImageBand(Math.min(lower, upper), Math.max(lower, upper)));
    }
  }

  /** Sets the pixel threshold, clamped to 0..1. */
  public void setPixelThreshold(double pixel) {
    Thresholds t = state.getThresholds();
    if (t != null && Double.isFinite(pixel)) {
      state.thresholdsProperty().set(t.withPixelThreshold(Math.max(0, Math.min(1, pixel))));
    }
  }

  /** Back to the thresholds the evaluation started with. */
  public void resetThresholds() {
    EvaluationResult r = state.getResult();
    if (r != null) {
      state.thresholdsProperty().set(r.thresholds());
    }
  }

  /** Every threshold-dependent number at the current thresholds, or null without ground truth. */
  public ReadOnlyObjectProperty<ThresholdView> thresholdViewProperty() {
    return view.getReadOnlyProperty();
  }

  /** The metrics table (threshold-free and at the thresholds). */
  public ObservableList<MetricLine> metrics() {
    return metrics;
  }

  /** True when the current thresholds are those stored in the model file. */
  public ReadOnlyBooleanProperty thresholdsSavedProperty() {
    return thresholdsSaved.getReadOnlyProperty();
  }

  /**
   * How long the last threshold change took to compute every metric at the new thresholds (the
   * explorer query and the metric lines), in ns; updating the table and charts comes on top.
   */
  public ReadOnlyLongProperty lastUpdateNanosProperty() {
    return lastUpdateNanos.getReadOnlyProperty();
  }

  private void thresholdsChanged(Thresholds t) {
    long start = System.nanoTime();
    EvaluationResult r = state.getResult();
    ThresholdView v = null;
    if (r != null && t != null && r.explorer() != null) {
      v = r.explorer().at(t);
    }
    List<MetricLine> lines = MetricLine.at(r, t, v);
    LoadedModel m = r == null ? null : r.model();
    Thresholds stored = m == null ? null : savedThresholds(m);
    lastUpdateNanos.set(System.nanoTime() - start);
    view.set(v);
    metrics.setAll(lines);
    thresholdsSaved.set(t != null && t.equals(stored));
  }

  private Thresholds savedThresholds(LoadedModel m) {
    LoadedModel current = chooser.modelProperty().get();
    if (current != null && current.id().equals(m.id())) {
      return current.thresholds();
    }
    return m.thresholds();
  }

  /** Writes the current thresholds into the model file (atomically). */
  public void saveThresholds() {
    EvaluationResult r = state.getResult();
    Thresholds t = state.getThresholds();
    if (r == null || t == null) {
      session.notifier().info("Evaluate a model first.");
      return;
    }
    LoadedModel m = r.model();
    if (m.file() == null) {
      session.notifier().info("This model has no file to save thresholds into.");
      return;
    }
    session
        .runner()
        .task(
            "Saving thresholds into " + m.name(),
            ctx -> {
              ModelBundle.writeThresholds(m.file(), ThresholdsJson.toJson(t));
              return t;
            })
        .lane(Lane.IO)
        .onSuccess(
            saved -> {
              LoadedModel current = chooser.modelProperty().get();
              if (current != null && current.id().equals(m.id())) {
                chooser.replace(current.withThresholds(saved));
              }
              thresholdsSaved.set(saved.equals(state.getThresholds()));
              session.notifier().info("Thresholds saved into " + m.file().getFileName());
            })
        .onFailure(e -> session.notifier().error("Saving the thresholds into " + m.file(), e))
        .start();
  }
}
