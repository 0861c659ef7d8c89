package sgsf.ui.training;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.Dataset;
import sgsf.engine.image.FloatImage;
import sgsf.engine.train.BatchPreview;
import sgsf.engine.train.IterationStats;
import sgsf.engine.train.TrainingControl;
import sgsf.engine.train.TrainingListener;
import sgsf.engine.train.TrainingOutcome;
import sgsf.engine.train.TrainingPhase;
import sgsf.io.CheckpointStore;
import sgsf.io.review.ConfirmedGoodList;
import sgsf.io.workspace.TrainingSettings;
import sgsf.io.workspace.Workspace;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.ColorMap;
import sgsf.ui.common.FxImages;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.RunningTask;
import sgsf.workflow.TrainingWorkflow;

/**
 * The training section: the form, Start / Pause / Resume / Cancel, progress with ETA, the history
 * the charts draw, the current batch preview, the run's checkpoints and the saved model. Training
 * runs on the training lane; its events reach the FX thread coalesced (at most one hand-over in
 * flight), so a fast run cannot flood the event queue.
 */
public final class TrainingViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);
  private static final DateTimeFormatter RUN_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private final WorkbenchSession session;
  private final TrainingRunner runner;
  private final Supplier<ForgeConfig> forgeSettings;
  private final ObjectProperty<ForgeConfig.Strategy> strategy =
      new SimpleObjectProperty<>(this, "strategy", ForgeConfig.DEFAULT_STRATEGY);
  private final TrainingForm form = new TrainingForm();
  private final ReadOnlyObjectWrapper<RunState> state =
      new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyStringWrapper progressText =
      new ReadOnlyStringWrapper(this, "progressText", "Not started");
  private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper(this, "phaseText", "");
  private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "");
  private final ReadOnlyStringWrapper outcomeText =
      new ReadOnlyStringWrapper(this, "outcomeText", "");
  private final ReadOnlyStringWrapper backendText =
      new ReadOnlyStringWrapper(this, "backendText", "");
  private final ObservableList<IterationStats> history = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<PreviewImages> preview =
      new ReadOnlyObjectWrapper<>(this, "preview");
  private final ObservableList<CheckpointEntry> checkpoints = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Path> savedModel =
      new ReadOnlyObjectWrapper<>(this, "savedModel");
  private final BooleanBinding canStart;
  private final Executor dispatcher;
  private final ConcurrentLinkedQueue<IterationStats> pendingStats = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private TrainingControl control;
  private RunningTask<TrainingRunner.Result> task;
  private Path runDir;
  private double previewIntervalSeconds = 4;

  /**
   * @param forgeSettings the forging configuration of the Forge section; the workbench binds {@link
   *     #strategyProperty()} to that section's strategy, so the two cannot disagree
   */
  public TrainingViewModel(
      WorkbenchSession session, TrainingRunner runner, Supplier<ForgeConfig> forgeSettings) {
    this.session = Objects.requireNonNull(session);
    this.runner = Objects.requireNonNull(runner);
    this.forgeSettings = Objects.requireNonNull(forgeSettings);
    session.workspaceProperty().addListener((o, a, ws) -> refreshCheckpoints());
    refreshCheckpoints();
    this.dispatcher = session.runner().dispatcher();
    canStart =
        Bindings.createBooleanBinding(
            () ->
                !state.get().isActive()
                    && form.problems().isEmpty()
                    && session.getDataset() != null
                    && session.getWorkspace() != null
                    && !session.getDataset().trainGood().isEmpty(),
            state,
            form.problems(),
            session.datasetProperty(),
            session.workspaceProperty());
  }

  public TrainingForm form() {
    return form;
  }

  /** Why Start is disabled, or null when it is enabled. */
  public String startBlockedReason() {
    if (state.get().isActive()) {
      return "A training run is in progress.";
    }
    if (session.getWorkspace() == null) {
      return "Open a workspace first.";
    }
    Dataset ds = session.getDataset();
    if (ds == null) {
      return "Open a dataset first (Dataset section).";
    }
    if (ds.trainGood().isEmpty()) {
      return "The dataset has no good training images.";
    }
    if (!form.problems().isEmpty()) {
      return form.problems().get(0);
    }
    return null;
  }

  /** Starts a fresh run with the form's configuration. */
  public void start() {
    startRun(null);
  }

  /** Continues the run of a checkpoint. */
  public void resumeFrom(CheckpointEntry checkpoint) {
    startRun(checkpoint.file());
  }

  private void startRun(Path resumeFrom) {
    if (!canStart.get()) {
      String why = startBlockedReason();
      session.notifier().info("Cannot start training: " + why);
      return;
    }
    Workspace ws = session.getWorkspace();
    Dataset ds = session.getDataset();
    String stamp = LocalDateTime.now().format(RUN_NAME);
    runDir =
        resumeFrom != null
            ? resumeFrom.toAbsolutePath().getParent()
            : ws.runsDir().resolve("run-" + stamp);
    String modelName =
        (ds.name() + "-" + form.presetProperty().get() + "-" + strategy.get().name() + "-" + stamp)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "_")
            + ".zip";
    ModelConfig model = form.modelConfigProperty().get();
    TrainConfig train = form.trainConfigProperty().get();
    ForgeConfig forge = forgeSettings.get().withStrategy(strategy.get());
    Path checkpoints = runDir;
    Path modelOut = ws.modelsDir().resolve(modelName);
    Path confirmedGood = ws.reviewsDir().resolve(ConfirmedGoodList.FILE_NAME);
    history.clear();
    pendingStats.clear();
    preview.set(null);
    savedModel.set(null);
    outcomeText.set("");
    progress.set(-1);
    progressText.set("Starting…");
    etaText.set("");
    phaseText.set("");
    control = new TrainingControl();
    TrainingControl c = control;
    state.set(RunState.RUNNING);
    LOG.info("training {} on {} into {}", model, ds.root(), runDir);
    task =
        session
            .runner()
            .task(
                resumeFrom == null ? "Training" : "Resuming training",
                ctx -> {
                  ctx.onCancel(c::cancel);
                  saveSettings(ws, new TrainingSettings(model, train, forge));
                  // the images confirmed good in review join train/good; read off the FX thread
                  TrainingWorkflow.Request request =
                      new TrainingWorkflow.Request(
                          ds,
                          model,
                          train,
                          forge,
                          modelOut,
                          checkpoints,
                          resumeFrom,
                          ConfirmedGoodList.read(confirmedGood));
                  return runner.run(request, new Bridge(ctx), c, ctx);
                })
            .lane(Lane.TRAINING)
            .onSuccess(this::finished)
            .onFailure(
                e -> {
                  flush();
                  state.set(RunState.FAILED);
                  outcomeText.set("Training failed: " + sgsf.ui.common.ErrorMessages.describe(e));
                  session.notifier().error("Training", e);
                })
            .onCancelled(
                () -> {
                  flush();
                  state.set(RunState.CANCELLED);
                  outcomeText.set(cancelledText());
                })
            .start();
    if (task.getState() == sgsf.ui.concurrent.TaskState.CANCELLING) {
      state.set(RunState.CANCELLING);
    }
    task.stateProperty()
        .addListener(
            (o, a, st) -> {
              if (st == sgsf.ui.concurrent.TaskState.CANCELLING && state.get().isActive()) {
                state.set(RunState.CANCELLING);
              }
            });
  }

  /**
   * What a run cancelled from outside (the status bar's task list, closing the window) says: the
   * last iteration it reached, or that it had not started.
   */
  String cancelledText() {
    if (history.isEmpty()) {
      return "Training cancelled before it started.";
    }
    return "Training cancelled after iteration "
        + history.get(history.size() - 1).iteration()
        + "; the checkpoints written so far are listed below and can be resumed.";
  }

  /** Remembers the run's configuration in the workspace; a failure only costs that memory. */
  private static void saveSettings(Workspace ws, TrainingSettings settings) {
    try {
      settings.save(ws);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("cannot save the training settings into {}: {}", ws.configsDir(), e.toString());
    }
  }

  /** Fills the form from saved settings (the forging strategy included). */
  public void restore(TrainingSettings s) {
    form.load(s.model(), s.train());
    strategy.set(s.forge().strategy());
  }

  private void finished(TrainingRunner.Result result) {
    flush();
    refreshCheckpoints();
    TrainingOutcome o = result.outcome();
    state.set(
        switch (o.status()) {
          case COMPLETED -> RunState.COMPLETED;
          case CANCELLED -> RunState.CANCELLED;
          case DIVERGED -> RunState.DIVERGED;
        });
    savedModel.set(result.savedModel());
    String msg = o.message();
    if (result.savedModel() != null) {
      msg += " Model saved to " + result.savedModel() + ".";
      session.notifier().info("Model saved: " + result.savedModel().getFileName());
    }
    if (o.lastCheckpoint() != null && o.status() != TrainingOutcome.Status.COMPLETED) {
      msg += " It can be resumed from the last checkpoint.";
    }
    outcomeText.set(msg);
    if (o.status() == TrainingOutcome.Status.DIVERGED) {
      session.notifier().error("Training", new IllegalStateException(o.message()));
    }
    LOG.info("training ended: {} after {} iterations: {}", o.status(), o.iterations(), msg);
  }

  public void pause() {
    if (state.get() == RunState.RUNNING && control != null) {
      control.pause();
      state.set(RunState.PAUSED);
    }
  }

  public void resume() {
    if (state.get() == RunState.PAUSED && control != null) {
      control.resume();
      state.set(RunState.RUNNING);
    }
  }

  /** Stops the run within one iteration; its last checkpoint stays resumable. */
  public void cancel() {
    if (state.get().isActive()) {
      state.set(RunState.CANCELLING);
      if (control != null) {
        control.cancel();
      }
      if (task != null) {
        task.cancel();
      }
    }
  }

  /** How often (seconds of training) a batch preview is requested; 0 for every iteration. */
  public void setPreviewIntervalSeconds(double seconds) {
    previewIntervalSeconds = seconds;
  }

  private void flush() {
    flushScheduled.set(false);
    List<IterationStats> batch = new ArrayList<>();
    IterationStats s;
    while ((s = pendingStats.poll()) != null) {
      batch.add(s);
    }
    if (batch.isEmpty()) {
      return;
    }
    history.addAll(batch);
    IterationStats last = batch.get(batch.size() - 1);
    progress.set(
        last.plannedIterations() <= 0 ? -1 : last.iteration() / (double) last.plannedIterations());
    progressText.set(
        String.format(
            Locale.ROOT,
            "Iteration %,d / %,d · loss %.4f · %.1f samples/s",
            last.iteration(),
            last.plannedIterations(),
            last.loss(),
            last.samplesPerSecond()));
    etaText.set(
        "Elapsed " + duration(last.elapsedSeconds()) + " · ETA " + duration(last.etaSeconds()));
  }

  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "—";
    }
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Hands engine events from the training thread to the FX thread. */
  private final class Bridge implements TrainingListener {
    private final sgsf.ui.concurrent.TaskContext ctx;
    private long lastPreviewNanos;

    Bridge(sgsf.ui.concurrent.TaskContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void onStart(TrainingStart start) {
      dispatcher.execute(
          () -> {
            backendText.set(
                String.format(
                    Locale.ROOT,
                    "%s · %,d parameters · %d training images",
                    start.backend(),
                    start.parameters(),
                    start.trainingImages()));
            progressText.set(
                start.startIteration() > 0
                    ? "Resuming at iteration " + start.startIteration()
                    : "Starting " + start.plannedIterations() + " iterations");
          });
    }

    @Override
    public void onPhase(TrainingPhase phase, String message) {
      ctx.updateMessage(phaseLabel(phase).toLowerCase(Locale.ROOT));
      dispatcher.execute(
          () -> phaseText.set(phaseLabel(phase) + (message == null ? "" : ": " + message)));
    }

    @Override
    public void onIteration(IterationStats stats) {
      ctx.updateProgress(stats.iteration(), stats.plannedIterations());
      ctx.updateMessage("iteration " + stats.iteration() + " / " + stats.plannedIterations());
      pendingStats.add(stats);
      if (flushScheduled.compareAndSet(false, true)) {
        dispatcher.execute(TrainingViewModel.this::flush);
      }
    }

    @Override
    public boolean wantsPreview(int iteration) {
      long now = System.nanoTime();
      if (lastPreviewNanos == 0 || (now - lastPreviewNanos) / 1e9 >= previewIntervalSeconds) {
        lastPreviewNanos = now;
        return true;
      }
      return false;
    }

    @Override
    public void onPreview(BatchPreview p) {
      int n = Math.min(4, p.inputs().size());
      Function<FloatImage, Image> img = FxImages::toImage;
      List<Image> in = new ArrayList<>();
      List<Image> masks = new ArrayList<>();
      List<Image> pred = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        in.add(img.apply(p.inputs().get(i)));
        masks.add(img.apply(p.masks().get(i)));
        pred.add(FxImages.heatmap(p.predictions().get(i), ColorMap.INFERNO));
      }
      PreviewImages images = new PreviewImages(p.iteration(), in, masks, pred);
      dispatcher.execute(() -> preview.set(images));
    }

    @Override
    public void onCheckpoint(Path checkpoint, int iteration) {
      CheckpointEntry e = new CheckpointEntry(checkpoint, iteration);
      dispatcher.execute(
          () -> {
            checkpoints.remove(e);
            checkpoints.add(0, e);
          });
    }
  }

  static String phaseLabel(TrainingPhase phase) {
    return switch (phase) {
      case LOADING -> "Loading images";
      case WARMUP -> "Warm-up (autoencoder)";
      case CONTRAST_SETS -> "Contrast sets";
      case MAIN -> "Main phase (segmentation)";
      case FEATURE_BANK -> "Feature bank";
      case DONE -> "Done";
    };
  }

  public ReadOnlyObjectProperty<RunState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public BooleanBinding canStartProperty() {
    return canStart;
  }

  /** Fraction of the planned iterations done, -1 while unknown. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty phaseTextProperty() {
    return phaseText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty etaTextProperty() {
    return etaText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty outcomeTextProperty() {
    return outcomeText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty backendTextProperty() {
    return backendText.getReadOnlyProperty();
  }

  /** Every iteration reported so far in this run. */
  public ObservableList<IterationStats> history() {
    return history;
  }

  public ReadOnlyObjectProperty<PreviewImages> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  /**
   * Lists the checkpoints of every run in the workspace (newest first) in the background; each is
   * resumable.
   */
  public void refreshCheckpoints() {
    Workspace ws = session.getWorkspace();
    if (ws == null) {
      checkpoints.clear();
      return;
    }
    Path runs = ws.runsDir();
    session
        .runner()
        .task("Listing checkpoints", ctx -> listCheckpoints(runs))
        .lane(Lane.IO)
        .quiet()
        .onSuccess(checkpoints::setAll)
        .onFailure(e -> LOG.warn("cannot list checkpoints in {}: {}", runs, e.toString()))
        .start();
  }

  /** Checkpoints under {@code runsDir}/*, newest (by file time) first. */
  static List<CheckpointEntry> listCheckpoints(Path runsDir) throws java.io.IOException {
    List<CheckpointEntry> out = new ArrayList<>();
    if (!java.nio.file.Files.isDirectory(runsDir)) {
      return out;
    }
    try (java.util.stream.Stream<Path> runs = java.nio.file.Files.list(runsDir)) {
      for (Path run : runs.filter(java.nio.file.Files::isDirectory).toList()) {
        for (Path ck : CheckpointStore.list(run)) {
          out.add(new CheckpointEntry(ck, CheckpointEntry.iterationOf(ck)));
        }
      }
    }
    out.sort(
        java.util.Comparator.comparing(
                (CheckpointEntry c) -> {
                  try {
                    return java.nio.file.Files.getLastModifiedTime(c.file());
                  } catch (java.io.IOException e) {
                    return java.nio.file.attribute.FileTime.fromMillis(0);
                  }
                })
            .reversed());
    return out;
  }

  /** The forging strategy of the run, bound to the Forge section's in the workbench. */
  public ObjectProperty<ForgeConfig.Strategy> strategyProperty() {
    return strategy;
  }

  /** The workspace's checkpoints, newest first (each resumable). */
  public ObservableList<CheckpointEntry> checkpoints() {
    return checkpoints;
  }

  public ReadOnlyObjectProperty<Path> savedModelProperty() {
    return savedModel.getReadOnlyProperty();
  }

  /** The folder of the current or last run. */
  public Path runDir() {
    return runDir;
  }
}
