package sgsf.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.runFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.evaluation.EvaluateViewModel;
import sgsf.ui.evaluation.ResultRow;

/**
 * Screenshots of the Evaluate, Neighbours and Review views on the demo "texture" data at 1366x768,
 * written like {@code WorkbenchScreenshotsTest}'s to {@code target/screenshots} or the folder of
 * the system property {@code sgsf.screenshots.dir}. The model is the tiny test model unless the
 * property {@code sgsf.screenshots.model} names another model file.
 */
@Tag("gui")
class InspectionScreenshotsTest {
  @RegisterExtension
  static final WorkbenchWindow window =
      WorkbenchWindow.on(
          tmp -> {
            Workspace ws =
                Workspace.create(
                    tmp.resolve("ws-" + System.nanoTime()), DatasetReference.ofDemo("texture"));
            String m = System.getProperty("sgsf.screenshots.model");
            Path model = m == null || m.isBlank() ? DemoModels.textureModel() : Path.of(m);
            Files.copy(model, ws.modelsDir().resolve("texture-demo.zip"));
            return ws.dir();
          });

  /** Trains the tiny demo model off the FX thread, so that the window's start stays quick. */
  @org.junit.jupiter.api.BeforeAll
  static void demoModel() throws Exception {
    String m = System.getProperty("sgsf.screenshots.model");
    if (m == null || m.isBlank()) {
      DemoModels.textureModel();
    }
  }

  static Path out(String name) {
    String dir = System.getProperty("sgsf.screenshots.dir");
    return (dir == null || dir.isBlank() ? Path.of("target", "screenshots") : Path.of(dir))
        .resolve(name);
  }

  private void evaluated(FxRobot robot) throws Exception {
    EvaluateViewModel vm = window.workbench().evaluateViewModel();
    waitFor("dataset", 60_000, () -> window.workbench().session().getDataset() != null);
    robot.clickOn("#nav-evaluate");
    waitFor(
        "model",
        30_000,
        () ->
            vm.modelChooser().modelProperty().get() != null && vm.runPane().canRunProperty().get());
    // each test opens a fresh workbench on the class's workspace, which shows the model's kept
    // last evaluation (maybe of another test's folder): wait for this run's own result
    String source = onFx(vm.runPane()::sourceDescription);
    robot.clickOn("#evaluate-run");
    waitFor(
        "evaluation",
        120_000,
        () -> vm.state().getResult() != null && vm.state().getResult().source().equals(source));
    // a review band as a user would drag it: OK below the 85th percentile of the good scores,
    // NG from the 30th percentile of the defective ones (or a little above OK)
    runFx(
        () -> {
          var x = vm.state().getResult().explorer();
          double[] good = x.goodScores();
          double[] bad = x.defectiveScores();
          double lower = good[(int) (good.length * 0.85)];
          double upper = bad[(int) (bad.length * 0.3)];
          if (upper <= lower) {
            upper = lower + 0.02;
          }
          vm.thresholdsPane().setImageBand(lower, upper);
        });
  }

  @Test
  void evaluateView(FxRobot robot) throws Exception {
    evaluated(robot);
    EvaluateViewModel vm = window.workbench().evaluateViewModel();
    // the highest-scoring crack: a clear heatmap with its ground truth
    ResultRow row =
        onFx(
            () ->
                vm.resultsPane().rows().stream()
                    .filter(r -> r.groundTruth().equals("crack"))
                    .max(java.util.Comparator.comparingDouble(ResultRow::score))
                    .orElseThrow());
    runFx(() -> vm.resultsPane().selectedRowProperty().set(row));
    waitFor("detail", 20_000, () -> vm.detailPane().detailProperty().get() != null);
    GuiTestSupport.settle();
    Path file = GuiTestSupport.snapshot(window.scene(), out("evaluate.png"));
    assertThat(Files.size(file)).isGreaterThan(10_000);
    runFx(
        () -> robot.lookup("#evaluate-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("evaluate-curves.png"));
    runFx(
        () -> robot.lookup("#evaluate-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("evaluate-metrics.png"));
  }

  /**
   * A folder with a few test images, a tiny one and a blank one: the Evaluate table marks the two
   * with a warning icon, and the caption of the selected tiny one too (issue 14 item 4).
   */
  @Test
  void evaluateWarnings(FxRobot robot) throws Exception {
    EvaluateViewModel vm = window.workbench().evaluateViewModel();
    waitFor("dataset", 60_000, () -> window.workbench().session().getDataset() != null);
    var data = window.workbench().session().getDataset();
    Path dir = Files.createTempDirectory(Path.of("target"), "warnings-");
    for (int i = 0; i < 6; i++) {
      Path image = data.test().get(i * 7).image();
      Files.copy(image, dir.resolve("part" + i + "-" + image.getFileName()));
    }
    sgsf.engine.image.ImageIo.writePng(
        sgsf.engine.image.ImageIo.read(data.test().get(0).image()).channel(0).copy(),
        dir.resolve("a-grey.png"));
    sgsf.engine.image.ImageIo.writePng(
        sgsf.engine.image.FloatImage.filled(6, 6, 0.4f), dir.resolve("a-tiny.png"));
    sgsf.engine.image.ImageIo.writePng(
        sgsf.engine.image.FloatImage.filled(96, 96, 0.5f), dir.resolve("a-blank.png"));
    robot.clickOn("#nav-evaluate");
    waitFor(
        "model",
        30_000,
        () ->
            vm.modelChooser().modelProperty().get() != null && vm.runPane().canRunProperty().get());
    runFx(() -> vm.runPane().folderProperty().set(dir));
    robot.clickOn("#evaluate-run");
    waitFor(
        "evaluation",
        120_000,
        () ->
            vm.state().getResult() != null
                && vm.state().getResult().source().equals(dir.toString()));
    ResultRow tiny =
        onFx(
            () ->
                vm.resultsPane().rows().stream()
                    .filter(r -> r.name().equals("a-tiny.png"))
                    .findFirst()
                    .orElseThrow());
    assertThat(tiny.result().warnings()).isNotEmpty();
    runFx(() -> vm.resultsPane().selectedRowProperty().set(tiny));
    waitFor("detail", 20_000, () -> vm.detailPane().detailProperty().get() != null);
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("evaluate-warnings.png"));
  }

  @Test
  void neighboursView(FxRobot robot) throws Exception {
    evaluated(robot);
    EvaluateViewModel vm = window.workbench().evaluateViewModel();
    ResultRow row =
        onFx(
            () ->
                vm.resultsPane().rows().stream()
                    .filter(r -> r.groundTruth().equals("crack"))
                    .max(java.util.Comparator.comparingDouble(ResultRow::score))
                    .orElseThrow());
    runFx(() -> vm.resultsPane().selectedRowProperty().set(row));
    robot.clickOn("#nav-neighbours");
    var nvm = window.workbench().neighboursViewModel();
    waitFor(
        "neighbours and analyses",
        60_000,
        () ->
            nvm.neighboursProperty().get() != null
                && !nvm.leastTypical().isEmpty()
                && !nvm.scanningProperty().get());
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("neighbours.png"));
    runFx(
        () -> {
          nvm.duplicateThresholdProperty().set(0.9);
          robot.lookup("#neighbours-tabs").queryAs(TabPane.class).getSelectionModel().select(1);
          robot.lookup("#neighbours-duplicates").queryTableView().getSelectionModel().select(0);
        });
    Thread.sleep(500);
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("neighbours-duplicates.png"));
  }

  @Test
  void reviewView(FxRobot robot) throws Exception {
    evaluated(robot);
    robot.clickOn("#nav-review");
    var rvm = window.workbench().reviewViewModel();
    waitFor("first image", 30_000, () -> rvm.maskProperty().get() != null);
    // the first reviewed by its ground truth, the third shown with its mask being corrected
    runFx(() -> rvm.go(0));
    waitFor("first image", 30_000, () -> rvm.maskProperty().get() != null);
    runFx(
        () ->
            rvm.decide(
                rvm.currentProperty().get().result().defective()
                    ? sgsf.io.review.ReviewVerdict.TRUE_DEFECT
                    : sgsf.io.review.ReviewVerdict.FALSE_ALARM));
    waitFor(
        "second image",
        30_000,
        () ->
            rvm.maskProperty().get() != null
                && rvm.indexProperty().get() == 1
                && rvm.savesInFlightProperty().get() == 0);
    runFx(rvm::next);
    waitFor("third image", 30_000, () -> rvm.maskProperty().get() != null);
    runFx(
        () -> {
          // widen the model's region where it is: a short stroke through its centre
          var m = rvm.maskProperty().get();
          double sx = 0;
          double sy = 0;
          int n = 0;
          for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
              if (m.get(x, y)) {
                sx += x;
                sy += y;
                n++;
              }
            }
          }
          double cx = n == 0 ? m.width() / 2.0 : sx / n;
          double cy = n == 0 ? m.height() / 2.0 : sy / n;
          rvm.brushRadiusProperty().set(3);
          rvm.beginStroke(cx - 8, cy - 3);
          rvm.strokeTo(cx + 8, cy + 3);
          rvm.endStroke();
          rvm.noteProperty().set("mask widened along the defect");
          rvm.verdictProperty().set(sgsf.io.review.ReviewVerdict.TRUE_DEFECT);
        });
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("review.png"));
  }
}
