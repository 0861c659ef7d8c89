package sgsf.ui.neighbours;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.model.SgsfModel;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.LatestRequestScheduler;
import sgsf.ui.concurrent.RunningTask;
import sgsf.ui.evaluation.EvaluationResult;
import sgsf.ui.evaluation.EvaluationState;
import sgsf.ui.evaluation.ImageResult;

/**
 * The Neighbours section: for the selected image, the good training images most similar to it in
 * the model's feature bank (the contrast set of the paper's Eq. (4) at test time) with their cosine
 * similarities, the first of which guided its anomaly map; the training images least like the
 * others (likely mislabelled or unusual good parts); and test images that nearly duplicate a
 * training image. Everything is computed in the background on the compute lane.
 */
public final class NeighboursViewModel {
  /**
   * Near-duplicate threshold before the training images are ranked; then the {@link
   * #DUPLICATE_PERCENTILE} percentile of the training images' nearest-neighbour similarities (a
   * test image closer to a training image than nearly all training images are to their own nearest
   * neighbour), at least {@link #MIN_DUPLICATE_THRESHOLD}.
   */
  public static final double DEFAULT_DUPLICATE_THRESHOLD = 0.98;

  /** Percentile of the training nearest-neighbour similarities that sets the default threshold. */
  public static final double DUPLICATE_PERCENTILE = 0.99;

  /** Default number of neighbours per image shown. */
  public static final int DEFAULT_NEIGHBOURS = 8;

  /** The lowest duplicate threshold one can set (pairs below are not kept). */
  public static final double MIN_DUPLICATE_THRESHOLD = 0.8;

  /** Neighbours per training image for its typicality (the contrast-set size n = 4). */
  public static final int TYPICALITY_K = 4;

  private final WorkbenchSession session;
  private final EvaluationState state;
  private final ObservableList<ImageResult> images = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<NeighbourSet> neighbours =
      new ReadOnlyObjectWrapper<>(this, "neighbours");
  private final IntegerProperty count =
      new SimpleIntegerProperty(this, "count", DEFAULT_NEIGHBOURS);
  private final ObservableList<NeighbourAnalysis.Typicality> leastTypical =
      FXCollections.observableArrayList();
  private final ObservableList<NearDuplicateRow> duplicates = FXCollections.observableArrayList();
  private final DoubleProperty duplicateThreshold =
      new SimpleDoubleProperty(this, "duplicateThreshold", DEFAULT_DUPLICATE_THRESHOLD);
  private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning");
  private final ReadOnlyDoubleWrapper scanProgress =
      new ReadOnlyDoubleWrapper(this, "scanProgress");
  private final ReadOnlyDoubleWrapper bestTestSimilarity =
      new ReadOnlyDoubleWrapper(this, "bestTestSimilarity", Double.NaN);
  private final LatestRequestScheduler<Request, NeighbourSet> finder;
  private EvaluationResult analysed;
  private NeighbourAnalysis.Scan scan;
  private RunningTask<NeighbourAnalysis.Scan> scanTask;
  private boolean active;

  private record Request(SgsfModel model, ImageResult result, int k) {}

  public NeighboursViewModel(WorkbenchSession session, EvaluationState state) {
    this.session = session;
    this.state = state;
    finder =
        session
            .runner()
            .latestRequestWins(
                Lane.COMPUTE,
                NeighboursViewModel::find,
                set -> {
                  if (set.result() == state.selectedProperty().get()) {
                    neighbours.set(set);
                  }
                },
                e -> session.notifier().error("Finding the neighbours", e));
    state.resultProperty().addListener((o, a, r) -> resultChanged(r));
    state.selectedProperty().addListener((o, a, s) -> selectedChanged(s));
    count.addListener(o -> selectedChanged(state.selectedProperty().get()));
    duplicateThreshold.addListener(o -> filterDuplicates());
    resultChanged(state.getResult());
  }

  /** The evaluated images one can choose. */
  public ObservableList<ImageResult> images() {
    return images;
  }

  /** The selected image (shared with Evaluate and Review). */
  public ObjectProperty<ImageResult> selectedProperty() {
    return state.selectedProperty();
  }

  /** The selected image's neighbours, null while computing or with nothing selected. */
  public ReadOnlyObjectProperty<NeighbourSet> neighboursProperty() {
    return neighbours.getReadOnlyProperty();
  }

  /** How many neighbours to show. */
  public IntegerProperty countProperty() {
    return count;
  }

  /** The training images least like the others, least typical first. */
  public ObservableList<NeighbourAnalysis.Typicality> leastTypical() {
    return leastTypical;
  }

  /** Test/train pairs at or above the duplicate threshold, most similar first. */
  public ObservableList<NearDuplicateRow> duplicates() {
    return duplicates;
  }

  public DoubleProperty duplicateThresholdProperty() {
    return duplicateThreshold;
  }

  /** True while the test images are being embedded for the near-duplicate search. */
  public ReadOnlyBooleanProperty scanningProperty() {
    return scanning.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty scanProgressProperty() {
    return scanProgress.getReadOnlyProperty();
  }

  /** The highest test/train similarity found (NaN before the scan). */
  public ReadOnlyDoubleProperty bestTestSimilarityProperty() {
    return bestTestSimilarity.getReadOnlyProperty();
  }

  /** The current thresholds (for the heatmap colours), or null. */
  public sgsf.engine.metrics.Thresholds thresholds() {
    return state.getThresholds();
  }

  /** The model of the current result, or null. */
  public SgsfModel model() {
    EvaluationResult r = state.getResult();
    return r == null ? null : r.model().model();
  }

  /**
   * The view is on screen: the bank analyses run (once per result) only while it is, so an
   * evaluation elsewhere is not slowed down by work nobody looks at.
   */
  public void setActive(boolean on) {
    active = on;
    if (on) {
      analyse();
      if (neighbours.get() == null) {
        selectedChanged(state.selectedProperty().get());
      }
    }
  }

  private void resultChanged(EvaluationResult r) {
    if (scanTask != null) {
      scanTask.cancel();
    }
    analysed = null;
    scan = null;
    neighbours.set(null);
    leastTypical.clear();
    duplicates.clear();
    bestTestSimilarity.set(Double.NaN);
    images.setAll(r == null ? List.of() : r.images());
    if (active) {
      analyse();
    }
  }

  private void selectedChanged(ImageResult s) {
    neighbours.set(null);
    SgsfModel m = model();
    if (s == null || m == null || !active) {
      return;
    }
    finder.submit(new Request(m, s, Math.max(1, Math.min(32, count.get()))));
  }

  static NeighbourSet find(Request r) {
    FloatImage img = ImageIo.read(r.result().image());
    return new NeighbourSet(r.result(), img, Embeddings.nearest(r.model(), img, r.k()));
  }

  /** Least typical training images and the near-duplicate scan, once per result. */
  private void analyse() {
    EvaluationResult r = state.getResult();
    if (r == null || r == analysed) {
      return;
    }
    analysed = r;
    SgsfModel m = r.model().model();
    session
        .runner()
        .task(
            "Ranking the training images",
            ctx -> NeighbourAnalysis.leastTypical(m.bank(), TYPICALITY_K))
        .lane(Lane.COMPUTE)
        .quiet()
        .onSuccess(
            list -> {
              if (state.getResult() == r) {
                leastTypical.setAll(list);
                duplicateThreshold.set(defaultThreshold(list));
              }
            })
        .onFailure(e -> session.notifier().error("Ranking the training images", e))
        .start();
    List<ImageResult> tests = new ArrayList<>(r.images());
    scanning.set(true);
    scanProgress.set(0);
    scanTask =
        session
            .runner()
            .task(
                "Searching near-duplicates",
                ctx -> {
                  List<FloatImage> imgs = new ArrayList<>(tests.size());
                  for (ImageResult t : tests) {
                    ctx.checkCancelled();
                    imgs.add(ImageIo.read(t.image()));
                  }
                  float[][] emb =
                      Embeddings.embed(
                          m,
                          imgs,
                          (done, total) -> {
                            ctx.updateProgress(done, total);
                            ctx.updateMessage(done + " / " + total + " images");
                          },
                          ctx.cancellation());
                  return NeighbourAnalysis.scan(emb, m.bank(), MIN_DUPLICATE_THRESHOLD);
                })
            .lane(Lane.COMPUTE)
            .onSuccess(
                found -> {
                  if (state.getResult() == r) {
                    scan = found;
                    filterDuplicates();
                  }
                })
            .onFailure(e -> session.notifier().error("Searching near-duplicates", e))
            .onFinished(
                () -> {
                  scanProgress.unbind();
                  scanning.set(false);
                })
            .start();
    if (!scanTask.getState().isFinished()) {
      scanProgress.bind(scanTask.progressProperty());
    }
  }

  /** The default near-duplicate threshold for a ranked bank (see the constant's description). */
  static double defaultThreshold(List<NeighbourAnalysis.Typicality> ranked) {
    if (ranked.isEmpty()) {
      return DEFAULT_DUPLICATE_THRESHOLD;
    }
    double[] nearest =
        ranked.stream()
            .mapToDouble(NeighbourAnalysis.Typicality::nearestSimilarity)
            .sorted()
            .toArray();
    int k =
        (int) Math.min(nearest.length - 1, Math.ceil(DUPLICATE_PERCENTILE * nearest.length) - 1);
    return Math.max(MIN_DUPLICATE_THRESHOLD, Math.min(1.0, nearest[Math.max(0, k)]));
  }

  private void filterDuplicates() {
    EvaluationResult r = state.getResult();
    if (r == null || scan == null) {
      duplicates.clear();
      return;
    }
    SgsfModel m = r.model().model();
    bestTestSimilarity.set(scan.best());
    double t = Math.max(MIN_DUPLICATE_THRESHOLD, duplicateThreshold.get());
    List<NearDuplicateRow> rows = new ArrayList<>();
    for (NeighbourAnalysis.NearDuplicate d : scan.pairs()) {
      if (d.similarity() < t) {
        break;
      }
      rows.add(
          new NearDuplicateRow(
              r.images().get(d.testIndex()),
              d.bankIndex(),
              m.bank().id(d.bankIndex()),
              d.similarity()));
    }
    duplicates.setAll(rows);
  }

  /** Reads an image in the background and hands it to {@code done} on the FX thread. */
  public void loadImage(ImageResult r, java.util.function.Consumer<FloatImage> done) {
    session
        .runner()
        .task("Reading " + r.fileName(), ctx -> ImageIo.read(r.image()))
        .lane(Lane.IO)
        .quiet()
        .onSuccess(done)
        .onFailure(e -> session.notifier().error("Reading " + r.image(), e))
        .start();
  }

  public WorkbenchSession session() {
    return session;
  }

  /**
   * The near-duplicates line: "3 pairs at similarity ≥ 0.998 (closest 0.9993)", or "no pair at
   * similarity ≥ 0.998 (closest 0.9979)". The closest similarity is rounded down when it lies below
   * the threshold, so the line never shows a value at the threshold next to "no pair".
   */
  static String duplicatesLine(double threshold, int pairs, double closest) {
    String best;
    if (Double.isNaN(closest)) {
      best = "";
    } else {
      double shown = closest < threshold ? Math.floor(closest * 1e4) / 1e4 : closest;
      best = String.format(Locale.ROOT, " (closest %.4f)", shown);
    }
    return pairs == 0
        ? String.format(Locale.ROOT, "no pair at similarity ≥ %.4f%s", threshold, best)
        : String.format(
            Locale.ROOT,
            "%d pair%s at similarity ≥ %.4f%s",
            pairs,
            pairs == 1 ? "" : "s",
            threshold,
            best);
  }
}
