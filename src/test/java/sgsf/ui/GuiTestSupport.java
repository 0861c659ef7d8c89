package sgsf.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Helpers for the GUI tests: waiting on the FX thread, snapshots as PNG files. */
public final class GuiTestSupport {
  static {
    // the headless Monocle screen: a 1366x768 laptop, the smallest size the workbench targets
    if (System.getProperty("headless.geometry") == null) {
      System.setProperty("headless.geometry", "1366x768-32");
    }
  }

  private GuiTestSupport() {}

  /** Makes sure the static initialiser ran before the toolkit starts. */
  public static void init() {}

  /** Runs {@code c} on the FX thread and returns its result. */
  public static <T> T onFx(Callable<T> c) throws Exception {
    return sgsf.ui.concurrent.FxCalls.call(c, 30);
  }

  public static void runFx(Runnable r) throws Exception {
    onFx(
        () -> {
          r.run();
          return null;
        });
  }

  /** Waits (polling on the FX thread) until {@code condition} holds, failing after the timeout. */
  public static void waitFor(String what, long timeoutMillis, BooleanSupplier condition)
      throws Exception {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      if (onFx(condition::getAsBoolean)) {
        return;
      }
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
      }
      Thread.sleep(25);
    }
  }

  /** Lets pending FX events and a few pulses run. */
  public static void settle() throws Exception {
    for (int i = 0; i < 3; i++) {
      runFx(() -> {});
      Thread.sleep(20);
    }
  }

  /** Renders the scene into a PNG file. */
  public static Path snapshot(Scene scene, Path file) throws Exception {
    WritableImage img = onFx(() -> scene.snapshot(null));
    return write(img, file);
  }

  /** Renders a node into a PNG file. */
  public static Path snapshot(Node node, Path file) throws Exception {
    WritableImage img = onFx(() -> node.snapshot(null, null));
    return write(img, file);
  }

  private static Path write(WritableImage img, Path file) throws IOException {
    BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".png");
    ImageIO.write(bi, "png", tmp.toFile());
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }
}
