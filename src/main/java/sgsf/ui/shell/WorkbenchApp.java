package sgsf.ui.shell;

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
import sgsf.ui.SettingsStore;
import sgsf.ui.StartupPrefetch;
import sgsf.ui.WorkbenchLog;
import sgsf.ui.concurrent.FxTaskRunner;

/**
 * The JavaFX application: shows the main window at once, then opens the last workspace and its
 * dataset in the background; the deep-learning backend (ND4J) loads after that, also in the
 * background, never on the FX thread.
 */
public final class WorkbenchApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

  /**
   * System property: quit as soon as the dataset is shown (start-up measurements, and creating a
   * class-data-sharing archive with {@code -XX:ArchiveClassesAtExit}).
   */
  public static final String EXIT_AFTER_STARTUP_PROPERTY = "sgsf.exitAfterStartup";

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
    stage.setOnCloseRequest(
        e -> {
          var training = workbench.trainingViewModel();
          if (!training.stateProperty().get().isActive()) {
            return;
          }
          javafx.scene.control.Alert ask =
              new javafx.scene.control.Alert(
                  javafx.scene.control.Alert.AlertType.CONFIRMATION,
                  "A training run is in progress. Quit anyway? The run stops; its last checkpoint"
                      + " stays in the workspace and can be resumed.",
                  javafx.scene.control.ButtonType.YES,
                  javafx.scene.control.ButtonType.NO);
          ask.initOwner(stage);
          ask.setHeaderText("Training is running");
          if (ask.showAndWait().orElse(javafx.scene.control.ButtonType.NO)
              != javafx.scene.control.ButtonType.YES) {
            e.consume();
          } else {
            training.cancel();
          }
        });
    stage.setOnShown(
        e ->
            Platform.runLater(
                () ->
                    LOG.info(
                        "window shown {} ms after JVM start ({} ms of process CPU time)",
                        System.currentTimeMillis() - jvmStart,
                        processCpuMillis())));
    workbench
        .session()
        .datasetProperty()
        .addListener(
            new javafx.beans.value.ChangeListener<>() {
              @Override
              public void changed(
                  javafx.beans.value.ObservableValue<? extends sgsf.engine.data.Dataset> o,
                  sgsf.engine.data.Dataset a,
                  sgsf.engine.data.Dataset ds) {
                if (ds != null) {
                  o.removeListener(this);
                  LOG.info(
                      "dataset {} ready {} ms after JVM start ({} ms of process CPU time)",
                      ds.name(),
                      System.currentTimeMillis() - jvmStart,
                      processCpuMillis());
                  if (Boolean.getBoolean(EXIT_AFTER_STARTUP_PROPERTY)) {
                    Platform.exit();
                  }
                }
              }
            });
    stage.show();
    StartupPrefetch prefetch = StartupPrefetch.current();
    workbench.datasetViewModel().setPrefetch(prefetch == null ? null : prefetch::takeDataset);
    workbench.mainViewModel().startup(prefetch);
    PauseTransition later = new PauseTransition(Duration.seconds(1.5));
    later.setOnFinished(e -> workbench.mainViewModel().loadBackend());
    later.play();
  }

  /** CPU time the whole process used so far (all threads), or -1 where unknown. */
  static long processCpuMillis() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1_000_000;
    }
    return -1;
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
