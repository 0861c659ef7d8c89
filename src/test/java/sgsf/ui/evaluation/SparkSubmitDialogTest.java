package sgsf.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import sgsf.ui.DemoModels;
import sgsf.ui.GuiTestSupport;
import sgsf.ui.WorkbenchWindow;

/**
 * The Evaluate section's Spark button opens the export dialog for the current model, whose command
 * follows the archive typed in (a screenshot under target/screenshots/).
 */
@Tag("gui")
class SparkSubmitDialogTest {
  @RegisterExtension final WorkbenchWindow window = WorkbenchWindow.onDemoTextureWithModel();

  @BeforeAll
  static void demoModel() throws Exception {
    DemoModels.textureModel();
  }

  @Test
  void theSparkButtonExportsTheCommandForTheCurrentModel(FxRobot robot) throws Exception {
    EvaluateViewModel vm = window.workbench().evaluateViewModel();
    waitFor("dataset", 60_000, () -> window.workbench().session().getDataset() != null);
    robot.clickOn("#nav-evaluate");
    waitFor("model", 30_000, () -> vm.modelChooser().modelProperty().get() != null);
    Path model = onFx(() -> vm.modelChooser().modelFileProperty().get());
    Button spark = robot.lookup("#evaluate-spark-export").queryAs(Button.class);
    boolean disabled = onFx(() -> spark.isDisabled());
    assertThat(disabled).isFalse();

    robot.clickOn(spark);
    waitFor("dialog", 10_000, () -> robot.lookup("#spark-command").tryQuery().isPresent());
    TextField archive = robot.lookup("#spark-archive").queryAs(TextField.class);
    TextArea command = robot.lookup("#spark-command").queryAs(TextArea.class);
    String empty = onFx(() -> command.getText());
    assertThat(empty).doesNotContain("--images");
    robot.clickOn(archive).write("/data/line 3/2024");
    GuiTestSupport.settle();
    String text = onFx(() -> command.getText());
    assertThat(text)
        .startsWith("spark-submit")
        .contains("--images '/data/line 3/2024'")
        .contains("--model " + model.toAbsolutePath())
        .contains("--out '/data/line 3/2024-scores-");
    GuiTestSupport.snapshot(
        onFx(() -> command.getScene()), Path.of("target", "screenshots", "evaluate-spark.png"));

    DialogPane pane = (DialogPane) onFx(() -> command.getScene().getRoot());
    Node close = onFx(() -> pane.lookupButton(ButtonType.CLOSE));
    robot.clickOn(close);
    waitFor("dialog closed", 10_000, () -> robot.lookup("#spark-command").tryQuery().isEmpty());
  }
}
