package sgsf.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import sgsf.ui.GuiTestSupport;
import sgsf.ui.WorkbenchWindow;

/**
 * Starts and cancels a short real training run from the training view in a headless window; the FX
 * thread must stay responsive meanwhile (its longest pause is logged).
 */
@Tag("gui")
@Tag("slow")
class TrainingViewTest {
  @RegisterExtension final WorkbenchWindow window = WorkbenchWindow.onNewWorkspace().withBackend();

  @AfterEach
  void stop() {
    window.workbench().trainingViewModel().cancel();
  }

  private static void set(FxRobot robot, String id, String text) throws Exception {
    TextField f = robot.lookup(id).queryAs(TextField.class);
    GuiTestSupport.runFx(() -> f.setText(text));
  }

  @Test
  void startThenCancelAShortRun(FxRobot robot) throws Exception {
    ((ch.qos.logback.classic.Logger)
            LoggerFactory.getLogger(sgsf.ui.concurrent.FxStallMonitor.class))
        .setLevel(ch.qos.logback.classic.Level.DEBUG);
    TrainingViewModel vm = window.workbench().trainingViewModel();
    waitFor("dataset", 60_000, () -> window.workbench().session().getDataset() != null);
    robot.clickOn("#nav-train");
    set(robot, "#form-size", "32");
    set(robot, "#form-width", "4");
    set(robot, "#form-iterations", "500");
    set(robot, "#form-warmup", "2");
    set(robot, "#form-batch", "2");
    set(robot, "#form-contrast", "2");
    set(robot, "#form-checkpoint", "3");
    Button start = robot.lookup("#train-start").queryAs(Button.class);
    waitFor("start enabled", 5_000, () -> !start.isDisabled());
    robot.clickOn(start);
    waitFor("running", 5_000, () -> vm.stateProperty().get() == RunState.RUNNING);
    waitFor("five iterations", 180_000, () -> vm.history().size() >= 5);
    assertThat(onFx(() -> robot.lookup("#train-progress-text").queryLabeled().getText()))
        .startsWith("Iteration ");
    // the status bar says how many threads training really uses (one core is left to the window)
    waitFor("backend", 60_000, () -> window.workbench().session().backendProperty().get() != null);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    assertThat(onFx(() -> robot.lookup("#status-backend").queryLabeled().getText()))
        .endsWith("training on " + threads + (threads == 1 ? " thread" : " threads"));

    // pause: at most the iteration in flight still completes, then nothing
    robot.clickOn("#train-pause");
    assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
    int atPause = onFx(() -> vm.history().size());
    Thread.sleep(1500);
    int settled = onFx(() -> vm.history().size());
    assertThat(settled).isLessThanOrEqualTo(atPause + 1);
    Thread.sleep(1500);
    assertThat(onFx(() -> vm.history().size())).isEqualTo(settled);
    robot.clickOn("#train-resume");
    waitFor("training again", 60_000, () -> vm.history().size() > settled + 1);

    robot.clickOn("#train-cancel");
    waitFor("cancelled", 60_000, () -> vm.stateProperty().get() == RunState.CANCELLED);
    assertThat(onFx(() -> robot.lookup("#status-backend").queryLabeled().getText()))
        .doesNotContain("training on");
    int last = onFx(() -> vm.history().get(vm.history().size() - 1).iteration());
    assertThat(last).isLessThan(500);
    assertThat(vm.savedModelProperty().get()).isNull();
    waitFor("checkpoints listed", 10_000, () -> !vm.checkpoints().isEmpty());
    assertThat(onFx(() -> start.isDisabled())).isFalse();
    double stall = onFx(() -> window.workbench().trainingView().lastMaxStallMillis());
    LoggerFactory.getLogger(TrainingViewTest.class)
        .info("max FX stall while training: {} ms", String.format("%.1f", stall));
    assertThat(stall).isPositive().isLessThan(1000);
  }
}
