package sgsf.ui.line;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.runFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import sgsf.ui.DemoModels;
import sgsf.ui.GuiTestSupport;
import sgsf.ui.Section;
import sgsf.ui.WorkbenchWindow;
import sgsf.ui.review.ReviewViewModel;
import sgsf.workflow.line.LineFixturesAccess;
import sgsf.workflow.line.LineSettings;

/**
 * Runs a line from the Line section in a real (headless) window: images copied into a hot folder
 * while it runs show up with their verdict, counters and REVIEW/NG strip; a screenshot goes to
 * {@code line.png} in {@code target/screenshots} or the folder of the system property {@code
 * sgsf.screenshots.dir} (as the other screenshot tests).
 */
@Tag("gui")
class LineViewTest {
  @RegisterExtension final WorkbenchWindow window = WorkbenchWindow.onNewWorkspace();

  @BeforeAll
  static void demoModel() throws Exception {
    DemoModels.textureModel();
  }

  @Test
  void hotFolderRunShowsVerdictsCountersStripAndSinks(FxRobot robot) throws Exception {
    Path tmp = Files.createDirectories(window.tmp().resolve("line"));
    List<Path> images = LineFixturesAccess.images(tmp, 16);
    Path model = LineFixturesAccess.modelWithThresholds(tmp, images);
    Path hot = Files.createDirectories(tmp.resolve("hot"));
    LineViewModel vm = window.workbench().lineViewModel();
    waitFor("workspace", 30_000, () -> window.workbench().session().getWorkspace() != null);
    robot.clickOn("#nav-line");
    runFx(
        () -> {
          vm.modelProperty().set(model.toString());
          vm.sourceProperty().set("folder:" + hot);
          vm.sinksProperty().set("folder:" + tmp.resolve("out") + "\nreview");
          vm.captureFolderProperty().set(tmp.resolve("captures").toString());
          vm.captureEveryProperty().set(5);
        });
    robot.clickOn("#line-start");
    waitFor("running", 30_000, () -> vm.statusProperty().get().startsWith("Running"));
    // paced like a line (and so that the charts have a few seconds to show)
    for (int i = 0; i < images.size(); i++) {
      LineFixturesAccess.drop(images.get(i), hot, String.format("part%02d.png", i));
      Thread.sleep(400);
    }
    waitFor("every image", 60_000, () -> vm.imagesProperty().get() == images.size());
    waitFor("sinks", 10_000, () -> vm.sinkRows().size() == 2);
    assertThat(vm.okProperty().get() + vm.reviewProperty().get() + vm.ngProperty().get())
        .isEqualTo(images.size());
    assertThat(vm.reviewProperty().get() + vm.ngProperty().get()).isPositive();
    assertThat(onFx(() -> vm.strip().size()))
        .isEqualTo(
            (int) Math.min(LineViewModel.STRIP, vm.reviewProperty().get() + vm.ngProperty().get()));
    assertThat(onFx(() -> vm.rateSeries().getData().size())).isGreaterThan(2);
    assertThat(onFx(() -> ((Label) robot.lookup("#line-verdict").query()).getText()))
        .isIn("OK", "REVIEW", "NG");
    assertThat(vm.sinkRows()).allSatisfy(r -> assertThat(r.state()).isEqualTo("connected"));
    GuiTestSupport.settle();
    String shots = System.getProperty("sgsf.screenshots.dir");
    Path shot =
        GuiTestSupport.snapshot(
            window.scene(),
            (shots == null || shots.isBlank() ? Path.of("target", "screenshots") : Path.of(shots))
                .resolve("line.png"));
    assertThat(shot).isRegularFile();

    // images 0, 5, 10 and 15 captured, and the current one on request
    robot.clickOn("#line-capture-now");
    waitFor("five captures", 10_000, () -> count(tmp.resolve("captures")) == 5);

    // a strip image shows large when clicked
    LineViewModel.StripItem oldest = onFx(() -> vm.strip().get(vm.strip().size() - 1));
    Node tile =
        robot
            .lookup("#line-strip")
            .queryAs(javafx.scene.layout.HBox.class)
            .getChildren()
            .get(onFx(() -> vm.strip().size()) - 1);
    robot.clickOn(tile);
    waitFor("strip image shown", 5_000, () -> vm.latestProperty().get() == oldest.overlay());
    assertThat(vm.verdictProperty().get()).isEqualTo(oldest.result().verdict());

    // double-click: the review inbox opens in the Review section at that image
    robot.doubleClickOn(tile);
    ReviewViewModel review = window.workbench().reviewViewModel();
    waitFor(
        "review section at the image",
        90_000,
        () ->
            window.workbench().mainViewModel().sectionProperty().get() == Section.REVIEW
                && review.currentProperty().get() != null
                && review
                    .currentProperty()
                    .get()
                    .result()
                    .image()
                    .getFileName()
                    .toString()
                    .endsWith(FileNames.stem(oldest.result().source()) + ".png"));
    assertThat(onFx(() -> review.queue().size()))
        .isEqualTo((int) (vm.reviewProperty().get() + vm.ngProperty().get()));
    robot.clickOn("#nav-line");

    robot.clickOn("#line-stop");
    waitFor("stopped", 30_000, () -> !vm.runningProperty().get());
    assertThat(vm.statusProperty().get()).isEqualTo("Stopped.");
    LineSettings saved =
        LineSettings.load(window.workbench().session().getWorkspace().dir()).orElseThrow();
    assertThat(saved.source()).isEqualTo("folder:" + hot);
    assertThat(saved.sinks()).hasSize(2);
    assertThat(saved.captureEvery()).isEqualTo(5);

    // without a model the line only captures
    Path hot2 = Files.createDirectories(tmp.resolve("hot2"));
    runFx(
        () -> {
          vm.modelProperty().set("");
          vm.sourceProperty().set("folder:" + hot2);
          vm.captureEveryProperty().set(1);
        });
    robot.clickOn("#line-start");
    waitFor("capturing", 30_000, () -> vm.statusProperty().get().startsWith("Capturing"));
    LineFixturesAccess.drop(images.get(0), hot2, "extra.png");
    waitFor("one more capture", 30_000, () -> count(tmp.resolve("captures")) == 6);
    robot.clickOn("#line-stop");
    waitFor("stopped again", 30_000, () -> !vm.runningProperty().get());
  }

  private static long count(Path dir) {
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.count();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /** The file name of a source without folder and extension. */
  private static final class FileNames {
    static String stem(String source) {
      String n = Path.of(source).getFileName().toString();
      return n.substring(0, n.lastIndexOf('.'));
    }
  }
}
