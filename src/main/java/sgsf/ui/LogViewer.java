package sgsf.ui;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.HostServices;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.TaskRunner;

/** Help › Open log: the end of the log file in a window, with a button to open its folder. */
final class LogViewer {
  static final int TAIL_BYTES = 256 * 1024;

  private LogViewer() {}

  static void show(Window owner, TaskRunner runner, HostServices host) {
    Path file = WorkbenchLog.file();
    Dialog<Void> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.initModality(Modality.NONE);
    dialog.setTitle("Workbench log");
    dialog.setResizable(true);
    TextArea text = new TextArea(file == null ? "The log file is not available." : "Loading…");
    text.setEditable(false);
    text.getStyleClass().add("log-text");
    text.setPrefSize(900, 520);
    Label where = new Label(file == null ? "" : file.toString());
    Button folder = new Button("Open folder");
    folder.setDisable(file == null || host == null);
    folder.setOnAction(
        e -> host.showDocument(file.toAbsolutePath().getParent().toUri().toString()));
    Button refresh = new Button("Refresh");
    refresh.setDisable(file == null);
    Runnable load =
        () ->
            runner
                .task("Reading log", ctx -> tail(file, TAIL_BYTES))
                .lane(Lane.IO)
                .quiet()
                .onSuccess(
                    s -> {
                      text.setText(s);
                      text.positionCaret(s.length());
                      text.setScrollTop(Double.MAX_VALUE);
                    })
                .onFailure(e -> text.setText("Cannot read " + file + ": " + e.getMessage()))
                .start();
    refresh.setOnAction(e -> load.run());
    HBox bar = new HBox(8, where, new javafx.scene.layout.Region(), refresh, folder);
    HBox.setHgrow(bar.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    BorderPane content = new BorderPane(text);
    content.setBottom(bar);
    BorderPane.setMargin(bar, new javafx.geometry.Insets(8, 0, 0, 0));
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    if (file != null) {
      load.run();
    }
    dialog.show();
  }

  /** The last {@code maxBytes} of the file, starting at a line boundary. */
  static String tail(Path file, int maxBytes) throws IOException {
    if (!Files.exists(file)) {
      return "(the log is empty)";
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long len = raf.length();
      long start = Math.max(0, len - maxBytes);
      raf.seek(start);
      byte[] buf = new byte[(int) (len - start)];
      raf.readFully(buf);
      String s = new String(buf, StandardCharsets.UTF_8);
      if (start > 0) {
        int nl = s.indexOf('\n');
        s = "… (earlier lines omitted)\n" + (nl >= 0 ? s.substring(nl + 1) : s);
      }
      return s;
    }
  }
}
