package sgsf.ui.evaluation;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import sgsf.engine.data.Dataset;
import sgsf.engine.metrics.BinnedConfusion;
import sgsf.engine.metrics.BinnedCurveMetrics;
import sgsf.engine.metrics.ConfusionCounts;
import sgsf.engine.metrics.CurveMetrics;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.Metric;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.ThresholdExplorer;
import sgsf.engine.metrics.ThresholdView;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;
import sgsf.io.ModelBundle;
import sgsf.io.report.EvaluationReportWriter;
import sgsf.io.report.ThresholdsJson;
import sgsf.io.workspace.Workspace;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.ColorMap;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.RunningTask;

/**
 * The Evaluate section: choose a model (from the workspace's models folder or any file), run it
 * over the dataset's test split or any folder in the background (progress, cancel), and explore the
 * results: a filterable table with verdicts, the selected image with its heatmap, and every metric,
 * which follows the thresholds as they are moved (the binned metrics of {@link ThresholdExplorer}:
 * one query per change, independent of the number of pixels). Thresholds can be saved into the
 * model and the HTML report exported.
 */
public final class EvaluateViewModel {
  /** The type filter that shows every image. */
  public static final String ALL_TYPES = "All types";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final WorkbenchSession session;
  private final EvaluationState state;
  private final ModelChooser chooser;
  private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
  private final FilteredList<ResultRow> filtered = new FilteredList<>(rows, r -> true);
  private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
  private final ObjectProperty<String> typeFilter =
      new SimpleObjectProperty<>(this, "typeFilter", ALL_TYPES);
  private final ObjectProperty<Verdict> verdictFilter =
      new SimpleObjectProperty<>(this, "verdictFilter");
  private final ObservableList<String> typeChoices = FXCollections.observableArrayList(ALL_TYPES);
  private final ReadOnlyObjectWrapper<ThresholdView> view =
      new ReadOnlyObjectWrapper<>(this, "thresholdView");
  private final ObservableList<MetricLine> metrics = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper thresholdsSaved =
      new ReadOnlyBooleanWrapper(this, "thresholdsSaved");
  private final ObjectProperty<ResultRow> selectedRow =
      new SimpleObjectProperty<>(this, "selectedRow");
  private final DetailPaneModel detailPane;
  private final ReadOnlyObjectWrapper<Path> lastReport =
      new ReadOnlyObjectWrapper<>(this, "lastReport");
  private final ReadOnlyLongWrapper lastUpdateNanos =
      new ReadOnlyLongWrapper(this, "lastUpdateNanos");
  private final BooleanBinding canRun;
  private RunningTask<EvaluationResult> task;

  public EvaluateViewModel(WorkbenchSession session, EvaluationState state) {
    this.session = session;
    this.state = state;
    this.chooser = new ModelChooser(session);
    detailPane = new DetailPaneModel(session, state);
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
    state.resultProperty().addListener((o, a, r) -> showResult(r));
    state.thresholdsProperty().addListener((o, a, t) -> thresholdsChanged(t));
    filterText.addListener(o -> refilter());
    typeFilter.addListener(o -> refilter());
    verdictFilter.addListener(o -> refilter());
    selectedRow.addListener(
        (o, a, row) -> {
          state.selectedProperty().set(row == null ? null : row.result());
          detailPane.show(row == null ? null : row.result());
        });
    refreshModels();
  }

  // ---------------------------------------------------------------- models

  /** The model pane: which model is evaluated. */
  public ModelChooser modelChooser() {
    return chooser;
  }

  /** The model files in the workspace's models folder, newest first. */
  public ObservableList<Path> models() {
    return chooser.models();
  }

  /** The model to evaluate; setting it loads the model in the background. */
  public ObjectProperty<Path> modelFileProperty() {
    return chooser.modelFileProperty();
  }

  public ReadOnlyObjectProperty<LoadedModel> modelProperty() {
    return chooser.modelProperty();
  }

  public ReadOnlyBooleanProperty modelLoadingProperty() {
    return chooser.loadingProperty();
  }

  /** Lists the workspace's models again (after a training run saved one). */
  public void refreshModels() {
    chooser.refresh();
  }

  /** A training run saved {@code file}: list it first and select it. */
  public void modelSaved(Path file) {
    chooser.modelSaved(file);
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

  // ---------------------------------------------------------------- running

  /** A folder to evaluate instead of the dataset's test split (null: the test split). */
  public ObjectProperty<Path> folderProperty() {
    return folder;
  }

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

  private void showResult(EvaluationResult r) {
    selectedRow.set(null);
    List<ResultRow> list = new ArrayList<>();
    TreeSet<String> types = new TreeSet<>();
    if (r != null) {
      Thresholds t = state.getThresholds();
      for (ImageResult i : r.images()) {
        list.add(new ResultRow(i, t));
        types.add(i.groundTruth());
      }
      status.set(
          String.format(
                  Locale.ROOT,
                  "%d images evaluated in %.1f s; thresholds: %s",
                  r.images().size(),
                  r.seconds(),
                  r.thresholdsOrigin())
              + (r.skipped().isEmpty() ? "" : "; " + r.skipped().size() + " unreadable skipped"));
    }
    rows.setAll(list);
    List<String> choices = new ArrayList<>();
    choices.add(ALL_TYPES);
    choices.addAll(types);
    typeChoices.setAll(choices);
    if (!choices.contains(typeFilter.get())) {
      typeFilter.set(ALL_TYPES);
    }
    thresholdsChanged(state.getThresholds());
  }

  // ---------------------------------------------------------------- table

  public ObservableList<ResultRow> rows() {
    return rows;
  }

  /** The rows that pass the filters (the table sorts them). */
  public FilteredList<ResultRow> filteredRows() {
    return filtered;
  }

  /** Text the image name must contain (case-insensitive). */
  public StringProperty filterTextProperty() {
    return filterText;
  }

  /** {@link #ALL_TYPES}, "good", a defect type or "unknown". */
  public ObjectProperty<String> typeFilterProperty() {
    return typeFilter;
  }

  public ObservableList<String> typeChoices() {
    return typeChoices;
  }

  /** Only rows with this verdict, or null for all. */
  public ObjectProperty<Verdict> verdictFilterProperty() {
    return verdictFilter;
  }

  private void refilter() {
    String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
    String type = typeFilter.get();
    Verdict v = verdictFilter.get();
    filtered.setPredicate(
        r ->
            (text.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(text))
                && (type == null || ALL_TYPES.equals(type) || type.equals(r.groundTruth()))
                && (v == null || v == r.verdict()));
  }

  public ObjectProperty<ResultRow> selectedRowProperty() {
    return selectedRow;
  }

  /** Selects the row of {@code result} (e.g. chosen in another view); false if it is not shown. */
  public boolean select(ImageResult result) {
    for (ResultRow r : rows) {
      if (r.result() == result) {
        selectedRow.set(r);
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- thresholds

  /** The current thresholds, or null before a result exists. */
  public ReadOnlyObjectProperty<Thresholds> thresholdsProperty() {
    return state.thresholdsProperty();
  }

  /** Sets the OK threshold; an NG threshold below it is pushed up to it. */
  public void setImageLower(double lower) {
    Thresholds t = state.getThresholds();
    if (t != null && Double.isFinite(lower)) {
      state.thresholdsProperty().set(t.withImageBand(lower, Math.max(lower, t.imageUpper())));
    }
  }

  /** Sets the NG threshold; an OK threshold above it is pushed down to it. */
  public void setImageUpper(double upper) {
    Thresholds t = state.getThresholds();
    if (t != null && Double.isFinite(upper)) {
      state.thresholdsProperty().set(t.withImageBand(Math.min(upper, t.imageLower()), upper));
    }
  }

  /** Sets both image thresholds (swapped if given the wrong way round). */
  public void setImageBand(double lower, double upper) {
    Thresholds t = state.getThresholds();
    if (t != null && Double.isFinite(lower) && Double.isFinite(upper)) {
      state
          .thresholdsProperty()
          .set(t.withImageBand(Math.min(lower, upper), Math.max(lower, upper)));
    }
  }

  public void setPixelThreshold(double pixel) {
    Thresholds t = state.getThresholds();
    if (t != null && Double.isFinite(pixel)) {
      state.thresholdsProperty().set(t.withPixelThreshold(Math.max(0, Math.min(1, pixel))));
    }
  }

  /** Back to the thresholds the evaluation started with. */
  public void resetThresholds() {
    EvaluationResult r = state.getResult();
    if (r != null) {
      state.thresholdsProperty().set(r.thresholds());
    }
  }

  /** Every threshold-dependent number at the current thresholds, or null without ground truth. */
  public ReadOnlyObjectProperty<ThresholdView> thresholdViewProperty() {
    return view.getReadOnlyProperty();
  }

  /** The metrics table (threshold-free and at the thresholds). */
  public ObservableList<MetricLine> metrics() {
    return metrics;
  }

  /** True when the current thresholds are those stored in the model file. */
  public ReadOnlyBooleanProperty thresholdsSavedProperty() {
    return thresholdsSaved.getReadOnlyProperty();
  }

  /**
   * How long the last threshold change took to compute every metric at the new thresholds (the
   * explorer query and the metric lines), in ns; updating the table and charts comes on top.
   */
  public ReadOnlyLongProperty lastUpdateNanosProperty() {
    return lastUpdateNanos.getReadOnlyProperty();
  }

  private void thresholdsChanged(Thresholds t) {
    long start = System.nanoTime();
    EvaluationResult r = state.getResult();
    ThresholdView v = null;
    if (r != null && t != null && r.explorer() != null) {
      v = r.explorer().at(t);
    }
    List<MetricLine> lines = metricLines(r, t, v);
    LoadedModel m = r == null ? null : r.model();
    Thresholds stored = m == null ? null : savedThresholds(m);
    lastUpdateNanos.set(System.nanoTime() - start);
    for (ResultRow row : rows) {
      row.update(t);
    }
    if (verdictFilter.get() != null) {
      refilter();
    }
    view.set(v);
    metrics.setAll(lines);
    thresholdsSaved.set(t != null && t.equals(stored));
  }

  private Thresholds savedThresholds(LoadedModel m) {
    LoadedModel current = chooser.modelProperty().get();
    if (current != null && current.id().equals(m.id())) {
      return current.thresholds();
    }
    return m.thresholds();
  }

  static List<MetricLine> metricLines(EvaluationResult r, Thresholds t, ThresholdView v) {
    List<MetricLine> out = new ArrayList<>();
    if (r == null || t == null) {
      return out;
    }
    ThresholdExplorer x = r.explorer();
    if (x == null) {
      out.add(new MetricLine("Image", "Metrics", "n/a", "the images have no ground truth"));
      return out;
    }
    CurveMetrics img = x.imageCurves();
    out.add(line("Image", "AUROC", img.auroc(), "exact"));
    out.add(line("Image", "AP", img.averagePrecision(), "exact"));
    out.add(
        line(
            "Image",
            "F1-max",
            img.f1Max(),
            img.f1Threshold().defined() ? "at score " + fmt(img.f1Threshold().value()) : ""));
    BinnedCurveMetrics px = x.pixelCurves();
    if (px != null) {
      CurveMetrics p = px.metrics();
      out.add(line("Pixel", "AUROC", p.auroc(), bound(px.aurocErrorBound())));
      out.add(line("Pixel", "AP", p.averagePrecision(), bound(px.apErrorBound())));
      out.add(line("Pixel", "F1-max", p.f1Max(), bound(px.f1MaxErrorBound())));
      out.add(line("Pixel", "AUPRO@0.3", p.aupro(), bound(px.auproErrorBound())));
    }
    ConfusionCounts ng = v.imageAtNg();
    String at = "NG = score ≥ " + fmt(t.imageUpper());
    out.add(line("Image at thresholds", "TPR (recall)", ng.tpr(), at));
    out.add(line("Image at thresholds", "TNR", ng.tnr(), at));
    out.add(line("Image at thresholds", "Precision", ng.precision(), at));
    out.add(line("Image at thresholds", "F1", ng.f1(), at));
    out.add(line("Image at thresholds", "Accuracy", ng.accuracy(), at));
    out.add(line("Image at thresholds", "mACC", ng.mAcc(), "(TPR + TNR) / 2"));
    ConfusionCounts caught = v.imageAtReview();
    out.add(
        line(
            "Image at thresholds",
            "Miss rate",
            caught.missRate(),
            "defective passed as OK (REVIEW counts as caught)"));
    out.add(line("Image at thresholds", "False-reject rate", ng.fpr(), "good rejected as NG"));
    int total = v.review().total();
    out.add(
        new MetricLine(
            "Image at thresholds",
            "In review band",
            v.review().review() + " of " + total,
            String.format(
                Locale.ROOT, "%.1f %% of the images", 100.0 * v.review().review() / total)));
    BinnedConfusion pc = v.pixel();
    if (pc != null) {
      ConfusionCounts c = pc.counts();
      String note =
          "at "
              + fmt(pc.snappedThreshold())
              + (pc.tpError() + pc.fpError() > 0 ? " (bin edge)" : "");
      out.add(line("Pixel at threshold", "TPR", c.tpr(), note));
      out.add(line("Pixel at threshold", "FPR", c.fpr(), note));
      out.add(line("Pixel at threshold", "Precision", c.precision(), note));
      out.add(line("Pixel at threshold", "IoU", c.iou(), "over all test pixels"));
      out.add(line("Pixel at threshold", "F1", c.f1(), note));
    }
    return out;
  }

  private static MetricLine line(String group, String name, Metric m, String note) {
    return m.defined()
        ? new MetricLine(group, name, String.format(Locale.ROOT, "%.4f", m.value()), note)
        : new MetricLine(group, name, "n/a", m.undefinedReason());
  }

  private static String bound(double b) {
    return b < 5e-5 ? "binned, exact to 4 digits" : String.format(Locale.ROOT, "binned, ± %.4f", b);
  }

  static String fmt(double v) {
    return Thresholds.format(v);
  }

  /** Writes the current thresholds into the model file (atomically). */
  public void saveThresholds() {
    EvaluationResult r = state.getResult();
    Thresholds t = state.getThresholds();
    if (r == null || t == null) {
      session.notifier().info("Evaluate a model first.");
      return;
    }
    LoadedModel m = r.model();
    if (m.file() == null) {
      session.notifier().info("This model has no file to save thresholds into.");
      return;
    }
    session
        .runner()
        .task(
            "Saving thresholds into " + m.name(),
            ctx -> {
              ModelBundle.writeThresholds(m.file(), ThresholdsJson.toJson(t));
              return t;
            })
        .lane(Lane.IO)
        .onSuccess(
            saved -> {
              LoadedModel current = chooser.modelProperty().get();
              if (current != null && current.id().equals(m.id())) {
                chooser.replace(current.withThresholds(saved));
              }
              thresholdsSaved.set(saved.equals(state.getThresholds()));
              session.notifier().info("Thresholds saved into " + m.file().getFileName());
            })
        .onFailure(e -> session.notifier().error("Saving the thresholds into " + m.file(), e))
        .start();
  }

  /** A fresh report folder in the workspace's runs folder, or null without a workspace. */
  public Path defaultReportFolder() {
    Workspace ws = session.getWorkspace();
    EvaluationResult r = state.getResult();
    if (ws == null) {
      return null;
    }
    String model = r == null ? "model" : r.model().name().replaceAll("\\.(zip|sgsf)$", "");
    return ws.runsDir()
        .resolve(
            ("eval-" + model + "-" + LocalDateTime.now().format(STAMP))
                .replaceAll("[^A-Za-z0-9._-]+", "_"));
  }

  /** The HTML report written last. */
  public ReadOnlyObjectProperty<Path> lastReportProperty() {
    return lastReport.getReadOnlyProperty();
  }

  /**
   * Writes metrics.json, scores.csv and report.html for the current thresholds into {@code folder}.
   */
  public void exportReport(Path folder) {
    EvaluationResult r = state.getResult();
    Thresholds t = state.getThresholds();
    if (r == null || t == null) {
      session.notifier().info("Evaluate a model first.");
      return;
    }
    List<EvaluatedImage> images = r.evaluated();
    if (images.isEmpty()) {
      session.notifier().info("These images have no ground truth: there is nothing to report.");
      return;
    }
    Map<String, Object> run = new LinkedHashMap<>();
    LoadedModel m = r.model();
    run.put("model", m.file() == null ? m.id() : m.file().toAbsolutePath().toString());
    run.put("preset", m.model().config().preset());
    run.put("input_size", m.model().config().inputSize());
    run.put("training_iterations", m.model().provenance().iterationsTrained());
    run.put("data", r.source());
    run.put("thresholds_from", r.thresholdsOrigin());
    String title = "SGSF evaluation: " + m.name() + " on " + r.source();
    session
        .runner()
        .task(
            "Writing the report",
            ctx ->
                EvaluationReportWriter.write(
                        folder,
                        images,
                        MetricsSummary.compute(images, t),
                        EvaluationReportWriter.Options.titled(title, run)
                            .withWarnings(r.warningsByPath()))
                    .html())
        .lane(Lane.IO)
        .onSuccess(
            html -> {
              lastReport.set(html);
              session.notifier().info("Report written: " + html);
            })
        .onFailure(e -> session.notifier().error("Writing the report into " + folder, e))
        .start();
  }

  // ---------------------------------------------------------------- detail

  /** The detail pane: the selected image and how its heatmap is drawn. */
  public DetailPaneModel detailPane() {
    return detailPane;
  }

  /** The selected image, loaded; null while loading or with nothing selected. */
  public ReadOnlyObjectProperty<EvaluationDetail> detailProperty() {
    return detailPane.detailProperty();
  }

  public ObjectProperty<ColorMap> colorMapProperty() {
    return detailPane.colorMapProperty();
  }

  /** Heatmap opacity over the image, 0..1. */
  public DoubleProperty opacityProperty() {
    return detailPane.opacityProperty();
  }

  /** Outline the region at or above the pixel threshold. */
  public BooleanProperty showRegionProperty() {
    return detailPane.showRegionProperty();
  }

  /** Outline the ground-truth defect. */
  public BooleanProperty showGroundTruthProperty() {
    return detailPane.showGroundTruthProperty();
  }

  public WorkbenchSession session() {
    return session;
  }

  public EvaluationState state() {
    return state;
  }
}
