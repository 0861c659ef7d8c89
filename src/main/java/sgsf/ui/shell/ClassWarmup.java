package sgsf.ui.shell;

import org.slf4j.LoggerFactory;

/**
 * Loads, on a background thread while the JavaFX toolkit starts, the classes the first frame needs
 * (JSON for settings and the workspace, icons, controls, OpenCV for the dataset scan). On a
 * multi-core machine this takes class loading off the critical path to the first window.
 */
final class ClassWarmup {
  private ClassWarmup() {}

  static void start() {
    Thread t =
        new Thread(
            () -> {
              try {
                Class.forName("sgsf.ui.MainWindow");
                Class.forName("org.kordamp.ikonli.javafx.FontIcon");
                Class.forName("org.kordamp.ikonli.materialdesign2.MaterialDesignF");
                Class.forName("org.controlsfx.control.GridView");
                Class.forName("atlantafx.base.controls.CustomTextField");
              } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                LoggerFactory.getLogger(ClassWarmup.class).debug("warm-up incomplete", e);
              }
            },
            "sgsf-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
  }
}
