package sgsf.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import sgsf.engine.metrics.ReviewCounts;
import sgsf.engine.metrics.Thresholds;
import sgsf.ui.DemoModels;
import sgsf.ui.GuiTestSupport;
import sgsf.ui.WorkbenchWindow;

/**
 * Evaluates the tiny demo model in a real (headless) window, then drags the NG threshold across the
 * score histogram with the mouse and checks that the confusion matrix follows.
 */
@Tag("gui")
class EvaluateViewTest {
  @RegisterExtension final WorkbenchWindow window = WorkbenchWindow.onDemoTextureWithModel();

  /** Trains the tiny demo model off the FX thread, so that the window's start stays quick. */
  @org.junit.jupiter.api.BeforeAll
  static void demoModel() throws Exception {
    DemoModels.textureModel();
  }

  private static int count(FxRobot robot, String id) throws Exception {
    Label l = robot.lookup("#" + id).queryAs(Label.class);
    return Integer.parseInt(onFx(l::getText));
  }

  @Test
  void evaluatingAndDraggingTheNgThresholdChangesTheConfusionMatrix(FxRobot robot)
      throws Exception {
    EvaluateViewModel vm = window.workbench().evaluateViewModel();
    waitFor("dataset", 60_000, () -> window.workbench().session().getDataset() != null);
    robot.clickOn("#nav-evaluate");
    // before any evaluation the empty histogram draws no threshold labels (issue 14 item 15)
    assertThat(onFx(() -> window.workbench().evaluateView().charts().markerLabels()))
        .containsExactly("", "");
    waitFor(
        "model",
        30_000,
        () ->
            vm.modelChooser().modelProperty().get() != null && vm.runPane().canRunProperty().get());
    robot.clickOn("#evaluate-run");
    waitFor("evaluation", 120_000, () -> vm.state().getResult() != null);
    GuiTestSupport.settle();
    assertThat(onFx(() -> vm.resultsPane().filteredRows().size())).isEqualTo(50);
    assertThat(onFx(() -> window.workbench().evaluateView().charts().markerLabels()))
        .doesNotHaveDuplicates();

    Thresholds before = onFx(() -> vm.state().getThresholds());
    int goodNgBefore = count(robot, "confusion-good-ng");
    int defectiveNgBefore = count(robot, "confusion-defective-ng");
    ReviewCounts expected = onFx(() -> vm.thresholdsPane().thresholdViewProperty().get().review());
    assertThat(goodNgBefore).isEqualTo(expected.goodNg());
    assertThat(defectiveNgBefore).isEqualTo(expected.defectiveNg());
    assertThat(
            goodNgBefore
                + defectiveNgBefore
                + count(robot, "confusion-good-ok")
                + count(robot, "confusion-good-review")
                + count(robot, "confusion-defective-ok")
                + count(robot, "confusion-defective-review"))
        .isEqualTo(50);

    // grab the NG line in the histogram and drag it to the left edge of the plot
    EvaluationCharts charts = window.workbench().evaluateView().charts();
    var canvas = charts.histogramViewer().getCanvas();
    Point2D grab =
        onFx(
            () ->
                canvas.localToScreen(charts.screenX(before.imageUpper()), canvas.getHeight() / 2));
    double minScore =
        onFx(
            () ->
                vm.resultsPane().rows().stream().mapToDouble(ResultRow::score).min().orElseThrow());
    Point2D target =
        onFx(() -> canvas.localToScreen(charts.screenX(minScore), canvas.getHeight() / 2));
    robot.drag(grab).dropTo(target);
    GuiTestSupport.settle();

    Thresholds after = onFx(() -> vm.state().getThresholds());
    assertThat(after.imageUpper()).isLessThan(before.imageUpper());
    assertThat(after.imageLower()).isLessThanOrEqualTo(after.imageUpper());
    ReviewCounts now = onFx(() -> vm.thresholdsPane().thresholdViewProperty().get().review());
    assertThat(count(robot, "confusion-good-ng")).isEqualTo(now.goodNg());
    assertThat(count(robot, "confusion-defective-ng")).isEqualTo(now.defectiveNg());
    assertThat(now.goodNg() + now.defectiveNg())
        .as("more images are NG after lowering the NG threshold")
        .isGreaterThan(goodNgBefore + defectiveNgBefore);
    // the verdict counts equal a direct count over the rows at the dragged threshold
    long ng =
        onFx(
            () ->
                vm.resultsPane().rows().stream()
                    .filter(r -> r.score() >= after.imageUpper())
                    .count());
    assertThat(now.ng()).isEqualTo((int) ng);
    assertThat(onFx(() -> charts.upperMarkerValue())).isEqualTo(after.imageUpper());

    // threshold-update latency in the view: from the change to the end of the refresh of
    // table, fields, matrix, histogram, curves and overlays (all on the FX thread)
    EvaluateView view = window.workbench().evaluateView();
    List<Double> total = new ArrayList<>();
    List<Double> metricsOnly = new ArrayList<>();
    double lo = minScore;
    double hi = before.imageUpper();
    for (int i = 0; i < 40; i++) {
      double v = lo + (hi - lo) * i / 39.0;
      GuiTestSupport.runFx(() -> vm.thresholdsPane().setImageUpper(v));
      total.add(onFx(view::lastRefreshMillis));
      metricsOnly.add(onFx(() -> vm.thresholdsPane().lastUpdateNanosProperty().get() / 1e6));
    }
    total.sort(Double::compare);
    metricsOnly.sort(Double::compare);
    System.out.printf(
        "threshold update: metrics median %.3f ms; whole view refresh median %.1f ms, max %.1f ms%n",
        metricsOnly.get(20), total.get(20), total.get(39));
    assertThat(total.get(20)).isLessThan(1000);
  }

  @Test
  void aRunningEvaluationStopsOnCancelAndKeepsThePreviousResults(FxRobot robot) throws Exception {
    // 400 images (hard links to one test image) in a plain folder: 50 batches
    Path folder = java.nio.file.Files.createDirectories(window.tmp().resolve("many"));
    Path one = DemoModels.texture().test().get(0).image();
    for (int i = 0; i < 400; i++) {
      Path link = folder.resolve(String.format("img%03d.png", i));
      try {
        Files.createLink(link, one);
      } catch (UnsupportedOperationException | java.io.IOException e) {
        Files.copy(one, link);
      }
    }
    EvaluateViewModel vm = window.workbench().evaluateViewModel();
    waitFor("dataset", 60_000, () -> window.workbench().session().getDataset() != null);
    robot.clickOn("#nav-evaluate");
    waitFor(
        "model",
        30_000,
        () ->
            vm.modelChooser().modelProperty().get() != null && vm.runPane().canRunProperty().get());
    GuiTestSupport.runFx(() -> vm.runPane().folderProperty().set(folder));
    java.util.concurrent.atomic.AtomicReference<Double> atCancel =
        new java.util.concurrent.atomic.AtomicReference<>();
    GuiTestSupport.runFx(
        () ->
            vm.runPane()
                .progressProperty()
                .addListener(
                    (o, a, p) -> {
                      if (p.doubleValue() > 0 && atCancel.get() == null) {
                        atCancel.set(p.doubleValue());
                        vm.runPane().cancel();
                      }
                    }));
    robot.clickOn("#evaluate-run");
    waitFor(
        "cancelled",
        120_000,
        () -> atCancel.get() != null && !vm.runPane().runningProperty().get());
    assertThat(atCancel.get()).isLessThan(1.0);
    assertThat(onFx(() -> vm.runPane().statusProperty().get())).contains("cancelled");
    assertThat(onFx(() -> vm.state().getResult())).isNull();
    assertThat(onFx(() -> vm.resultsPane().rows().size())).isZero();
    assertThat(onFx(() -> robot.lookup("#evaluate-cancel").query().isDisabled())).isTrue();
  }
}
