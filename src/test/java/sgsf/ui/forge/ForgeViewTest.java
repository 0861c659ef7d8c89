package sgsf.ui.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.runFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import sgsf.engine.config.ForgeConfig;
import sgsf.ui.WorkbenchWindow;

/** Moving a forge control in a real (headless) window updates the preview. */
@Tag("gui")
class ForgeViewTest {
  @RegisterExtension final WorkbenchWindow window = WorkbenchWindow.onNewWorkspace();

  @Test
  void movingTheThresholdSliderRecomputesThePreview(FxRobot robot) throws Exception {
    ForgeViewModel vm = window.workbench().forgeViewModel();
    waitFor("dataset", 60_000, () -> !vm.images().isEmpty());
    robot.clickOn("#nav-forge");
    waitFor("first preview", 20_000, () -> vm.previewProperty().get() != null);
    ForgePreview first = vm.previewProperty().get();
    HBox panels = robot.lookup("#forge-panels").queryAs(HBox.class);
    String gTitle =
        onFx(() -> ((Label) ((VBox) panels.getChildren().get(2)).getChildren().get(0)).getText());
    assertThat(gTitle).startsWith("G mu ");

    Slider a = robot.lookup("#param-a").queryAs(Slider.class);
    double before = onFx(a::getValue);
    robot.clickOn(a);
    double afterClick = onFx(a::getValue);
    robot.type(KeyCode.RIGHT, 3);
    waitFor(
        "preview of the moved slider",
        20_000,
        () -> {
          ForgePreview p = vm.previewProperty().get();
          return p != first && p.request().config().threshold().a() == a.getValue();
        });
    double moved = onFx(a::getValue);
    assertThat(moved).isNotEqualTo(before).isGreaterThan(afterClick);
    ForgePreview p = vm.previewProperty().get();
    String newTitle =
        onFx(() -> ((Label) ((VBox) panels.getChildren().get(2)).getChildren().get(0)).getText());
    assertThat(newTitle).isEqualTo(p.panels().get(2).title()).isNotEqualTo(gTitle);
    assertThat(p.result().threshold()).isNotEqualTo(first.result().threshold());
  }

  @Test
  void theSampleGridShowsSixteenForgedImages(FxRobot robot) throws Exception {
    ForgeViewModel vm = window.workbench().forgeViewModel();
    waitFor("dataset", 60_000, () -> !vm.images().isEmpty());
    robot.clickOn("#nav-forge");
    robot.clickOn("#forge-mode-grid");
    waitFor("grid", 30_000, () -> vm.gridProperty().get().size() == ForgeViewModel.GRID);
    waitFor(
        "grid cells",
        5_000,
        () -> robot.lookup("#forge-grid").queryParent().getChildrenUnmodifiable().size() == 16);
  }

  /**
   * Train and Forge share one forging strategy: the Training form's choice was its own and silently
   * replaced the Forge section's at training time.
   */
  @Test
  void trainingAndForgeShareOneStrategy() throws Exception {
    ForgeViewModel forge = window.workbench().forgeViewModel();
    var training = window.workbench().trainingViewModel();
    runFx(() -> training.strategyProperty().set(ForgeConfig.Strategy.CUTPASTE));
    assertThat(onFx(() -> forge.strategyProperty().get())).isEqualTo(ForgeConfig.Strategy.CUTPASTE);
    runFx(() -> forge.strategyProperty().set(ForgeConfig.Strategy.HARD));
    assertThat(onFx(() -> training.strategyProperty().get())).isEqualTo(ForgeConfig.Strategy.HARD);
    runFx(() -> forge.strategyProperty().set(ForgeConfig.Strategy.SAM));
  }
}
