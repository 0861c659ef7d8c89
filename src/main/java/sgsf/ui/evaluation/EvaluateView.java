package sgsf.ui.evaluation;

import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import sgsf.engine.metrics.ThresholdView;
import sgsf.engine.metrics.Thresholds;

/**
 * The Evaluate section, composed of its panes: the run controls on top ({@link RunPane}); the
 * results table on the left ({@link ResultsPane}); on the right the selected image with its heatmap
 * beside the raw map ({@link DetailPane}), and below the score histogram with the two draggable
 * thresholds, the confusion matrix of the review band, ROC and PR curves and every metric ({@link
 * ThresholdsPane}).
 */
public final class EvaluateView {
  /** The stylesheet of the Evaluate, Neighbours and Review views. */
  public static final String STYLESHEET =
      Objects.requireNonNull(EvaluateView.class.getResource("/sgsf/ui/inspection.css"))
          .toExternalForm();

  private final EvaluateViewModel vm;
  private final BorderPane root = new BorderPane();
  private final DetailPane detail;
  private final ThresholdsPane thresholds;
  private long refreshPendingSince;
  private double lastRefreshMillis = Double.NaN;

  public EvaluateView(EvaluateViewModel vm, BooleanProperty darkTheme) {
    this.vm = vm;
    detail = new DetailPane(vm.detailPane());
    thresholds = new ThresholdsPane(vm.thresholdsPane(), vm.state(), vm.report(), darkTheme);
    root.getStyleClass().add("evaluate-view");
    root.getStylesheets().add(STYLESHEET);
    root.setTop(new RunPane(vm.runPane()).node());
    SplitPane right = new SplitPane(detail.node(), thresholds.node());
    right.setOrientation(Orientation.VERTICAL);
    right.setDividerPositions(0.44);
    SplitPane split = new SplitPane(new ResultsPane(vm.resultsPane()).node(), right);
    split.setDividerPositions(0.35);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    root.setCenter(split);
    vm.thresholdsPane().thresholdViewProperty().addListener((o, a, v) -> scheduleThresholds());
    vm.thresholdsPane().thresholdsProperty().addListener((o, a, t) -> scheduleThresholds());
    thresholdsShown();
  }

  public Node node() {
    return root;
  }

  EvaluationCharts charts() {
    return thresholds.charts();
  }

  /**
   * Coalesces the updates of one change (thresholds and view both fire) and of fast drags into one
   * refresh of fields, matrix, charts and overlays, run after the events already queued.
   */
  private void scheduleThresholds() {
    if (refreshPendingSince == 0) {
      refreshPendingSince = System.nanoTime();
      Platform.runLater(this::thresholdsShown);
    }
  }

  /** Time from a threshold change to the end of the refresh it caused, for the last change (ms). */
  double lastRefreshMillis() {
    return lastRefreshMillis;
  }

  private void thresholdsShown() {
    long since = refreshPendingSince;
    refreshPendingSince = 0;
    Thresholds t = vm.thresholdsPane().thresholdsProperty().get();
    ThresholdView v = vm.thresholdsPane().thresholdViewProperty().get();
    thresholds.showThresholds(t, v);
    detail.thresholdsChanged();
    if (since != 0) {
      lastRefreshMillis = (System.nanoTime() - since) / 1e6;
    }
  }
}
