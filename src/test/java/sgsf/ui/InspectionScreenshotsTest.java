package sgsf.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.runFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.concurrent.FxTaskRunner;
import sgsf.ui.evaluation.EvaluateViewModel;
import sgsf.ui.evaluation.ResultRow;

/**
 * Screenshots of the Evaluate, Neighbours and Review views on the demo "texture" data at 1366x768,
 * written like {@code WorkbenchScreenshotsTest}'s to {@code target/screenshots} or the folder of
 * the system property {@code sgsf.screenshots.dir}. The model is the tiny test model unless the
 * property {@code sgsf.screenshots.model} names another model file.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class InspectionScreenshotsTest {
  static {
    GuiTestSupport.init();
  }

  @TempDir static Path tmp;
  private Workbench workbench;
  private FxTaskRunner runner;
  private Scene scene;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = tmp.resolve("ws-" + System.nanoTime());
    Workspace ws = Workspace.create(dir, DatasetReference.ofDemo("texture"));
    String m = System.getProperty("sgsf.screenshots.model");
    Path model = m == null || m.isBlank() ? DemoModels.textureModel() : Path.of(m);
    Files.copy(model, ws.modelsDir().resolve("texture-demo.zip"));
    runner = new FxTaskRunner();
    workbench = new Workbench(runner, new SettingsStore(tmp.resolve("config")), null);
    workbench.mainViewModel().setDefaultWorkspace(ws.dir());
    scene = workbench.createScene(1366, 768);
    stage.setScene(scene);
    stage.show();
    workbench.mainViewModel().startup();
  }

  @AfterEach
  void stop() throws Exception {
    workbench.shutdown();
    runner.shutdown();
  }

  static Path out(String name) {
    String dir = System.getProperty("sgsf.screenshots.dir");
    return (dir == null || dir.isBlank() ? Path.of("target", "screenshots") : Path.of(dir))
        .resolve(name);
  }

  private void evaluated(FxRobot robot) throws Exception {
    EvaluateViewModel vm = workbench.evaluateViewModel();
    waitFor("dataset", 60_000, () -> workbench.session().getDataset() != null);
    robot.clickOn("#nav-evaluate");
    waitFor("model", 30_000, () -> vm.modelProperty().get() != null && vm.canRunProperty().get());
    robot.clickOn("#evaluate-run");
    waitFor("evaluation", 120_000, () -> vm.state().getResult() != null);
  }

  @Test
  void evaluateView(FxRobot robot) throws Exception {
    evaluated(robot);
    EvaluateViewModel vm = workbench.evaluateViewModel();
    // the highest-scoring crack: a clear heatmap with its ground truth
    ResultRow row =
        onFx(
            () ->
                vm.rows().stream()
                    .filter(r -> r.groundTruth().equals("crack"))
                    .max(java.util.Comparator.comparingDouble(ResultRow::score))
                    .orElseThrow());
    runFx(() -> vm.selectedRowProperty().set(row));
    waitFor("detail", 20_000, () -> vm.detailProperty().get() != null);
    GuiTestSupport.settle();
    Path file = GuiTestSupport.snapshot(scene, out("evaluate.png"));
    assertThat(Files.size(file)).isGreaterThan(10_000);
    runFx(
        () -> robot.lookup("#evaluate-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(scene, out("evaluate-curves.png"));
    runFx(
        () -> robot.lookup("#evaluate-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(scene, out("evaluate-metrics.png"));
  }

  @Test
  void neighboursView(FxRobot robot) throws Exception {
    evaluated(robot);
    EvaluateViewModel vm = workbench.evaluateViewModel();
    ResultRow row =
        onFx(
            () ->
                vm.rows().stream()
                    .filter(r -> r.groundTruth().equals("crack"))
                    .max(java.util.Comparator.comparingDouble(ResultRow::score))
                    .orElseThrow());
    runFx(() -> vm.selectedRowProperty().set(row));
    robot.clickOn("#nav-neighbours");
    var nvm = workbench.neighboursViewModel();
    waitFor(
        "neighbours and analyses",
        60_000,
        () ->
            nvm.neighboursProperty().get() != null
                && !nvm.leastTypical().isEmpty()
                && !nvm.scanningProperty().get());
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(scene, out("neighbours.png"));
    runFx(
        () -> {
          nvm.duplicateThresholdProperty().set(0.9);
          robot.lookup("#neighbours-tabs").queryAs(TabPane.class).getSelectionModel().select(1);
        });
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(scene, out("neighbours-duplicates.png"));
  }

  @Test
  void reviewView(FxRobot robot) throws Exception {
    evaluated(robot);
    robot.clickOn("#nav-review");
    var rvm = workbench.reviewViewModel();
    waitFor("first image", 30_000, () -> rvm.maskProperty().get() != null);
    // one reviewed, the second shown with a brushed correction and the heatmap under it
    runFx(() -> rvm.decide(sgsf.io.review.ReviewVerdict.FALSE_ALARM));
    waitFor(
        "second image",
        30_000,
        () ->
            rvm.maskProperty().get() != null
                && rvm.indexProperty().get() == 1
                && rvm.savesInFlightProperty().get() == 0);
    runFx(
        () -> {
          rvm.brushRadiusProperty().set(5);
          rvm.beginStroke(30, 90);
          rvm.strokeTo(95, 60);
          rvm.endStroke();
          rvm.noteProperty().set("crack continues to the right edge");
          rvm.verdictProperty().set(sgsf.io.review.ReviewVerdict.TRUE_DEFECT);
        });
    robot.type(javafx.scene.input.KeyCode.H);
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(scene, out("review.png"));
  }
}
