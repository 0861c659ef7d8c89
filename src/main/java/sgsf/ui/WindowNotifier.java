package sgsf.ui;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.ui.common.ErrorMessages;
import sgsf.ui.common.Icons;
import sgsf.ui.common.Notifier;

/**
 * The main window's {@link Notifier}: errors as dialogs naming the file and the problem (the stack
 * trace goes to the log, which the dialog offers to open), notes as notifications in the top right
 * corner that fade after a few seconds.
 */
final class WindowNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(WindowNotifier.class);
  private static final ButtonType OPEN_LOG = new ButtonType("Open log", ButtonBar.ButtonData.LEFT);
  private final VBox toasts = new VBox(8);
  private final Runnable openLog;
  private Window owner;
  private Alert lastError;

  WindowNotifier(Runnable openLog) {
    this.openLog = openLog;
    toasts.setAlignment(Pos.TOP_RIGHT);
    toasts.setPadding(new Insets(12));
    toasts.setPickOnBounds(false);
    // as wide as the widest toast (each sized by toastWidth), so none is squeezed to wrap
    toasts.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    StackPane.setAlignment(toasts, Pos.TOP_RIGHT);
  }

  /** The layer the notifications appear in; put it on top of the content. */
  VBox layer() {
    return toasts;
  }

  void setOwner(Window w) {
    owner = w;
  }

  /** The last error dialog shown (tests look at it). */
  Alert lastError() {
    return lastError;
  }

  @Override
  public void error(String action, Throwable error) {
    String text = ErrorMessages.describe(error);
    LOG.error("{} failed: {}", action, text, error);
    Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE, OPEN_LOG);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.setTitle("Error");
    alert.setHeaderText(action + " failed");
    Label content = new Label(text + "\n\nDetails are in the log (Help › Open log).");
    content.setWrapText(true);
    content.setMaxWidth(520);
    alert.getDialogPane().setContent(content);
    alert.setResizable(true);
    alert
        .resultProperty()
        .addListener(
            (o, a, b) -> {
              if (b == OPEN_LOG) {
                openLog.run();
              }
            });
    lastError = alert;
    alert.show();
  }

  @Override
  public void info(String message) {
    LOG.info(message);
    Notification note =
        new Notification(message, Icons.of(MaterialDesignI.INFORMATION_OUTLINE, 18));
    note.getStyleClass().addAll(Styles.ELEVATED_1, Styles.ACCENT);
    note.setPrefWidth(toastWidth(message));
    note.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    note.setOnClose(e -> toasts.getChildren().remove(note));
    toasts.getChildren().add(note);
    while (toasts.getChildren().size() > 3) {
      toasts.getChildren().remove(0);
    }
    PauseTransition fade = new PauseTransition(Duration.seconds(5));
    fade.setOnFinished(e -> toasts.getChildren().remove(note));
    fade.play();
  }

  /**
   * A toast's width: 380 px, or wider (up to 760) when a word of the message, e.g. a file name,
   * would not fit on one line, so that a file name never wraps inside itself.
   */
  static double toastWidth(String message) {
    double longest = 0;
    for (String word : message.split("\\s+")) {
      javafx.scene.text.Text t = new javafx.scene.text.Text(word);
      t.setFont(javafx.scene.text.Font.font(15));
      longest = Math.max(longest, t.getLayoutBounds().getWidth());
    }
    return Math.max(380, Math.min(760, Math.ceil(longest) + 110));
  }
}
