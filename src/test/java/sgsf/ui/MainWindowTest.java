package sgsf.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sgsf.io.workspace.Workspace;
import sgsf.ui.concurrent.FxTaskRunner;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  static {
    GuiTestSupport.init();
  }

  @TempDir static Path tmp;
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

  @Test
  void firstStartCreatesTheDefaultWorkspaceAndShowsItInTheStatusBar(FxRobot robot)
      throws Exception {
    waitFor("workspace open", 10_000, () -> workbench.session().getWorkspace() != null);
    assertThat(Files.isRegularFile(tmp.resolve("ws").resolve(Workspace.MANIFEST))).isTrue();
    Label status = robot.lookup("#status-workspace").queryAs(Label.class);
    assertThat(onFx(status::getText)).isEqualTo("ws");
    assertThat(workbench.mainViewModel().recentWorkspaces())
        .containsExactly(tmp.resolve("ws").toAbsolutePath().normalize());
    GuiTestSupport.snapshot(
        robot.lookup("#nav-dataset").queryAs(Node.class).getScene(),
        Path.of("target", "screenshots", "main-window.png"));
  }

  @Test
  void sectionsOfPartTwoAreDisabledWithTheReasonAsTooltip(FxRobot robot) throws Exception {
    Node evaluate = robot.lookup("#nav-evaluate").query();
    assertThat(evaluate.isDisabled()).isTrue();
    Tooltip tip = (Tooltip) evaluate.getParent().getUserData();
    assertThat(tip.getText()).contains("trained model").contains("part 2");
  }
}
