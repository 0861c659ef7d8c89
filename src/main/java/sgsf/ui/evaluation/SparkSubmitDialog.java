package sgsf.ui.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import sgsf.io.AtomicFiles;
import sgsf.ui.common.ErrorMessages;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;

/**
 * The Evaluate section's "Spark…" dialog: the archive to score, the master and the executors' size,
 * and the resulting {@link SparkSubmitExport} command, updated as the fields change, to copy or
 * save as a shell script.
 */
final class SparkSubmitDialog {
  private SparkSubmitDialog() {}

  /** The button that opens the dialog for the current model (disabled without one). */
  static Button button(ObservableValue<Path> model, ObservableValue<Path> folder) {
    Button b = new Button("Spark…", Icons.of(MaterialDesignL.LAN));
    b.setId("evaluate-spark-export");
    b.setTooltip(
        new Tooltip("The spark-submit command that scores an image archive with this model"));
    b.disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.getValue() == null, model));
    b.setOnAction(
        e ->
            show(
                b.getScene() == null ? null : b.getScene().getWindow(),
                model.getValue(),
                folder.getValue()));
    return b;
  }

  static void show(Window owner, Path model, Path folder) {
    Dialog<Void> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Score an archive on Spark");
    dialog.setHeaderText("Score an image archive with " + model.getFileName() + " on Apache Spark");
    dialog.getDialogPane().setContent(new Form(model, folder).root);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.showAndWait();
  }

  /** The dialog's fields and command; a class of its own so tests can show it in a stage. */
  static final class Form {
    final Path model;
    final TextField archive = new TextField();
    final TextField out = new TextField();
    final ComboBox<String> master = new ComboBox<>();
    final TextField jar = new TextField(SparkSubmitExport.JOB_JAR);
    final Spinner<Integer> cores = new Spinner<>(1, 256, 4);
    final Spinner<Integer> memory = new Spinner<>(1, 1024, 6);
    final ChoiceBox<String> heatmaps = new ChoiceBox<>();
    final CheckBox csv = new CheckBox("one scores.csv");
    final TextArea command = new TextArea();
    final Label problem = new Label();
    final VBox root;

    Form(Path model, Path folder) {
      this.model = model;
      SparkSubmitExport defaults =
          SparkSubmitExport.of(model, folder == null ? "" : folder.toString());
      archive.setText(defaults.archive());
      archive.setPromptText("/data/archive, hdfs://…, s3a://…");
      out.setText(defaults.out());
      master.getItems().setAll(SparkSubmitExport.MASTERS);
      master.setEditable(true);
      master.setValue(defaults.master());
      heatmaps.getItems().setAll("none", "flagged", "all");
      heatmaps.setValue(defaults.heatmaps());
      csv.setSelected(defaults.csv());
      cores.setEditable(true);
      memory.setEditable(true);
      archive.setId("spark-archive");
      out.setId("spark-out");
      master.setId("spark-master");
      command.setId("spark-command");
      command.setEditable(false);
      command.setWrapText(false);
      command.setPrefRowCount(14);
      command.setPrefColumnCount(70);
      command.setStyle("-fx-font-family: monospace;");
      problem.getStyleClass().add("validation-message");

      Button browse = new Button(null, Icons.of(MaterialDesignF.FOLDER_OPEN_OUTLINE));
      browse.setTooltip(new Tooltip("Choose a local folder…"));
      browse.setOnAction(
          e -> {
            FileDialogs.folder(browse.getScene().getWindow(), "Archive of images", null)
                .ifPresent(chosen -> archive.setText(chosen.toAbsolutePath().toString()));
          });
      Button copy = new Button("Copy", Icons.of(MaterialDesignC.CONTENT_COPY));
      copy.setId("spark-copy");
      copy.setOnAction(
          e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(command.getText());
            Clipboard.getSystemClipboard().setContent(c);
          });
      Button save = new Button("Save script…", Icons.of(MaterialDesignC.CONTENT_SAVE_OUTLINE));
      save.setOnAction(e -> saveScript(save.getScene().getWindow()));
      copy.disableProperty().bind(problem.textProperty().isNotEmpty());
      save.disableProperty().bind(problem.textProperty().isNotEmpty());

      GridPane grid = new GridPane();
      grid.setHgap(8);
      grid.setVgap(6);
      ColumnConstraints grow = new ColumnConstraints();
      grow.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
      grid.addRow(0, new Label("Archive"), archive, browse);
      grid.addRow(1, new Label("Output"), out);
      grid.addRow(2, new Label("Master"), master);
      grid.addRow(3, new Label("Job jar"), jar);
      HBox executors =
          new HBox(
              8, cores, new Label("cores,"), memory, new Label("GiB heap (+ as much off-heap)"));
      executors.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      grid.addRow(4, new Label("Executors"), executors);
      HBox outputs = new HBox(8, new Label("heatmaps"), heatmaps, csv);
      outputs.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      grid.addRow(5, new Label("Also"), outputs);
      master.setMaxWidth(Double.MAX_VALUE);
      jar.setTooltip(new Tooltip("The job jar: mvn -Pspark -DskipTests package builds it"));
      // executors exist on a cluster only
      executors
          .disableProperty()
          .bind(
              javafx.beans.binding.Bindings.createBooleanBinding(
                  () -> master.getEditor().getText().startsWith("local"),
                  master.getEditor().textProperty()));
      cores.setPrefWidth(80);
      memory.setPrefWidth(80);
      root = new VBox(8, grid, problem, command, new HBox(8, copy, save));
      root.setPadding(new Insets(8, 0, 0, 0));

      // the output follows the archive until it is edited
      archive
          .textProperty()
          .addListener(
              (o, before, now) -> {
                String previous = SparkSubmitExport.defaultOut(before, model);
                if (out.getText().isBlank() || out.getText().equals(previous)) {
                  out.setText(SparkSubmitExport.defaultOut(now, model));
                }
              });
      for (ObservableValue<?> v :
          new ObservableValue<?>[] {
            archive.textProperty(),
            out.textProperty(),
            master.valueProperty(),
            master.getEditor().textProperty(),
            jar.textProperty(),
            cores.valueProperty(),
            memory.valueProperty(),
            heatmaps.valueProperty(),
            csv.selectedProperty()
          }) {
        v.addListener((o, a, b) -> update());
      }
      update();
    }

    /** The settings the fields give. */
    SparkSubmitExport export() {
      String m = master.isEditable() ? master.getEditor().getText() : master.getValue();
      if (m == null || m.isBlank()) {
        m = master.getValue();
      }
      return new SparkSubmitExport(
          model,
          archive.getText(),
          out.getText(),
          m,
          jar.getText(),
          cores.getValue(),
          memory.getValue(),
          csv.isSelected(),
          heatmaps.getValue());
    }

    private void update() {
      try {
        SparkSubmitExport e = export();
        String p = e.problem();
        problem.setText(p == null ? "" : p);
        command.setText(p == null ? e.command() : "");
      } catch (IllegalArgumentException ex) {
        problem.setText(ex.getMessage());
        command.setText("");
      }
    }

    private void saveScript(Window owner) {
      Path f =
          FileDialogs.saveFile(
                  owner,
                  "Save the command as a shell script",
                  null,
                  "score-on-spark.sh",
                  FileDialogs.Filter.of("Shell script", "*.sh"))
              .orElse(null);
      if (f == null) {
        return;
      }
      try {
        AtomicFiles.writeString(f, "#!/bin/sh\nset -e\n" + command.getText());
        f.toFile().setExecutable(true);
      } catch (IOException e) {
        problem.setText(f + ": " + ErrorMessages.describe(e));
      }
    }
  }
}
