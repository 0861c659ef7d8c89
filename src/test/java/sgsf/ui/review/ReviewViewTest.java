package sgsf.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.runFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import sgsf.io.review.Review;
import sgsf.io.review.ReviewVerdict;
import sgsf.ui.DemoModels;
import sgsf.ui.GuiTestSupport;
import sgsf.ui.WorkbenchWindow;
import sgsf.ui.evaluation.EvaluateViewModel;

/**
 * Reviews three images with mouse and keyboard in a real (headless) window, restarts the workbench
 * on the same workspace and finds the three reviews again.
 */
@Tag("gui")
class ReviewViewTest {
  @RegisterExtension final WorkbenchWindow window = WorkbenchWindow.onDemoTextureWithModel();

  /** Trains the tiny demo model off the FX thread, so that the window's start stays quick. */
  @org.junit.jupiter.api.BeforeAll
  static void demoModel() throws Exception {
    DemoModels.textureModel();
  }

  private ReviewViewModel evaluateAndOpenReview(FxRobot robot) throws Exception {
    EvaluateViewModel evaluate = window.workbench().evaluateViewModel();
    waitFor("dataset", 60_000, () -> window.workbench().session().getDataset() != null);
    robot.clickOn("#nav-evaluate");
    waitFor(
        "model",
        30_000,
        () ->
            evaluate.modelChooser().modelProperty().get() != null
                && evaluate.runPane().canRunProperty().get());
    robot.clickOn("#evaluate-run");
    waitFor("evaluation", 120_000, () -> evaluate.state().getResult() != null);
    robot.clickOn("#nav-review");
    ReviewViewModel vm = window.workbench().reviewViewModel();
    waitFor(
        "review database and first image",
        30_000,
        () -> vm.storeProperty().get() != null && vm.maskProperty().get() != null);
    return vm;
  }

  @Test
  void threeReviewsSurviveARestart(FxRobot robot) throws Exception {
    ReviewViewModel vm = evaluateAndOpenReview(robot);
    int queued = onFx(() -> vm.queue().size());
    assertThat(queued).isGreaterThanOrEqualTo(3);
    String first = onFx(() -> vm.currentProperty().get().result().image().toString());

    // 1st: paint a stroke with the brush across the middle of the image, then key 1
    robot.type(KeyCode.B);
    runFx(() -> vm.brushRadiusProperty().set(6));
    int before = onFx(() -> vm.maskProperty().get().area());
    Bounds b =
        onFx(
            () ->
                window
                    .workbench()
                    .reviewView()
                    .editor()
                    .localToScreen(window.workbench().reviewView().editor().getBoundsInLocal()));
    Point2D from =
        new Point2D(b.getMinX() + b.getWidth() * 0.35, b.getMinY() + b.getHeight() * 0.5);
    Point2D to = new Point2D(b.getMinX() + b.getWidth() * 0.65, b.getMinY() + b.getHeight() * 0.5);
    robot.drag(from).dropTo(to);
    int painted = onFx(() -> vm.maskProperty().get().area());
    assertThat(painted).isGreaterThan(before);
    byte[] mask = onFx(() -> vm.maskProperty().get().toPng());
    robot.type(KeyCode.DIGIT1);
    waitFor("second image", 10_000, () -> vm.indexProperty().get() == 1);

    // 2nd: false alarm
    String second = onFx(() -> vm.currentProperty().get().result().image().toString());
    waitFor("second loaded", 10_000, () -> vm.maskProperty().get() != null);
    robot.type(KeyCode.DIGIT2);
    waitFor("third image", 10_000, () -> vm.indexProperty().get() == 2);

    // 3rd: a note typed into the note field, then unsure with the button
    String third = onFx(() -> vm.currentProperty().get().result().image().toString());
    // the queue marks the image under review, and only it (issue 14 item 15)
    GuiTestSupport.settle();
    List<String> marked =
        onFx(
            () ->
                robot.lookup("#review-queue .list-cell").queryAllAs(ListCell.class).stream()
                    .filter(c -> c.getPseudoClassStates().contains(ReviewView.CURRENT))
                    .map(c -> ((ReviewQueue.Item) c.getItem()).result().image().toString())
                    .toList());
    assertThat(marked).containsExactly(third);
    robot.clickOn("#review-note").write("hairline? check under light");
    robot.clickOn("#review-unsure");
    waitFor(
        "three saved",
        10_000,
        () -> vm.savesInFlightProperty().get() == 0 && vm.reviewedInQueueProperty().get() == 3);
    Label progress = robot.lookup("#review-progress").queryAs(Label.class);
    assertThat(onFx(progress::getText)).isEqualTo("3 of " + queued + " reviewed");

    // restart: a new workbench on the same workspace (the old one closes its database)
    window.restart();
    ReviewViewModel again = evaluateAndOpenReview(robot);
    waitFor("reviews read", 10_000, () -> again.reviews().size() == 3);
    Label progress2 = robot.lookup("#review-progress").queryAs(Label.class);
    assertThat(onFx(progress2::getText)).isEqualTo("3 of " + queued + " reviewed");
    Review r1 = onFx(() -> again.reviews().get(first));
    Review r2 = onFx(() -> again.reviews().get(second));
    Review r3 = onFx(() -> again.reviews().get(third));
    assertThat(r1.verdict()).isEqualTo(ReviewVerdict.TRUE_DEFECT);
    assertThat(r1.maskPng()).isEqualTo(mask);
    assertThat(r2.verdict()).isEqualTo(ReviewVerdict.FALSE_ALARM);
    assertThat(r2.hasMask()).isFalse();
    assertThat(r3.verdict()).isEqualTo(ReviewVerdict.UNSURE);
    assertThat(r3.note()).isEqualTo("hairline? check under light");
    assertThat(r1.reviewer()).isEqualTo(System.getProperty("user.name"));
    // the first image shows its stored verdict and corrected mask
    waitFor("first image", 10_000, () -> again.maskProperty().get() != null);
    assertThat(onFx(() -> again.verdictProperty().get())).isEqualTo(ReviewVerdict.TRUE_DEFECT);
    assertThat(onFx(() -> again.maskProperty().get().area())).isEqualTo(painted);
  }
}
