package sgsf.ui.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.paint.Color;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.data.Split;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.task.ProgressListener;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.Contours;
import sgsf.ui.common.ErrorMessages;
import sgsf.ui.common.FxImages;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.LatestRequestScheduler;
import sgsf.ui.concurrent.RunningTask;
import sgsf.ui.concurrent.TaskContext;

/**
 * The dataset section: opening a dataset (auto-detected layout, the Folder layout's three folders,
 * or the demo dataset), the scan report, filters over the samples, and the selected sample loaded
 * for the viewer with its ground-truth mask.
 */
public final class DatasetViewModel {
  /** The type filter entry that accepts every type. */
  public static final String ALL_TYPES = "All types";

  /**
   * The colour of the ground-truth mask (its opacity comes from {@link #maskOpacityProperty()}).
   */
  public static final Color MASK_COLOR = Color.rgb(255, 48, 48);

  private static final Logger LOG = LoggerFactory.getLogger(DatasetViewModel.class);
  private final WorkbenchSession session;
  private final ReadOnlyObjectWrapper<DatasetReference> reference =
      new ReadOnlyObjectWrapper<>(this, "reference");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ObservableList<Sample> samples = FXCollections.observableArrayList();
  private final FilteredList<Sample> visible = new FilteredList<>(samples, s -> true);
  private final ObservableList<SkippedFile> skipped = FXCollections.observableArrayList();
  private final ObservableList<Dataset.Count> counts = FXCollections.observableArrayList();
  private final ObservableList<String> typeChoices = FXCollections.observableArrayList(ALL_TYPES);
  private final ObjectProperty<SplitFilter> splitFilter =
      new SimpleObjectProperty<>(this, "splitFilter", SplitFilter.ALL);
  private final StringProperty typeFilter = new SimpleStringProperty(this, "typeFilter", ALL_TYPES);
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final ObjectProperty<Sample> selected = new SimpleObjectProperty<>(this, "selected");
  private final ReadOnlyObjectWrapper<ImageDetail> detail =
      new ReadOnlyObjectWrapper<>(this, "detail");
  private final ReadOnlyStringWrapper detailError = new ReadOnlyStringWrapper(this, "detailError");
  private final ObjectProperty<MaskStyle> maskStyle =
      new SimpleObjectProperty<>(this, "maskStyle", MaskStyle.FILL);
  private final DoubleProperty maskOpacity = new SimpleDoubleProperty(this, "maskOpacity", 0.45);
  private final LatestRequestScheduler<Sample, ImageDetail> detailLoader;
  private RunningTask<Dataset> openTask;
  private volatile Function<DatasetReference, Dataset> prefetch;

  public DatasetViewModel(WorkbenchSession session) {
    this.session = Objects.requireNonNull(session);
    splitFilter.addListener((o, a, b) -> refilter());
    typeFilter.addListener((o, a, b) -> refilter());
    search.addListener((o, a, b) -> refilter());
    detailLoader =
        session
            .runner()
            .latestRequestWins(
                Lane.IO,
                DatasetViewModel::loadDetail,
                d -> {
                  if (d.sample().equals(selected.get())) {
                    detailError.set(null);
                    detail.set(d);
                  }
                },
                e -> {
                  detailError.set(ErrorMessages.describe(e));
                  detail.set(null);
                  LOG.warn("cannot show image: {}", ErrorMessages.describe(e), e);
                });
    selected.addListener(
        (o, a, s) -> {
          if (s == null) {
            detail.set(null);
            detailError.set(null);
          } else {
            detailLoader.submit(s);
          }
        });
    session
        .workspaceProperty()
        .addListener(
            (o, a, ws) -> {
              if (ws != null && ws.dataset() != null && !ws.dataset().equals(reference.get())) {
                open(ws.dataset(), false);
              }
            });
    Workspace ws = session.getWorkspace();
    if (ws != null && ws.dataset() != null) {
      open(ws.dataset(), false);
    }
  }

  /** Opens a folder, detecting its layout. */
  public void openFolder(Path root) {
    open(DatasetReference.ofFolder(root), true);
  }

  /** Opens the Folder layout's folders; {@code masks} may be null. */
  public void openFolderLayout(Path normal, Path abnormal, Path masks) {
    open(DatasetReference.ofFolderLayout(normal, abnormal, masks), true);
  }

  /** Opens a category of the built-in demo dataset. */
  public void openDemo(String category) {
    open(DatasetReference.ofDemo(category), true);
  }

  /** Scans the current dataset again (after files changed on disk). */
  public void reload() {
    if (reference.get() != null) {
      open(reference.get(), false);
    }
  }

  /**
   * The sub-folders of {@code folder} that are datasets of their own, when {@code folder} itself is
   * not one (a collection such as MVTec AD's root): the user picks one. Empty otherwise.
   */
  public static List<Path> categoriesToChooseFrom(Path folder) {
    if (DatasetScanner.detect(folder).isPresent()) {
      return List.of();
    }
    return DatasetScanner.categories(folder);
  }

  private void open(DatasetReference ref, boolean saveInWorkspace) {
    if (openTask != null && !openTask.getState().isFinished()) {
      openTask.cancel();
    }
    loading.set(true);
    loadError.set(null);
    String what = ref.describe();
    openTask =
        session
            .runner()
            .task("Opening " + what, ctx -> scan(ref, ctx))
            .lane(Lane.IO)
            .onSuccess(ds -> loaded(ref, ds, saveInWorkspace))
            .onFailure(
                e -> {
                  loading.set(false);
                  loadError.set(ErrorMessages.describe(e));
                  session.notifier().error("Opening the dataset " + what, e);
                })
            .onCancelled(() -> loading.set(false))
            .start();
  }

  private Dataset scan(DatasetReference ref, TaskContext ctx) {
    ProgressListener progress =
        (done, total) -> {
          ctx.updateProgress(done, total);
          ctx.updateMessage(done + " / " + total + " images checked");
        };
    Function<DatasetReference, Dataset> p = prefetch;
    if (p != null) {
      prefetch = null;
      Dataset early = p.apply(ref);
      if (early != null) {
        return early;
      }
    }
    if (ref.demo()) {
      ctx.updateMessage("preparing the demo dataset");
    }
    return ref.open(progress, ctx.cancellation());
  }

  /**
   * Uses the dataset scanned while the window was being built, once, if it is the one asked for:
   * {@code prefetched} gives the dataset scanned for a reference, or null (not that reference, or
   * the scan failed and is to be redone here, reporting its error).
   */
  public void setPrefetch(Function<DatasetReference, Dataset> prefetched) {
    prefetch = prefetched;
  }

  private void loaded(DatasetReference ref, Dataset ds, boolean saveInWorkspace) {
    loading.set(false);
    reference.set(ref);
    samples.setAll(ds.samples());
    skipped.setAll(ds.skipped());
    counts.setAll(ds.counts());
    List<String> types = new ArrayList<>();
    types.add(ALL_TYPES);
    types.add(Sample.GOOD);
    types.addAll(ds.defectTypes());
    typeChoices.setAll(types);
    if (!typeChoices.contains(typeFilter.get())) {
      typeFilter.set(ALL_TYPES);
    }
    summary.set(summarise(ds));
    session.datasetProperty().set(ds);
    LOG.info("dataset {}: {}", ds.root(), summary.get());
    refilter();
    selected.set(visible.isEmpty() ? null : visible.get(0));
    Workspace ws = session.getWorkspace();
    if (saveInWorkspace && ws != null && !ref.equals(ws.dataset())) {
      session
          .runner()
          .task("Saving workspace", ctx -> ws.withDataset(ref))
          .lane(Lane.IO)
          .quiet()
          .onSuccess(updated -> session.workspaceProperty().set(updated))
          .onFailure(e -> session.notifier().error("Saving the workspace " + ws.dir(), e))
          .start();
    }
  }

  /** "MVTec AD · 120 train · 50 test (3 defect types) · 2 skipped" */
  static String summarise(Dataset ds) {
    long train = ds.samples().stream().filter(s -> s.split() == Split.TRAIN).count();
    long test = ds.samples().size() - train;
    int types = ds.defectTypes().size();
    StringBuilder b =
        new StringBuilder()
            .append(ds.layout().displayName())
            .append(" · ")
            .append(train)
            .append(" train · ")
            .append(test)
            .append(" test");
    if (types > 0) {
      b.append(" (").append(types).append(types == 1 ? " defect type)" : " defect types)");
    }
    b.append(" · ").append(ds.skipped().size()).append(" skipped");
    return b.toString();
  }

  private void refilter() {
    SplitFilter split = splitFilter.get();
    String type = typeFilter.get();
    String needle = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
    visible.setPredicate(
        s ->
            split.accepts(s.split())
                && (type == null || ALL_TYPES.equals(type) || type.equals(s.defectType()))
                && (needle.isEmpty() || s.fileName().toLowerCase(Locale.ROOT).contains(needle)));
  }

  /** Loads image and mask; runs on a background thread. */
  static ImageDetail loadDetail(Sample s) {
    FloatImage img = ImageIo.read(s.image());
    if (s.mask() == null) {
      return new ImageDetail(s, FxImages.toImage(img), img.channels(), null, List.of(), 0, 0, 0);
    }
    FloatImage mask = ImageIo.read(s.mask(), 1);
    if (!mask.sameSize(img)) {
      throw new DatasetException(
          s.mask(),
          "mask is "
              + mask.width()
              + "x"
              + mask.height()
              + " but its image is "
              + img.width()
              + "x"
              + img.height());
    }
    float[] d = mask.data();
    int on = 0;
    for (float v : d) {
      if (v > 0.5f) {
        on++;
      }
    }
    return new ImageDetail(
        s,
        FxImages.toImage(img),
        img.channels(),
        FxImages.maskOverlay(mask, MASK_COLOR),
        Contours.of(mask),
        mask.width(),
        mask.height(),
        on / (double) d.length);
  }

  /** Selects the next ({@code +1}) or previous ({@code -1}) visible sample. */
  public void step(int delta) {
    if (visible.isEmpty()) {
      return;
    }
    int i = visible.indexOf(selected.get());
    int j = i < 0 ? 0 : Math.max(0, Math.min(visible.size() - 1, i + delta));
    selected.set(visible.get(j));
  }

  public ReadOnlyObjectProperty<DatasetReference> referenceProperty() {
    return reference.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** The readable reason the last open failed, or null. */
  public ReadOnlyStringProperty loadErrorProperty() {
    return loadError.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ObservableList<Sample> samples() {
    return samples;
  }

  /** The samples passing the filters, in dataset order. */
  public ObservableList<Sample> visibleSamples() {
    return visible;
  }

  public ObservableList<SkippedFile> skipped() {
    return skipped;
  }

  public ObservableList<Dataset.Count> counts() {
    return counts;
  }

  public ObservableList<String> typeChoices() {
    return typeChoices;
  }

  public ObjectProperty<SplitFilter> splitFilterProperty() {
    return splitFilter;
  }

  public StringProperty typeFilterProperty() {
    return typeFilter;
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObjectProperty<Sample> selectedProperty() {
    return selected;
  }

  public ReadOnlyObjectProperty<ImageDetail> detailProperty() {
    return detail.getReadOnlyProperty();
  }

  /** Why the selected image cannot be shown, or null. */
  public ReadOnlyStringProperty detailErrorProperty() {
    return detailError.getReadOnlyProperty();
  }

  public ObjectProperty<MaskStyle> maskStyleProperty() {
    return maskStyle;
  }

  public DoubleProperty maskOpacityProperty() {
    return maskOpacity;
  }

  public Dataset dataset() {
    return session.getDataset();
  }

  /** The loaded dataset (shared with the other sections). */
  public ReadOnlyObjectProperty<Dataset> datasetProperty() {
    return session.datasetProperty();
  }
}
