package sgsf.ui.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.review.ConfirmedGoodList;
import sgsf.io.review.Review;
import sgsf.io.review.ReviewExport;
import sgsf.io.review.ReviewHistoryEntry;
import sgsf.io.review.ReviewInput;
import sgsf.io.review.ReviewRequest;
import sgsf.io.review.ReviewStore;
import sgsf.io.review.ReviewVerdict;
import sgsf.io.workspace.Workspace;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.ColorMap;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.LatestRequestScheduler;
import sgsf.ui.evaluation.EvaluationResult;
import sgsf.ui.evaluation.EvaluationState;
import sgsf.ui.evaluation.HeatmapStyle;
import sgsf.ui.evaluation.ImageResult;
import sgsf.ui.evaluation.LoadedModel;

/**
 * The Review section: a queue of the latest evaluation's predictions (review band first, see {@link
 * ReviewQueue}); for each a verdict (true defect, false alarm, unsure), a corrected defect mask
 * drawn with brush and eraser over the image, a defect type and a note. Reviews go to the
 * workspace's review database ({@link ReviewStore}), one transaction per saved review, on the IO
 * lane; after each save the list of images confirmed good ({@link ConfirmedGoodList}) is rewritten
 * for the next training run.
 */
public final class ReviewViewModel {
  /** Brush radius limits in image pixels. */
  public static final double MIN_BRUSH = 1;

  public static final double MAX_BRUSH = 64;

  private final WorkbenchSession session;
  private final EvaluationState state;
  private final ReadOnlyObjectWrapper<ReviewStore> store =
      new ReadOnlyObjectWrapper<>(this, "store");
  private final ObservableList<ReviewQueue.Item> queue = FXCollections.observableArrayList();
  private final ObservableMap<String, Review> reviews = FXCollections.observableHashMap();
  private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
  private final ReadOnlyObjectWrapper<ReviewQueue.Item> current =
      new ReadOnlyObjectWrapper<>(this, "current");
  private final ReadOnlyObjectWrapper<ReviewItemView> loaded =
      new ReadOnlyObjectWrapper<>(this, "loaded");
  private final ReadOnlyObjectWrapper<BrushMask> mask = new ReadOnlyObjectWrapper<>(this, "mask");
  private final ReadOnlyIntegerWrapper maskVersion =
      new ReadOnlyIntegerWrapper(this, "maskVersion");
  private final ObjectProperty<ReviewVerdict> verdict = new SimpleObjectProperty<>(this, "verdict");
  private final StringProperty note = new SimpleStringProperty(this, "note", "");
  private final StringProperty defectType = new SimpleStringProperty(this, "defectType", "");
  private final ObjectProperty<ReviewTool> tool =
      new SimpleObjectProperty<>(this, "tool", ReviewTool.BRUSH);
  private final DoubleProperty brushRadius = new SimpleDoubleProperty(this, "brushRadius", 4);
  private final StringProperty reviewer =
      new SimpleStringProperty(this, "reviewer", ReviewStore.defaultReviewer());
  private final BooleanProperty includeOk = new SimpleBooleanProperty(this, "includeOk", false);
  private final BooleanProperty advanceAfterVerdict =
      new SimpleBooleanProperty(this, "advanceAfterVerdict", true);
  private final ReadOnlyIntegerWrapper reviewedInQueue =
      new ReadOnlyIntegerWrapper(this, "reviewedInQueue");
  private final ObservableList<ReviewHistoryEntry> history = FXCollections.observableArrayList();
  private final ObservableList<String> defectTypes = FXCollections.observableArrayList();
  private final IntegerProperty savesInFlight = new SimpleIntegerProperty(this, "savesInFlight");
  private final ReadOnlyIntegerWrapper lineFindings =
      new ReadOnlyIntegerWrapper(this, "lineFindings");
  private final LatestRequestScheduler<LoadRequest, ReviewItemView> loader;
  private final StringBinding progressText;
  private final HeatmapStyle heatmap = new HeatmapStyle(ColorMap.INFERNO, 0.7);
  private Path storeFile;
  private Thresholds queuedAt;

  private record LoadRequest(ReviewQueue.Item item, double pixelThreshold) {}

  public ReviewViewModel(WorkbenchSession session, EvaluationState state) {
    this.session = session;
    this.state = state;
    loader =
        session
            .runner()
            .latestRequestWins(
                Lane.COMPUTE,
                ReviewViewModel::load,
                v -> {
                  if (v.item() == current.get()) {
                    loaded.set(v);
                    resetEditor();
                  }
                },
                e -> session.notifier().error("Loading the image to review", e));
    progressText =
        Bindings.createStringBinding(
            () -> reviewedInQueue.get() + " of " + queue.size() + " reviewed",
            reviewedInQueue,
            queue);
    session.workspaceProperty().addListener((o, a, ws) -> openStore(ws));
    state.resultProperty().addListener((o, a, r) -> rebuildQueue());
    includeOk.addListener(o -> rebuildQueue());
    reviews.addListener(
        (javafx.collections.MapChangeListener<String, Review>) c -> countReviewed());
    openStore(session.getWorkspace());
    rebuildQueue();
  }

  // ---------------------------------------------------------------- store

  /** The open review database, or null without a workspace. */
  public ReadOnlyObjectProperty<ReviewStore> storeProperty() {
    return store.getReadOnlyProperty();
  }

  private void openStore(Workspace ws) {
    ReviewStore old = store.get();
    store.set(null);
    reviews.clear();
    if (old != null) {
      session
          .runner()
          .task(
              "Closing the review database",
              ctx -> {
                old.close();
                return null;
              })
          .lane(Lane.IO)
          .quiet()
          .start();
    }
    if (ws == null) {
      storeFile = null;
      return;
    }
    Path file = ws.reviewsDir().resolve(ReviewStore.FILE_NAME);
    storeFile = file;
    session
        .runner()
        .task("Opening the review database", ctx -> ReviewStore.open(file))
        .lane(Lane.IO)
        .onSuccess(
            s -> {
              if (file.equals(storeFile)) {
                store.set(s);
                loadReviews();
                refreshLineFindings();
              } else {
                closeQuietly(s);
              }
            })
        .onFailure(e -> session.notifier().error("Opening the review database " + file, e))
        .start();
  }

  private static void closeQuietly(ReviewStore s) {
    try {
      s.close();
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(ReviewViewModel.class).warn("closing {}", s, e);
    }
  }

  /** Closes the database (the application calls this on exit). */
  public void close() {
    ReviewStore s = store.get();
    store.set(null);
    if (s != null) {
      closeQuietly(s);
    }
  }

  private String modelId() {
    EvaluationResult r = state.getResult();
    return r == null ? null : r.model().id();
  }

  private void loadReviews() {
    ReviewStore s = store.get();
    String model = modelId();
    if (s == null || model == null) {
      reviews.clear();
      return;
    }
    session
        .runner()
        .task("Reading reviews", ctx -> s.reviewsByImage(model))
        .lane(Lane.IO)
        .quiet()
        .onSuccess(
            map -> {
              if (model.equals(modelId())) {
                reviews.clear();
                reviews.putAll(map);
                showStored();
              }
            })
        .onFailure(e -> session.notifier().error("Reading the reviews", e))
        .start();
  }

  // ---------------------------------------------------------------- line findings

  /**
   * How many images the line's review sink filed that have no review yet (read from the review
   * database when it opens, by {@link #refreshLineFindings()} and after each save).
   */
  public ReadOnlyIntegerProperty lineFindingsProperty() {
    return lineFindings.getReadOnlyProperty();
  }

  /** Counts the open line findings again. */
  public void refreshLineFindings() {
    ReviewStore s = store.get();
    if (s == null) {
      lineFindings.set(0);
      return;
    }
    session
        .runner()
        .task("Counting the line findings", ctx -> s.openRequests().size())
        .lane(Lane.IO)
        .quiet()
        .onSuccess(n -> lineFindings.set(n))
        .onFailure(e -> session.notifier().error("Reading the line findings", e))
        .start();
  }

  /**
   * Queues the line's findings: the images the review sink filed under the model of the newest one
   * still waiting (reviewed ones included, so the progress counts them), published as the
   * evaluation to review. A message when there is none or its model file is gone.
   */
  public void openLineFindings() {
    ReviewStore s = store.get();
    if (s == null) {
      session.notifier().info("Open a workspace to review the line's findings.");
      return;
    }
    session
        .runner()
        .task(
            "Opening the line findings",
            ctx -> {
              List<ReviewRequest> open = s.openRequests();
              if (open.isEmpty()) {
                return null;
              }
              Path model = LineFindings.newestModel(open);
              if (model == null) {
                throw new IOException(
                    "the model of the line findings is no longer on disk ("
                        + open.get(open.size() - 1).modelId()
                        + ")");
              }
              return LineFindings.result(LoadedModel.load(model), s.requests());
            })
        .lane(Lane.IO)
        .onSuccess(
            r -> {
              if (r == null) {
                session.notifier().info("No line findings wait for review.");
              } else {
                state.publish(r);
              }
              refreshLineFindings();
            })
        .onFailure(e -> session.notifier().error("Opening the line findings", e))
        .start();
  }

  // ---------------------------------------------------------------- queue

  /** The predictions to review, review band first. */
  public ObservableList<ReviewQueue.Item> queue() {
    return queue;
  }

  /** Also queue the images the model passed (OK), after the others. */
  public BooleanProperty includeOkProperty() {
    return includeOk;
  }

  /**
   * Builds the queue again from the latest evaluation at the current thresholds (keeps the current
   * image when it is still queued).
   */
  public void rebuildQueue() {
    EvaluationResult r = state.getResult();
    Thresholds t = state.getThresholds();
    ReviewQueue.Item was = current.get();
    List<ReviewQueue.Item> items =
        r == null || t == null ? List.of() : ReviewQueue.order(r.images(), t, includeOk.get());
    queuedAt = t;
    queue.setAll(items);
    java.util.TreeSet<String> types = new java.util.TreeSet<>();
    if (r != null) {
      for (ImageResult i : r.images()) {
        if (i.defective()) {
          types.add(i.defectType());
        }
      }
    }
    types.add(ReviewExport.UNKNOWN_TYPE);
    defectTypes.setAll(types);
    int keep = -1;
    if (was != null) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).result() == was.result()) {
          keep = i;
        }
      }
    }
    loadReviews();
    go(keep >= 0 ? keep : items.isEmpty() ? -1 : 0);
    countReviewed();
  }

  /**
   * The view became visible: if the thresholds were moved since the queue was built, build it again
   * so that it follows the current review band.
   */
  public void activate() {
    refreshLineFindings();
    Thresholds t = state.getThresholds();
    if (t != null && !t.equals(queuedAt)) {
      rebuildQueue();
    }
  }

  /** Position in the queue, -1 when empty. */
  public ReadOnlyIntegerProperty indexProperty() {
    return index.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ReviewQueue.Item> currentProperty() {
    return current.getReadOnlyProperty();
  }

  /** The current image loaded (null while loading). */
  public ReadOnlyObjectProperty<ReviewItemView> loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** The stored reviews of this model's predictions, by image path. */
  public ObservableMap<String, Review> reviews() {
    return reviews;
  }

  /** The stored review of a queued item, or null. */
  public Review reviewOf(ReviewQueue.Item item) {
    return item == null ? null : reviews.get(item.result().image().toString());
  }

  public ReadOnlyIntegerProperty reviewedInQueueProperty() {
    return reviewedInQueue.getReadOnlyProperty();
  }

  /** "n of m reviewed". */
  public StringBinding progressTextProperty() {
    return progressText;
  }

  private void countReviewed() {
    int n = 0;
    for (ReviewQueue.Item i : queue) {
      if (reviewOf(i) != null) {
        n++;
      }
    }
    reviewedInQueue.set(n);
  }

  /** Moves to queue position {@code i} (clamped); unsaved edits are dropped. */
  public void go(int i) {
    int n = queue.size();
    int k = n == 0 ? -1 : Math.max(0, Math.min(n - 1, i));
    index.set(k);
    ReviewQueue.Item item = k < 0 ? null : queue.get(k);
    if (item != current.get() || loaded.get() == null || loaded.get().item() != item) {
      current.set(item);
      loaded.set(null);
      mask.set(null);
      history.clear();
      if (item != null) {
        Thresholds t = state.getThresholds();
        loader.submit(new LoadRequest(item, t == null ? 0.5 : t.pixelThreshold()));
      }
    }
    showStored();
  }

  public void next() {
    go(index.get() + 1);
  }

  public void previous() {
    go(index.get() - 1);
  }

  /** The next queued image without a review after the current one (wrapping), if any. */
  public void nextUnreviewed() {
    int n = queue.size();
    for (int d = 1; d <= n; d++) {
      int k = (index.get() + d) % n;
      if (reviewOf(queue.get(k)) == null) {
        go(k);
        return;
      }
    }
    next();
  }

  static ReviewItemView load(LoadRequest r) {
    ImageResult res = r.item().result();
    FloatImage img = ImageIo.read(res.image());
    BrushMask predicted =
        BrushMask.fromAnomalyMap(res.map(), r.pixelThreshold(), img.width(), img.height());
    return new ReviewItemView(r.item(), img, predicted);
  }

  // ---------------------------------------------------------------- editing

  /** The current thresholds (for the heatmap colours), or null. */
  public Thresholds thresholds() {
    return state.getThresholds();
  }

  /** How the heatmap is drawn under the mask being edited. */
  public HeatmapStyle heatmap() {
    return heatmap;
  }

  /** The mask being edited (at the image's size), null while loading. */
  public ReadOnlyObjectProperty<BrushMask> maskProperty() {
    return mask.getReadOnlyProperty();
  }

  /** Incremented whenever the mask's pixels change (for redrawing). */
  public ReadOnlyIntegerProperty maskVersionProperty() {
    return maskVersion.getReadOnlyProperty();
  }

  public ObjectProperty<ReviewVerdict> verdictProperty() {
    return verdict;
  }

  public StringProperty noteProperty() {
    return note;
  }

  /** The defect type the corrected mask is exported under. */
  public StringProperty defectTypeProperty() {
    return defectType;
  }

  public ObservableList<String> defectTypes() {
    return defectTypes;
  }

  public ObjectProperty<ReviewTool> toolProperty() {
    return tool;
  }

  /** Brush and eraser radius in image pixels. */
  public DoubleProperty brushRadiusProperty() {
    return brushRadius;
  }

  /** Who reviews (the OS user name unless set). */
  public StringProperty reviewerProperty() {
    return reviewer;
  }

  /** After a verdict key, move on to the next image. */
  public BooleanProperty advanceAfterVerdictProperty() {
    return advanceAfterVerdict;
  }

  /** Who did what to the current image, oldest first. */
  public ObservableList<ReviewHistoryEntry> history() {
    return history;
  }

  /** Saves still running. */
  public IntegerProperty savesInFlightProperty() {
    return savesInFlight;
  }

  /** Restores verdict, type, note and mask of the current image from its stored review. */
  private void showStored() {
    ReviewQueue.Item item = current.get();
    Review r = reviewOf(item);
    verdict.set(r == null ? null : r.verdict());
    note.set(r == null ? "" : r.note());
    String type =
        r != null && r.defectType() != null
            ? r.defectType()
            : item != null && item.result().defective()
                ? item.result().defectType()
                : ReviewExport.UNKNOWN_TYPE;
    defectType.set(type);
    resetEditor();
    loadHistory();
  }

  /** The mask: the stored correction if there is one, otherwise the model's region. */
  private void resetEditor() {
    ReviewItemView v = loaded.get();
    if (v == null) {
      return;
    }
    Review r = reviewOf(v.item());
    BrushMask m;
    if (r != null && r.hasMask()) {
      m = BrushMask.fromPng(r.maskPng(), r.imagePath());
      if (m.width() != v.image().width() || m.height() != v.image().height()) {
        m = copyOf(v.predicted());
      }
    } else {
      m = copyOf(v.predicted());
    }
    mask.set(m);
    maskVersion.set(maskVersion.get() + 1);
  }

  private static BrushMask copyOf(BrushMask b) {
    return BrushMask.of(b.toImage());
  }

  /** The model's region again, dropping the edits. */
  public void resetMaskToPrediction() {
    ReviewItemView v = loaded.get();
    if (v == null) {
      return;
    }
    mask.set(copyOf(v.predicted()));
    maskVersion.set(maskVersion.get() + 1);
  }

  /** Starts a brush or eraser stroke at image coordinates. */
  public void beginStroke(double x, double y) {
    BrushMask m = mask.get();
    if (m != null) {
      m.beginStroke(x, y, brushRadius.get(), tool.get() == ReviewTool.BRUSH);
      maskVersion.set(maskVersion.get() + 1);
    }
  }

  public void strokeTo(double x, double y) {
    BrushMask m = mask.get();
    if (m != null) {
      m.strokeTo(x, y, brushRadius.get(), tool.get() == ReviewTool.BRUSH);
      maskVersion.set(maskVersion.get() + 1);
    }
  }

  public void endStroke() {
    BrushMask m = mask.get();
    if (m != null) {
      m.endStroke();
    }
  }

  public void undo() {
    BrushMask m = mask.get();
    if (m != null && m.undo()) {
      maskVersion.set(maskVersion.get() + 1);
    }
  }

  public void clearMask() {
    BrushMask m = mask.get();
    if (m != null) {
      m.clear();
      maskVersion.set(maskVersion.get() + 1);
    }
  }

  /** Multiplies the brush radius (clamped to [{@link #MIN_BRUSH}, {@link #MAX_BRUSH}]). */
  public void scaleBrush(double factor) {
    brushRadius.set(Math.max(MIN_BRUSH, Math.min(MAX_BRUSH, brushRadius.get() * factor)));
  }

  /** Sets the verdict, saves the review and (if so set) moves to the next image. */
  public void decide(ReviewVerdict v) {
    verdict.set(v);
    if (save() && advanceAfterVerdict.get()) {
      next();
    }
  }

  /**
   * Saves the current review (verdict required) in the background: one transaction. A true defect
   * is stored with the mask as drawn; a false alarm without a mask (the image is good); an unsure
   * verdict with the mask only if it was edited.
   *
   * @return false when nothing could be saved (no image, no verdict, no database)
   */
  public boolean save() {
    ReviewQueue.Item item = current.get();
    ReviewStore s = store.get();
    ReviewVerdict v = verdict.get();
    if (item == null) {
      return false;
    }
    if (s == null) {
      session.notifier().info("Open a workspace to store reviews.");
      return false;
    }
    if (v == null) {
      session.notifier().info("Choose a verdict first: 1 true defect, 2 false alarm, 3 unsure.");
      return false;
    }
    String who =
        reviewer.get() == null || reviewer.get().isBlank()
            ? ReviewStore.defaultReviewer()
            : reviewer.get().strip();
    BrushMask m = mask.get();
    Review old = reviewOf(item);
    byte[] png = null;
    if (m != null) {
      boolean keep =
          v == ReviewVerdict.TRUE_DEFECT
              || (v == ReviewVerdict.UNSURE && (m.isDirty() || (old != null && old.hasMask())));
      if (keep) {
        png = m.toPng();
      }
    }
    ImageResult r = item.result();
    ReviewInput in =
        new ReviewInput(
            r.image().toString(),
            modelId(),
            v == ReviewVerdict.FALSE_ALARM ? null : defectType.get(),
            v,
            png,
            note.get(),
            who,
            r.score());
    if (m != null) {
      m.markSaved();
    }
    Path reviewsDir = session.getWorkspace() == null ? null : session.getWorkspace().reviewsDir();
    savesInFlight.set(savesInFlight.get() + 1);
    session
        .runner()
        .task(
            "Saving the review of " + r.fileName(),
            ctx -> {
              Review saved = s.save(in);
              if (reviewsDir != null) {
                ConfirmedGoodList.write(
                    reviewsDir.resolve(ConfirmedGoodList.FILE_NAME), s.confirmedGood());
              }
              return saved;
            })
        .lane(Lane.IO)
        .quiet()
        .onSuccess(
            saved -> {
              if (saved.modelId().equals(modelId())) {
                reviews.put(saved.imagePath(), saved);
              }
              if (current.get() == item) {
                loadHistory();
              }
              refreshLineFindings();
            })
        .onFailure(e -> session.notifier().error("Saving the review of " + r.image(), e))
        .onFinished(() -> savesInFlight.set(savesInFlight.get() - 1))
        .start();
    return true;
  }

  private void loadHistory() {
    ReviewQueue.Item item = current.get();
    ReviewStore s = store.get();
    String model = modelId();
    if (item == null || s == null || model == null) {
      history.clear();
      return;
    }
    String path = item.result().image().toString();
    session
        .runner()
        .task("Reading the review history", ctx -> s.history(path, model))
        .lane(Lane.IO)
        .quiet()
        .onSuccess(
            h -> {
              if (current.get() == item) {
                history.setAll(h);
              }
            })
        .onFailure(e -> session.notifier().error("Reading the review history", e))
        .start();
  }

  // ---------------------------------------------------------------- exports

  /** What to export. */
  public enum Export {
    CSV,
    JSON,
    MASKS
  }

  /**
   * Exports every stored review of this model: CSV or JSON into {@code target} (a file), or the
   * corrected masks (with their images) in MVTec layout into {@code target} (a folder).
   */
  public void export(Export what, Path target) {
    ReviewStore s = store.get();
    String model = modelId();
    if (s == null || model == null) {
      session.notifier().info("Evaluate a model in an open workspace first.");
      return;
    }
    session
        .runner()
        .task(
            "Exporting reviews",
            ctx -> {
              List<Review> all = s.reviews(model);
              switch (what) {
                case CSV -> ReviewExport.writeCsv(all, target);
                case JSON -> ReviewExport.writeJson(all, target);
                case MASKS -> {
                  ReviewExport.MaskExport m = ReviewExport.exportMasks(all, target, true);
                  return m.masks().size()
                      + " masks written to "
                      + target
                      + (m.skipped().isEmpty() ? "" : "; " + m.skipped().size() + " skipped");
                }
              }
              return all.size() + " reviews written to " + target;
            })
        .lane(Lane.IO)
        .onSuccess(msg -> session.notifier().info(msg))
        .onFailure(e -> session.notifier().error("Exporting the reviews to " + target, e))
        .start();
  }

  /** The counts of stored verdicts of this model's reviews, for the summary line. */
  public Map<ReviewVerdict, Integer> verdictCounts() {
    Map<ReviewVerdict, Integer> out = new HashMap<>();
    for (Review r : new ArrayList<>(reviews.values())) {
      out.merge(r.verdict(), 1, Integer::sum);
    }
    return out;
  }

  public WorkbenchSession session() {
    return session;
  }
}
