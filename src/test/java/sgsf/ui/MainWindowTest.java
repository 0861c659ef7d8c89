package sgsf.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import sgsf.io.workspace.Workspace;

@Tag("gui")
class MainWindowTest {
  @RegisterExtension final WorkbenchWindow window = WorkbenchWindow.onNewWorkspace();

  @Test
  void firstStartCreatesTheDefaultWorkspaceAndShowsItInTheStatusBar(FxRobot robot)
      throws Exception {
    waitFor("workspace open", 10_000, () -> window.workbench().session().getWorkspace() != null);
    assertThat(Files.isRegularFile(window.tmp().resolve("ws").resolve(Workspace.MANIFEST)))
        .isTrue();
    Label status = robot.lookup("#status-workspace").queryAs(Label.class);
    assertThat(onFx(status::getText)).isEqualTo("ws");
    assertThat(window.workbench().mainViewModel().recentWorkspaces())
        .containsExactly(window.tmp().resolve("ws").toAbsolutePath().normalize());
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
    waitFor("review view", 10_000, () -> window.workbench().window().view(Section.REVIEW) != null);
    assertThat(window.workbench().mainViewModel().sectionProperty().get())
        .isEqualTo(Section.REVIEW);
  }

  @Test
  void openingAFolderThatIsNoWorkspaceShowsAnErrorNamingTheFile(FxRobot robot) throws Exception {
    waitFor("workspace open", 10_000, () -> window.workbench().session().getWorkspace() != null);
    Path plain = Files.createDirectories(window.tmp().resolve("not-a-workspace"));
    GuiTestSupport.runFx(() -> window.workbench().mainViewModel().openWorkspace(plain));
    waitFor(
        "error dialog", 10_000, () -> window.workbench().window().notifier().lastError() != null);
    javafx.scene.control.Alert alert = window.workbench().window().notifier().lastError();
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
    assertThat(window.workbench().session().getWorkspace().dir().getFileName().toString())
        .isEqualTo("ws");
  }

  @Test
  void newWorkspaceSwitchesToItAndItJoinsTheRecentList(FxRobot robot) throws Exception {
    waitFor("workspace open", 10_000, () -> window.workbench().session().getWorkspace() != null);
    Path second = window.tmp().resolve("second");
    GuiTestSupport.runFx(() -> window.workbench().mainViewModel().newWorkspace(second));
    waitFor(
        "second workspace open",
        10_000,
        () ->
            window
                .workbench()
                .session()
                .getWorkspace()
                .dir()
                .getFileName()
                .toString()
                .equals("second"));
    assertThat(window.workbench().mainViewModel().recentWorkspaces().get(0))
        .isEqualTo(second.toAbsolutePath().normalize());
    assertThat(window.workbench().mainViewModel().settings().lastWorkspace())
        .isEqualTo(second.toAbsolutePath().normalize().toString());
    assertThat(robot.lookup("#status-workspace").queryAs(Label.class).getText())
        .isEqualTo("second");
  }

  @Test
  void helpOpenLogShowsTheEndOfTheLogFile(FxRobot robot) throws Exception {
    if (WorkbenchLog.file() == null) {
      System.setProperty(WorkbenchLog.LOG_DIR_PROPERTY, window.tmp().resolve("logs").toString());
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
    Path f = window.tmp().resolve("long.log");
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
