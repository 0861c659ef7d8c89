package sgsf.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import sgsf.ui.Section;
import sgsf.ui.SettingsStore;
import sgsf.ui.concurrent.FxCalls;
import sgsf.ui.concurrent.FxStallMonitor;
import sgsf.ui.concurrent.FxTaskRunner;
import sgsf.ui.training.TrainingViewModel;

/**
 * How responsive the workbench stays while it trains: opens the real main window on the demo data
 * in a scratch workspace, starts a training run from the Train view (with its live charts and batch
 * previews), lets it run, cancels it, and reports the FX-thread stalls {@link FxStallMonitor} saw.
 * Issue #5's target: no stall over 100 ms. Needs a display (Xvfb or a desktop).
 */
public final class ResponsivenessBenchmark {
  private static final double WINDOW_WIDTH = 1366;
  private static final double WINDOW_HEIGHT = 768;
  private static final long SETTLE_MILLIS = 2000;

  /**
   * What one run measured.
   *
   * @param maxStallMillis the larger of the two maxima below
   * @param maxPulseGapMillis longest gap between two FX pulses
   * @param maxEventLatencyMillis longest wait of a posted probe event for the FX thread
   * @param probes probe events answered
   * @param stallsOver100ms pulse gaps and probe waits over 100 ms
   * @param iterations training iterations completed while measuring
   */
  public record RunFigures(
      double maxStallMillis,
      double maxPulseGapMillis,
      double maxEventLatencyMillis,
      long probes,
      long stallsOver100ms,
      int iterations) {}

  private ResponsivenessBenchmark() {}

  /**
   * Runs {@code runs} measurements of {@code seconds} each, each in a fresh window and workspace
   * under {@code scratch}. Starts the JavaFX toolkit if it is not running and leaves it running
   * (the caller decides when the process ends).
   *
   * @param preset the training preset chosen in the form (lite, standard, paper)
   * @param warmup autoencoder warm-up iterations, kept short so the main phase is measured too
   */
  public static List<RunFigures> run(
      String preset, int warmup, double seconds, int runs, Path scratch) throws Exception {
    if (seconds < 5 || seconds > 3600 || runs < 1 || runs > 50) {
      throw new IllegalArgumentException(
          "seconds must be in [5, 3600] and runs in [1, 50], got " + seconds + " and " + runs);
    }
    startToolkit();
    List<RunFigures> out = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      out.add(
          measureOnce(
              preset, warmup, seconds, Files.createDirectories(scratch.resolve("run-" + r))));
    }
    return out;
  }

  private static void startToolkit() throws InterruptedException {
    CompletableFuture<Void> started = new CompletableFuture<>();
    try {
      Platform.startup(() -> started.complete(null));
    } catch (IllegalStateException alreadyRunning) {
      started.complete(null);
    }
    Platform.setImplicitExit(false);
    started.orTimeout(60, TimeUnit.SECONDS).join();
  }

  private static RunFigures measureOnce(String preset, int warmup, double seconds, Path dir)
      throws Exception {
    FxTaskRunner runner = new FxTaskRunner();
    Workbench wb =
        onFx(
            () -> {
              Workbench w = new Workbench(runner, new SettingsStore(dir.resolve("config")), null);
              w.mainViewModel().setDefaultWorkspace(dir.resolve("workspace"));
              Stage stage = new Stage();
              stage.setTitle("SGSF responsiveness benchmark");
              stage.setScene(w.createScene(WINDOW_WIDTH, WINDOW_HEIGHT));
              stage.show();
              w.mainViewModel().startup();
              return w;
            });
    try {
      FxCalls.waitFor("the demo dataset", 120_000, () -> wb.session().getDataset() != null);
      TrainingViewModel vm = wb.trainingViewModel();
      FxStallMonitor monitor = new FxStallMonitor("responsiveness benchmark");
      onFx(
          () -> {
            wb.mainViewModel().show(Section.TRAIN);
            vm.form().presetProperty().set(preset);
            vm.form().iterationsProperty().set("100000");
            vm.form().warmupProperty().set(Integer.toString(warmup));
            return null;
          });
      // the Train view's first layout (skins, CSS) is a one-off cost of opening the view, not of
      // training: let it settle before measuring
      Thread.sleep(SETTLE_MILLIS);
      onFx(
          () -> {
            String blocked = vm.startBlockedReason();
            if (blocked != null) {
              throw new IllegalStateException("training cannot start: " + blocked);
            }
            monitor.start();
            vm.start();
            return null;
          });
      Thread.sleep(Math.round(seconds * 1000));
      int iterations =
          onFx(
              () -> {
                monitor.stop();
                int done = vm.history().size();
                vm.cancel();
                return done;
              });
      FxCalls.waitFor("the run to stop", 120_000, () -> !vm.stateProperty().get().isActive());
      return new RunFigures(
          monitor.maxStallMillis(),
          monitor.maxPulseGapMillis(),
          monitor.maxEventLatencyMillis(),
          monitor.probeCount(),
          monitor.stallsOver100ms(),
          iterations);
    } finally {
      onFx(
          () -> {
            wb.shutdown();
            for (javafx.stage.Window w : new ArrayList<>(javafx.stage.Window.getWindows())) {
              if (w instanceof Stage s) {
                s.close();
              }
            }
            return null;
          });
      runner.shutdown();
    }
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    return FxCalls.call(work, 60);
  }
}
