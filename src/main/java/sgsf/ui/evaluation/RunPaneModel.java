package sgsf.ui.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import sgsf.engine.data.Dataset;
import sgsf.io.workspace.Workspace;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.RunningTask;

/**
 * The Evaluate view's run controls: what is evaluated (the chosen model, the dataset's test split
 * or any folder), the run in the background with progress and cancel, and the status line. A
 * finished run becomes the shared evaluation and is kept in the workspace ({@link
 * EvaluationArchive}); opening a model shows its last kept evaluation again.
 */
public final class RunPaneModel {
  private final WorkbenchSession session;
  private final EvaluationState state;
  private final ModelChooser chooser;
  private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final BooleanBinding canRun;
  private final StringBinding sourceDescription;
  private RunningTask<EvaluationResult> task;

  RunPaneModel(WorkbenchSession session, EvaluationState state, ModelChooser chooser) {
    this.session = session;
    this.state = state;
    this.chooser = chooser;
    canRun =
        Bindings.createBooleanBinding(
            () ->
                chooser.modelProperty().get() != null
                    && !running.get()
                    && (folder.get() != null
                        || (session.getDataset() != null
                            && !session.getDataset().test().isEmpty())),
            chooser.modelProperty(),
            running,
            folder,
            session.datasetProperty());
    chooser.modelFileProperty().addListener((o, a, f) -> modelChosen(f));
    chooser.modelProperty().addListener((o, a, m) -> restoreLastEvaluation(m));
    chooser
        .errorProperty()
        .addListener(
            (o, a, e) -> {
              if (e != null) {
                status.set("Could not open the model: " + e);
              }
            });
    sourceDescription =
        Bindings.createStringBinding(this::sourceDescription, folder, session.datasetProperty());
    state.resultProperty().addListener((o, a, r) -> showStatus(r));
  }

  /** The model pane: which model is evaluated. */
  public ModelChooser modelChooser() {
    return chooser;
  }

  /**
   * Another model was chosen: the results shown are not its, so they go (and the Review queue with
   * them); a model that cannot be opened is said so in the status line.
   */
  private void modelChosen(Path file) {
    EvaluationResult r = state.getResult();
    if (r != null && (file == null || !file.equals(r.model().file()))) {
      state.publish(null);
      if (chooser.errorProperty().get() == null) {
        status.set(file == null ? "" : "Opening " + file.getFileName() + "…");
      }
    }
  }

  /**
   * A model was opened: when no evaluation of it is shown, its last one kept in the workspace
   * ({@link EvaluationArchive}) is shown again, and the Review queue with it.
   */
  private void restoreLastEvaluation(LoadedModel m) {
    Workspace ws = session.getWorkspace();
    EvaluationResult shown = state.getResult();
    if (m == null || ws == null || (shown != null && shown.model().id().equals(m.id()))) {
      return;
    }
    session
        .runner()
        .task(
            "Restoring the last evaluation of " + m.name(), ctx -> EvaluationArchive.restore(ws, m))
        .lane(Lane.IO)
        .quiet()
        .onSuccess(
            kept -> {
              LoadedModel current = chooser.modelProperty().get();
              if (kept.isPresent()
                  && !running.get()
                  && state.getResult() == null
                  && current != null
                  && current.id().equals(m.id())) {
                EvaluationResult r = kept.get();
                state.publish(r);
                status.set(
                    "Last evaluation restored: "
                        + r.images().size()
                        + " images of "
                        + r.source()
                        + "; thresholds: "
                        + r.thresholdsOrigin());
              }
            })
        .start();
  }

  private void keep(EvaluationResult r) {
    Workspace ws = session.getWorkspace();
    if (ws == null) {
      return;
    }
    session
        .runner()
        .task(
            "Keeping the evaluation of " + r.model().name(),
            ctx -> {
              EvaluationArchive.save(ws, r);
              return r;
            })
        .lane(Lane.IO)
        .quiet()
        .onFailure(
            e ->
                session
                    .notifier()
                    .error("Keeping the evaluation of " + r.model().name() + " in " + ws.dir(), e))
        .start();
  }

  /** A folder to evaluate instead of the dataset's test split (null: the test split). */
  public ObjectProperty<Path> folderProperty() {
    return folder;
  }

  /** True when a model is open, nothing runs and there is something to evaluate. */
  public BooleanBinding canRunProperty() {
    return canRun;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Fraction done while running, -1 while indeterminate. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** What happened last: images evaluated and time, cancelled, skipped files. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** {@link #sourceDescription()}, following the folder and the dataset. */
  public StringBinding sourceDescriptionBinding() {
    return sourceDescription;
  }

  /** What will be evaluated, for the user. */
  public String sourceDescription() {
    Path f = folder.get();
    if (f != null) {
      return f.toString();
    }
    Dataset d = session.getDataset();
    return d == null ? "no dataset" : d.name() + ", test split (" + d.test().size() + " images)";
  }

  /** Runs the model over the test split (or the folder) in the background. */
  public void run() {
    if (!canRun.get()) {
      session
          .notifier()
          .info(
              chooser.modelProperty().get() == null
                  ? "Choose a model to evaluate first."
                  : "There is nothing to evaluate: open a dataset with a test split or choose a"
                      + " folder.");
      return;
    }
    LoadedModel m = chooser.modelProperty().get();
    Path dir = folder.get();
    Dataset ds = session.getDataset();
    String source = sourceDescription();
    running.set(true);
    progress.set(0);
    status.set("Evaluating " + source + "…");
    task =
        session
            .runner()
            .task(
                "Evaluating " + m.name(),
                ctx -> {
                  List<EvaluationTarget> targets =
                      dir == null ? EvaluationTarget.testSplit(ds) : EvaluationTarget.folder(dir);
                  ctx.updateProgress(0, targets.size());
                  return EvaluationJob.run(
                      m,
                      source,
                      targets,
                      (done, total) -> {
                        ctx.updateProgress(done, total);
                        ctx.updateMessage(done + " / " + total + " images");
                      },
                      ctx.cancellation());
                })
            .lane(Lane.IO)
            .onSuccess(
                r -> {
                  state.publish(r);
                  keep(r);
                })
            .onCancelled(() -> status.set("Evaluation cancelled; the previous results are kept."))
            .onFailure(
                e -> {
                  status.set("Evaluation failed.");
                  session.notifier().error("Evaluating " + m.name() + " on " + source, e);
                })
            .onFinished(
                () -> {
                  progress.unbind();
                  running.set(false);
                })
            .start();
    if (!task.getState().isFinished()) {
      progress.bind(task.progressProperty());
    }
  }

  /** Asks a running evaluation to stop after its current batch. */
  public void cancel() {
    if (task != null) {
      task.cancel();
    }
  }

  private void showStatus(EvaluationResult r) {
    if (r != null) {
      status.set(
          String.format(
                  Locale.ROOT,
                  "%d images evaluated in %.1f s; thresholds: %s",
                  r.images().size(),
                  r.seconds(),
                  r.thresholdsOrigin())
              + (r.skipped().isEmpty() ? "" : "; " + r.skipped().size() + " unreadable skipped"));
    }
  }
}
