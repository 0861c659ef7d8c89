package sgsf.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Model saved" notification in a real window: a long file name stays on one line (issue 14
 * item 15: it wrapped inside the name).
 */
class WindowNotifierTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start();
  }

  @Test
  void aLongFileNameDoesNotWrapInsideTheToast() throws Exception {
    String name =
        "/home/inspection/sgsf-workspace/models/magnetic-tile-lite-frozen-seed-1-60min.zip";
    String message = "Model saved to " + name;
    WindowNotifier notifier = new WindowNotifier(() -> {});
    Stage[] stage = new Stage[1];
    GuiTestSupport.runFx(
        () -> {
          StackPane root = new StackPane(new Region(), notifier.layer());
          stage[0] = new Stage();
          stage[0].setScene(new Scene(root, 1366, 768));
          stage[0].show();
          notifier.setOwner(stage[0]);
          notifier.info(message);
        });
    GuiTestSupport.settle();
    try {
      double[] widths =
          GuiTestSupport.onFx(
              () -> {
                Node toast = notifier.layer().getChildren().get(0);
                for (Node n : toast.lookupAll(".message")) {
                  if (n instanceof javafx.scene.text.TextFlow flow
                      && !flow.getChildren().isEmpty()
                      && flow.getChildren().get(0) instanceof Text t
                      && t.getText().contains(name)) {
                    Text probe = new Text(name);
                    probe.setFont(t.getFont());
                    return new double[] {probe.getLayoutBounds().getWidth(), flow.getWidth()};
                  }
                }
                StringBuilder tree = new StringBuilder();
                dump(toast, "", tree);
                throw new AssertionError("no label shows the message:\n" + tree);
              });

      // the name is wider than the 420-px layer it used to be squeezed into
      assertThat(widths[0]).isGreaterThan(420);
      assertThat(widths[1])
          .as("width of the message's text flow vs the file name's")
          .isGreaterThanOrEqualTo(widths[0]);
    } finally {
      GuiTestSupport.runFx(() -> stage[0].close());
    }
  }

  private static void dump(Node n, String indent, StringBuilder b) {
    b.append(indent).append(n.getClass().getName()).append(' ').append(n.getStyleClass());
    if (n instanceof javafx.scene.control.Labeled l) {
      b.append(" text=").append(l.getText());
    }
    if (n instanceof Text t) {
      b.append(" text=").append(t.getText());
    }
    b.append('\n');
    if (n instanceof javafx.scene.Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        dump(c, indent + "  ", b);
      }
    }
  }
}
