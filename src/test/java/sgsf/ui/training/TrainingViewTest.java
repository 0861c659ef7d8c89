package sgsf.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sgsf.ui.GuiTestSupport;
import sgsf.ui.SettingsStore;
import sgsf.ui.Workbench;
import sgsf.ui.concurrent.FxTaskRunner;

/**
 * Starts and cancels a short real training run from the training view in a headless window; the FX
 * thread must stay responsive meanwhile (its longest pause is logged).
 */
@Tag("gui")
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
  static {
    GuiTestSupport.init();
  }

  @TempDir Path tmp;
  private Workbench workbench;
  private FxTaskRunner runner;

  @Start
  void start(Stage stage) {
    runner = new FxTaskRunner();
    workbench = new Workbench(runner, new SettingsStore(tmp.resolve("config")), null);
    workbench.mainViewModel().setDefaultWorkspace(tmp.resolve("ws"));
    stage.setScene(workbench.createScene(1366, 768));
    stage.show();
    workbench.mainViewModel().startup();
  }

  @AfterEach
  void stop() {
    workbench.trainingViewModel().cancel();
    workbench.shutdown();
    runner.shutdown();
  }

  private static void set(FxRobot robot, String id, String text) throws Exception {
    TextField f = robot.lookup(id).queryAs(TextField.class);
    GuiTestSupport.runFx(() -> f.setText(text));
  }

  @Test
  void startThenCancelAShortRun(FxRobot robot) throws Exception {
    TrainingViewModel vm = workbench.trainingViewModel();
    waitFor("dataset", 60_000, () -> workbench.session().getDataset() != null);
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
    robot.clickOn("#train-cancel");
    waitFor("cancelled", 60_000, () -> vm.stateProperty().get() == RunState.CANCELLED);
    int last = onFx(() -> vm.history().get(vm.history().size() - 1).iteration());
    assertThat(last).isLessThan(500);
    assertThat(vm.savedModelProperty().get()).isNull();
    waitFor("checkpoints listed", 10_000, () -> !vm.checkpoints().isEmpty());
    assertThat(onFx(() -> start.isDisabled())).isFalse();
    double stall = onFx(() -> workbench.trainingView().lastMaxStallMillis());
    LoggerFactory.getLogger(TrainingViewTest.class)
        .info("max FX stall while training: {} ms", String.format("%.1f", stall));
    assertThat(stall).isPositive().isLessThan(1000);
  }
}
