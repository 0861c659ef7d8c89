package sgsf.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.runFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import sgsf.engine.data.Sample;
import sgsf.ui.dataset.DatasetViewModel;
import sgsf.ui.dataset.SplitFilter;

/**
 * Renders a screenshot PNG of each view on the demo data at 1366x768 (the smallest screen the
 * workbench targets). Writes to {@code target/screenshots}, or to the folder given by the system
 * property {@value #OUT_PROPERTY}; the README's screenshots come from:
 *
 * <pre>mvn -B -o test -Dtest=WorkbenchScreenshotsTest -Dsgsf.screenshots.dir=assets/screenshots
 * </pre>
 */
@Tag("gui")
@Tag("slow")
class WorkbenchScreenshotsTest {
  static final String OUT_PROPERTY = "sgsf.screenshots.dir";

  @RegisterExtension
  static final WorkbenchWindow window =
      WorkbenchWindow.on(tmp -> tmp.resolve("sgsf-workspace")).withBackend();

  @AfterEach
  void stop() throws Exception {
    runFx(() -> window.workbench().mainViewModel().darkThemeProperty().set(false));
  }

  static Path out(String name) {
    String dir = System.getProperty(OUT_PROPERTY);
    return (dir == null || dir.isBlank() ? Path.of("target", "screenshots") : Path.of(dir))
        .resolve(name);
  }

  private void datasetReady() throws Exception {
    DatasetViewModel vm = window.workbench().datasetViewModel();
    waitFor("demo dataset", 60_000, () -> vm.samples().size() == 170);
  }

  private void thumbnailsShown(FxRobot robot) throws Exception {
    waitFor(
        "thumbnails",
        30_000,
        () ->
            !robot.lookup(".thumb-frame .image-view").queryAll().isEmpty()
                && robot.lookup(".thumb-frame .image-view").queryAll().stream()
                    .allMatch(
                        n ->
                            ((ImageView) n).getImage() != null
                                || !n.getParent().getParent().isVisible()
                                || ((javafx.scene.control.IndexedCell<?>)
                                            n.getParent().getParent().getParent())
                                        .getItem()
                                    == null));
    GuiTestSupport.settle();
  }

  @Test
  void datasetView(FxRobot robot) throws Exception {
    datasetReady();
    DatasetViewModel vm = window.workbench().datasetViewModel();
    runFx(
        () -> {
          vm.splitFilterProperty().set(SplitFilter.TEST);
          Sample defect =
              vm.samples().stream()
                  .filter(s -> "crack".equals(s.defectType()))
                  .findFirst()
                  .orElseThrow();
          vm.selectedProperty().set(defect);
        });
    waitFor(
        "detail",
        10_000,
        () -> vm.detailProperty().get() != null && vm.detailProperty().get().hasMask());
    thumbnailsShown(robot);
    Path file = GuiTestSupport.snapshot(window.scene(), out("dataset.png"));
    assertThat(Files.size(file)).isGreaterThan(10_000);

    runFx(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("dataset-report.png"));
    runFx(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(0));

    runFx(
        () -> {
          window.workbench().mainViewModel().darkThemeProperty().set(true);
          vm.maskStyleProperty().set(sgsf.ui.dataset.MaskStyle.OUTLINE);
        });
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("dataset-dark.png"));
  }

  @Test
  void forgeView(FxRobot robot) throws Exception {
    datasetReady();
    var vm = window.workbench().forgeViewModel();
    robot.clickOn("#nav-forge");
    waitFor("preview", 30_000, () -> vm.previewProperty().get() != null);
    // the sample with the largest forged defect among the first 24, to be visible at this scale
    long best = 0;
    double bestArea = -1;
    for (long k = 0; k < 24; k++) {
      long kk = k;
      runFx(() -> vm.sampleIndexProperty().set(kk));
      waitFor(
          "preview k=" + k,
          30_000,
          () -> vm.previewProperty().get().request().index() == kk && !vm.busyProperty().get());
      double area = onFx(() -> vm.previewProperty().get().result().maskFraction());
      if (area > bestArea) {
        bestArea = area;
        best = k;
      }
    }
    long chosen = best;
    runFx(() -> vm.sampleIndexProperty().set(chosen));
    waitFor(
        "preview of the chosen sample",
        30_000,
        () -> vm.previewProperty().get().request().index() == chosen && !vm.busyProperty().get());
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("forge.png"));
    robot.clickOn("#forge-mode-grid");
    waitFor("grid", 30_000, () -> vm.gridProperty().get().size() == 16 && !vm.busyProperty().get());
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("forge-grid.png"));
  }

  @Test
  void trainingView(FxRobot robot) throws Exception {
    datasetReady();
    var vm = window.workbench().trainingViewModel();
    robot.clickOn("#nav-train");
    runFx(
        () -> {
          var f = vm.form();
          f.inputSizeProperty().set("64");
          f.baseWidthProperty().set("8");
          f.iterationsProperty().set("400");
          f.warmupProperty().set("10");
          f.batchSizeProperty().set("4");
          f.checkpointEveryProperty().set("20");
          vm.setPreviewIntervalSeconds(2);
        });
    waitFor("backend", 60_000, () -> window.workbench().session().backendProperty().get() != null);
    robot.clickOn("#train-start");
    waitFor(
        "training progress",
        600_000,
        () ->
            vm.history().size() >= 45
                && vm.previewProperty().get() != null
                && vm.previewProperty().get().iteration() > 10
                && !vm.checkpoints().isEmpty());
    Thread.sleep(700); // the charts redraw at most twice a second
    GuiTestSupport.settle();
    GuiTestSupport.snapshot(window.scene(), out("train.png"));
    robot.clickOn("#train-cancel");
    waitFor("cancelled", 120_000, () -> !vm.stateProperty().get().isActive());
  }

  @Test
  void datasetViewOnTheRealMagneticTiles(FxRobot robot) throws Exception {
    Path mtd = TestData.mtd();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(mtd), mtd.toAbsolutePath() + " absent, skipping");
    datasetReady();
    DatasetViewModel vm = window.workbench().datasetViewModel();
    runFx(() -> vm.openFolder(mtd.toAbsolutePath().normalize()));
    waitFor(
        "magnetic tiles", 120_000, () -> vm.samples().size() > 1000 && !vm.loadingProperty().get());
    runFx(
        () -> {
          vm.splitFilterProperty().set(SplitFilter.TEST);
          vm.typeFilterProperty().set("blowhole");
          vm.maskStyleProperty().set(sgsf.ui.dataset.MaskStyle.OUTLINE);
          vm.selectedProperty().set(vm.visibleSamples().get(2));
        });
    waitFor(
        "detail",
        10_000,
        () -> vm.detailProperty().get() != null && vm.detailProperty().get().hasMask());
    thumbnailsShown(robot);
    GuiTestSupport.snapshot(window.scene(), out("dataset-mtd.png"));
  }
}
