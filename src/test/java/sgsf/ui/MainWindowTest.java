package sgsf.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
  void everySectionHasAnEnabledEntryThatShowsItsView(FxRobot robot) throws Exception {
    for (Section s : Section.values()) {
      Node b = robot.lookup("#nav-" + s.name().toLowerCase(java.util.Locale.ROOT)).query();
      assertThat(b.isDisabled()).as(s.title()).isFalse();
    }
    robot.clickOn("#nav-review");
    waitFor("review view", 10_000, () -> workbench.window().view(Section.REVIEW) != null);
    assertThat(workbench.mainViewModel().sectionProperty().get()).isEqualTo(Section.REVIEW);
  }

  @Test
  void openingAFolderThatIsNoWorkspaceShowsAnErrorNamingTheFile(FxRobot robot) throws Exception {
    waitFor("workspace open", 10_000, () -> workbench.session().getWorkspace() != null);
    Path plain = Files.createDirectories(tmp.resolve("not-a-workspace"));
    GuiTestSupport.runFx(() -> workbench.mainViewModel().openWorkspace(plain));
    waitFor("error dialog", 10_000, () -> workbench.window().notifier().lastError() != null);
    javafx.scene.control.Alert alert = workbench.window().notifier().lastError();
    String text =
        onFx(
            () ->
                alert.getHeaderText()
                    + " / "
                    + ((Label) alert.getDialogPane().getContent()).getText());
    assertThat(text)
        .contains("Opening workspace " + plain)
        .contains(plain.resolve("workspace.json").toString())
        .contains("not a workspace")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    GuiTestSupport.runFx(alert::close);
    // the workspace that was open stays open
    assertThat(workbench.session().getWorkspace().dir().getFileName().toString()).isEqualTo("ws");
  }

  @Test
  void newWorkspaceSwitchesToItAndItJoinsTheRecentList(FxRobot robot) throws Exception {
    waitFor("workspace open", 10_000, () -> workbench.session().getWorkspace() != null);
    Path second = tmp.resolve("second");
    GuiTestSupport.runFx(() -> workbench.mainViewModel().newWorkspace(second));
    waitFor(
        "second workspace open",
        10_000,
        () -> workbench.session().getWorkspace().dir().getFileName().toString().equals("second"));
    assertThat(workbench.mainViewModel().recentWorkspaces().get(0))
        .isEqualTo(second.toAbsolutePath().normalize());
    assertThat(workbench.mainViewModel().settings().lastWorkspace())
        .isEqualTo(second.toAbsolutePath().normalize().toString());
    assertThat(robot.lookup("#status-workspace").queryAs(Label.class).getText())
        .isEqualTo("second");
  }

  @Test
  void helpOpenLogShowsTheEndOfTheLogFile(FxRobot robot) throws Exception {
    if (WorkbenchLog.file() == null) {
      System.setProperty(WorkbenchLog.LOG_DIR_PROPERTY, tmp.resolve("logs").toString());
    }
    Path log = WorkbenchLog.install();
    assertThat(log.toFile()).exists();
    org.slf4j.LoggerFactory.getLogger(MainWindowTest.class).info("marker for the log viewer 4711");
    robot.clickOn("Help");
    robot.clickOn("Open log");
    waitFor(
        "log text",
        10_000,
        () ->
            robot.lookup(".log-text").tryQuery().isPresent()
                && ((javafx.scene.control.TextArea) robot.lookup(".log-text").query())
                    .getText()
                    .contains("marker for the log viewer 4711"));
    javafx.scene.control.TextArea text =
        robot.lookup(".log-text").queryAs(javafx.scene.control.TextArea.class);
    String shown = onFx(text::getText);
    assertThat(shown).contains("INFO").contains("MainWindowTest");
    GuiTestSupport.runFx(() -> text.getScene().getWindow().hide());
  }

  @Test
  void theTailOfALongLogStartsAtALineBoundary() throws Exception {
    Path f = tmp.resolve("long.log");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      b.append("line ").append(i).append('\n');
    }
    Files.writeString(f, b);
    String tail = LogViewer.tail(f, 1000);
    assertThat(tail).startsWith("… (earlier lines omitted)\nline ");
    assertThat(tail).endsWith("line 19999\n");
    assertThat(tail.length()).isLessThan(1100);
  }
}
