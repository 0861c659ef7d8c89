package sgsf.ui.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;

/**
 * Asks for the Folder layout's three folders: normal images, abnormal images, and (optionally) the
 * masks of the abnormal images. OK stays disabled until the required folders exist; the reason is
 * shown under the fields.
 */
final class FolderLayoutDialog {
  /** The chosen folders; {@code masks} is null when none was given. */
  record Choice(Path normal, Path abnormal, Path masks) {}

  private FolderLayoutDialog() {}

  static Optional<Choice> show(Window owner) {
    Dialog<Choice> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Open Folder layout");
    dialog.setHeaderText(
        "A dataset given as plain folders: good images, defective images, and optionally masks\n"
            + "of the defective images (matched by name: <image>_mask.png, <image>.png, …).");
    TextField normal = new TextField();
    TextField abnormal = new TextField();
    TextField masks = new TextField();
    normal.setId("folder-normal");
    abnormal.setId("folder-abnormal");
    masks.setId("folder-masks");
    masks.setPromptText("optional");
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.setPadding(new Insets(10, 0, 0, 0));
    ColumnConstraints grow = new ColumnConstraints();
    grow.setHgrow(Priority.ALWAYS);
    grow.setMinWidth(360);
    grid.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
    addRow(grid, 0, "Normal images", normal, owner);
    addRow(grid, 1, "Abnormal images", abnormal, owner);
    addRow(grid, 2, "Masks", masks, owner);
    Label problem = new Label();
    problem.getStyleClass().add("validation-message");
    problem.setWrapText(true);
    grid.add(problem, 0, 3, 3, 1);
    StringBinding validation =
        Bindings.createStringBinding(
            () -> validate(normal.getText(), abnormal.getText(), masks.getText()),
            normal.textProperty(),
            abnormal.textProperty(),
            masks.textProperty());
    problem.textProperty().bind(validation);
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
    ok.disableProperty().bind(validation.isNotEmpty());
    dialog.setResultConverter(
        b ->
            b == ButtonType.OK
                ? new Choice(
                    Path.of(normal.getText().trim()),
                    Path.of(abnormal.getText().trim()),
                    masks.getText().isBlank() ? null : Path.of(masks.getText().trim()))
                : null);
    return dialog.showAndWait();
  }

  /** Empty when the folders can be opened, otherwise what is wrong. */
  static String validate(String normal, String abnormal, String masks) {
    if (normal == null || normal.isBlank()) {
      return "Choose the folder of normal (good) images.";
    }
    if (!Files.isDirectory(Path.of(normal.trim()))) {
      return normal.trim() + ": not a folder.";
    }
    if (abnormal == null || abnormal.isBlank()) {
      return "Choose the folder of abnormal (defective) images.";
    }
    if (!Files.isDirectory(Path.of(abnormal.trim()))) {
      return abnormal.trim() + ": not a folder.";
    }
    if (Path.of(normal.trim()).equals(Path.of(abnormal.trim()))) {
      return "Normal and abnormal images must be in different folders.";
    }
    if (masks != null && !masks.isBlank() && !Files.isDirectory(Path.of(masks.trim()))) {
      return masks.trim() + ": not a folder.";
    }
    return "";
  }

  private static void addRow(GridPane grid, int row, String label, TextField field, Window owner) {
    Button browse = new Button("Browse…", Icons.of(MaterialDesignF.FOLDER_OPEN));
    browse.setOnAction(
        e -> {
          Path initial = null;
          try {
            initial = field.getText().isBlank() ? null : Path.of(field.getText().trim());
          } catch (java.nio.file.InvalidPathException ex) {
            // not a path: start at home
          }
          FileDialogs.folder(owner, label, initial).ifPresent(dir -> field.setText(dir.toString()));
        });
    grid.add(new Label(label), 0, row);
    grid.add(field, 1, row);
    grid.add(browse, 2, row);
  }
}
