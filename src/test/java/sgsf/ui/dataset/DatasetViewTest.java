package sgsf.ui.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import sgsf.engine.data.Sample;
import sgsf.ui.WorkbenchWindow;
import sgsf.ui.common.ImageViewer;
import sgsf.ui.common.Overlay;

/** The dataset view's main flow in a real (headless) window on the demo dataset. */
@Tag("gui")
class DatasetViewTest {
  @RegisterExtension final WorkbenchWindow window = WorkbenchWindow.onNewWorkspace();

  @Test
  @SuppressWarnings("unchecked")
  void openingTheDemoDatasetFillsTheGridAndAClickShowsTheImageWithItsMask(FxRobot robot)
      throws Exception {
    DatasetViewModel vm = window.workbench().datasetViewModel();
    waitFor("demo dataset loaded", 60_000, () -> vm.samples().size() == 170);
    GridView<Sample> grid = robot.lookup("#dataset-grid").queryAs(GridView.class);
    assertThat(onFx(() -> grid.getItems().size())).isEqualTo(170);
    assertThat(robot.lookup("#dataset-summary").queryAs(Label.class).getText())
        .contains("120 train · 50 test");

    // filter to one defect type through the controls
    robot.clickOn("#filter-type");
    waitFor(
        "type list open",
        5_000,
        () ->
            robot.lookup(".list-cell").queryAll().stream()
                .anyMatch(
                    n ->
                        n.isVisible()
                            && "scratch".equals(((javafx.scene.control.ListCell<?>) n).getText())));
    Node scratch =
        robot.lookup(".list-cell").queryAll().stream()
            .filter(n -> "scratch".equals(((javafx.scene.control.ListCell<?>) n).getText()))
            .findFirst()
            .orElseThrow();
    robot.clickOn(scratch);
    waitFor("filtered to scratches", 5_000, () -> vm.visibleSamples().size() == 10);

    // click the first visible thumbnail
    waitFor(
        "thumbnail cells laid out",
        10_000,
        () -> !robot.lookup(".sample-cell").queryAll().isEmpty());
    Node firstCell =
        robot.lookup(".sample-cell").queryAll().stream()
            .filter(n -> ((SampleCell) n).getItem() != null && ((SampleCell) n).getIndex() == 0)
            .findFirst()
            .orElseThrow();
    robot.clickOn(firstCell);
    Sample clicked = onFx(() -> ((SampleCell) firstCell).getItem());
    assertThat(clicked.defectType()).isEqualTo("scratch");
    waitFor(
        "viewer shows the clicked image",
        10_000,
        () -> vm.detailProperty().get() != null && vm.detailProperty().get().sample() == clicked);
    ImageViewer viewer = robot.lookup("#dataset-viewer").queryAs(ImageViewer.class);
    assertThat(onFx(viewer::getImage)).isSameAs(vm.detailProperty().get().image());
    assertThat(onFx(() -> viewer.getOverlays().get(0))).isInstanceOf(Overlay.ImageLayer.class);

    // mask as contour, then hidden
    robot.clickOn("#mask-outline");
    assertThat(onFx(() -> viewer.getOverlays().get(0))).isInstanceOf(Overlay.ContourLayer.class);
    robot.clickOn("#mask-hidden");
    assertThat(onFx(() -> viewer.getOverlays().isEmpty())).isTrue();

    // the thumbnails are decoded in the background and arrive in the cells
    waitFor(
        "thumbnails decoded",
        20_000,
        () ->
            robot.lookup(".sample-cell").queryAll().stream()
                .filter(n -> ((SampleCell) n).getItem() != null)
                .allMatch(
                    n ->
                        ((javafx.scene.image.ImageView)
                                    n.lookup(".thumb-frame").lookup(".image-view"))
                                .getImage()
                            != null));
  }

  @Test
  void searchNarrowsTheGridAndTheCountFollows(FxRobot robot) throws Exception {
    DatasetViewModel vm = window.workbench().datasetViewModel();
    waitFor("demo dataset loaded", 60_000, () -> vm.samples().size() == 170);
    String name = onFx(() -> vm.samples().get(5).fileName());
    robot.clickOn("#filter-search").write(name);
    waitFor("search applied", 5_000, () -> vm.visibleSamples().size() < 170);
    Label count = robot.lookup("#filter-count").queryAs(Label.class);
    assertThat(onFx(count::getText)).isEqualTo(vm.visibleSamples().size() + " of 170");
    assertThat(vm.visibleSamples()).allMatch(s -> s.fileName().contains(name));
  }
}
