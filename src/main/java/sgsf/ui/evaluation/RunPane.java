package sgsf.ui.evaluation;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;

/**
 * The Evaluate view's header: title and status line; the model (workspace models, any file) and the
 * data (test split or a folder); run, cancel, progress and the Spark export.
 */
final class RunPane {
  private final RunPaneModel vm;
  private final ModelChooser chooser;
  private final VBox root;

  RunPane(RunPaneModel vm) {
    this.vm = vm;
    this.chooser = vm.modelChooser();
    root = build();
  }

  Node node() {
    return root;
  }

  private VBox build() {
    Label title = new Label("Evaluate");
    title.getStyleClass().add("section-title");
    Label status = new Label();
    status.setId("evaluate-status");
    status.getStyleClass().add("muted");
    status.textProperty().bind(vm.statusProperty());
    VBox titles = new VBox(2, title, status);

    ComboBox<Path> models = new ComboBox<>(chooser.models());
    models.setId("evaluate-model");
    models.setPromptText("No model in this workspace");
    models.setPrefWidth(260);
    models.valueProperty().bindBidirectional(chooser.modelFileProperty());
    models.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Path p) {
            return p == null ? "" : p.getFileName().toString();
          }

          @Override
          public Path fromString(String s) {
            return null;
          }
        });
    models.setTooltip(new Tooltip("Models in the workspace's models folder, newest first"));
    Button open = new Button(null, Icons.of(MaterialDesignF.FOLDER_OPEN_OUTLINE));
    open.setTooltip(new Tooltip("Open a model file…"));
    open.setOnAction(e -> chooseModel());
    Button refresh = new Button(null, Icons.of(MaterialDesignR.REFRESH));
    refresh.setTooltip(new Tooltip("List the workspace's models again"));
    refresh.setOnAction(e -> chooser.refresh());

    ToggleGroup source = new ToggleGroup();
    RadioButton testSplit = new RadioButton("Test split");
    testSplit.setId("evaluate-source-test");
    RadioButton folder = new RadioButton("Folder…");
    folder.setId("evaluate-source-folder");
    testSplit.setToggleGroup(source);
    folder.setToggleGroup(source);
    testSplit.setSelected(vm.folderProperty().get() == null);
    folder.setSelected(vm.folderProperty().get() != null);
    testSplit.setOnAction(e -> vm.folderProperty().set(null));
    folder.setOnAction(
        e -> {
          FileDialogs.folder(window(), "Folder of images to evaluate", vm.folderProperty().get())
              .ifPresent(vm.folderProperty()::set);
          testSplit.setSelected(vm.folderProperty().get() == null);
          folder.setSelected(vm.folderProperty().get() != null);
        });
    Tooltip sourceTip = new Tooltip();
    sourceTip.textProperty().bind(vm.sourceDescriptionBinding());
    testSplit.setTooltip(sourceTip);
    folder.setTooltip(sourceTip);

    Button run = new Button("Run", Icons.of(MaterialDesignP.PLAY));
    run.setId("evaluate-run");
    run.getStyleClass().add(Styles.ACCENT);
    run.disableProperty().bind(vm.canRunProperty().not());
    run.setOnAction(e -> vm.run());
    Button cancel = new Button("Cancel", Icons.of(MaterialDesignS.STOP));
    cancel.setId("evaluate-cancel");
    cancel.getStyleClass().add(Styles.DANGER);
    cancel.disableProperty().bind(vm.runningProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    ProgressBar bar = new ProgressBar();
    bar.setId("evaluate-progress");
    bar.setPrefWidth(120);
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty().bind(vm.runningProperty());

    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    for (Button b : new Button[] {run, cancel}) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    status.setMinWidth(0);
    titles.setMinWidth(0);
    Button spark = SparkSubmitDialog.button(chooser.modelFileProperty(), vm.folderProperty());
    HBox top = new HBox(8, titles, grow, bar, run, cancel, spark);
    top.setAlignment(Pos.CENTER_LEFT);
    Label sourceLabel = new Label();
    sourceLabel.getStyleClass().add("muted");
    sourceLabel.textProperty().bind(sourceTip.textProperty());
    HBox.setHgrow(sourceLabel, Priority.ALWAYS);
    sourceLabel.setMinWidth(80);
    HBox tools =
        new HBox(
            8,
            new Label("Model"),
            models,
            open,
            refresh,
            new Separator(Orientation.VERTICAL),
            new Label("Data"),
            testSplit,
            folder,
            sourceLabel);
    tools.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, top, tools);
    box.getStyleClass().add("section-header");
    return box;
  }

  private void chooseModel() {
    Path current = chooser.modelFileProperty().get();
    var f =
        FileDialogs.openFile(
            window(),
            "Open a model",
            current == null ? null : current.getParent(),
            FileDialogs.Filter.MODELS);
    if (f.isPresent()) {
      Path p = f.get();
      if (!chooser.models().contains(p)) {
        chooser.models().add(0, p);
      }
      chooser.modelFileProperty().set(p);
    }
  }

  private javafx.stage.Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }
}
