package sgsf.ui;

import java.lang.management.ManagementFactory;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.ui.concurrent.FxTaskRunner;

/**
 * The JavaFX application: shows the main window at once, then opens the last workspace and its
 * dataset in the background; the deep-learning backend (ND4J) loads after that, also in the
 * background, never on the FX thread.
 */
public final class WorkbenchApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);
  private FxTaskRunner runner;
  private Workbench workbench;

  @Override
  public void start(Stage stage) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long entered = System.currentTimeMillis();
    WorkbenchLog.install();
    LOG.info("JavaFX start() entered {} ms after JVM start", entered - jvmStart);
    runner = new FxTaskRunner();
    workbench = new Workbench(runner, SettingsStore.atDefaultLocation(), getHostServices());
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> {
          LOG.error("uncaught exception in {}", t.getName(), e);
          if (Platform.isFxApplicationThread()) {
            workbench.session().notifier().error("An operation", e);
          }
        });
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    double w = Math.min(1360, screen.getWidth());
    double h = Math.min(860, screen.getHeight());
    Scene scene = workbench.createScene(w, h);
    LOG.info("main window built in {} ms", System.currentTimeMillis() - entered);
    stage.setScene(scene);
    stage.setMinWidth(Math.min(1000, w));
    stage.setMinHeight(Math.min(620, h));
    stage.titleProperty().bind(workbench.mainViewModel().titleProperty());
    stage.setOnShown(
        e ->
            Platform.runLater(
                () ->
                    LOG.info(
                        "window shown {} ms after JVM start",
                        System.currentTimeMillis() - jvmStart)));
    stage.show();
    workbench.mainViewModel().startup();
    PauseTransition later = new PauseTransition(Duration.seconds(1.5));
    later.setOnFinished(e -> workbench.mainViewModel().loadBackend());
    later.play();
  }

  @Override
  public void stop() {
    if (workbench != null) {
      workbench.shutdown();
    }
    if (runner != null) {
      runner.shutdown();
    }
  }
}
