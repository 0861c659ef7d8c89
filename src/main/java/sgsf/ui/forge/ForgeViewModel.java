package sgsf.ui.forge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.config.ForgeChoices;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ForgeConfig.SaliencyMethod;
import sgsf.engine.config.ForgeConfig.Strategy;
import sgsf.engine.config.ForgeConfig.TextureSource;
import sgsf.engine.config.ForgeParameters;
import sgsf.engine.config.Parameter;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.Sample;
import sgsf.engine.forge.ForgeResult;
import sgsf.engine.image.ImageIo;
import sgsf.io.AtomicFiles;
import sgsf.io.forge.ForgeContactSheet;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.ErrorMessages;
import sgsf.ui.common.FxImages;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.LatestRequestScheduler;
import sgsf.workflow.ForgeGalleryWorkflow;

/**
 * The forge preview: every {@link ForgeConfig} parameter as a property, the image and sample index
 * to forge, and the A | S | G | M | I panels recomputed in the background whenever any of them
 * changes (latest request wins, so dragging a slider never queues work). A grid of 16 samples over
 * different training images shows the variety a training batch sees.
 */
public final class ForgeViewModel {
  /** Preview sizes offered (the lite and standard model inputs). */
  public static final List<Integer> SIZES = List.of(128, 256);

  /** Number of samples in the sample grid. */
  public static final int GRID = 16;

  private static final Logger LOG = LoggerFactory.getLogger(ForgeViewModel.class);
  private static final Color OUTLINE = Color.rgb(255, 60, 60);

  /** What a preview is computed from. */
  public record PreviewRequest(ForgeConfig config, Sample sample, int size, long index) {}

  /** What the sample grid is computed from: {@code samples.get(k)} is forged with index base+k. */
  public record GridRequest(ForgeConfig config, List<Sample> samples, int size, long baseIndex) {}

  /** One cell of the sample grid: the forged image with the mask outlined. */
  public record GridTile(javafx.scene.image.Image image, String caption, boolean forged) {}

  private final WorkbenchSession session;
  private final ObjectProperty<Strategy> strategy =
      new SimpleObjectProperty<>(this, "strategy", ForgeConfig.DEFAULT_STRATEGY);
  private final ObjectProperty<SaliencyMethod> saliencyMethod =
      new SimpleObjectProperty<>(this, "saliencyMethod", SaliencyMethod.SPECTRAL_RESIDUAL);
  private final ObjectProperty<TextureSource> textureSource =
      new SimpleObjectProperty<>(this, "textureSource", TextureSource.PROCEDURAL);
  private final StringProperty textureFolder = new SimpleStringProperty(this, "textureFolder", "");
  private final StringProperty roiMask = new SimpleStringProperty(this, "roiMask", "");
  private final StringProperty seed = new SimpleStringProperty(this, "seed", "42");
  private final Map<String, DoubleProperty> numbers = new java.util.HashMap<>();
  private final Map<String, BooleanProperty> toggles = new java.util.HashMap<>();
  private final List<ForgeParam> params = new ArrayList<>();
  private final ObservableList<Sample> images = FXCollections.observableArrayList();
  private final ObjectProperty<Sample> image = new SimpleObjectProperty<>(this, "image");
  private final IntegerProperty size = new SimpleIntegerProperty(this, "size", 256);
  private final ObjectProperty<Long> sampleIndex =
      new SimpleObjectProperty<>(this, "sampleIndex", 0L);
  private final BooleanProperty showGrid = new SimpleBooleanProperty(this, "showGrid");
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
  private final ReadOnlyObjectWrapper<ForgeConfig> config =
      new ReadOnlyObjectWrapper<>(this, "config");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
  private final ReadOnlyObjectWrapper<ForgePreview> preview =
      new ReadOnlyObjectWrapper<>(this, "preview");
  private final ReadOnlyObjectWrapper<List<GridTile>> grid =
      new ReadOnlyObjectWrapper<>(this, "grid", List.of());
  private final LatestRequestScheduler<PreviewRequest, ForgePreview> previewScheduler;
  private final LatestRequestScheduler<GridRequest, List<GridTile>> gridScheduler;
  private boolean suspended;

  // the dataset whose images are forged, read on the compute thread
  private volatile Dataset dataset;
  // compute-thread state (the COMPUTE lane has one thread): images, saliency maps, B's source
  private final ForgeGalleryWorkflow forging = new ForgeGalleryWorkflow();

  public ForgeViewModel(WorkbenchSession session) {
    this.session = Objects.requireNonNull(session);
    defineParams();
    load(ForgeConfig.defaults());
    previewScheduler =
        session
            .runner()
            .latestRequestWins(
                Lane.COMPUTE,
                this::computePreview,
                p -> {
                  problem.set(null);
                  preview.set(p);
                },
                this::failed);
    gridScheduler =
        session
            .runner()
            .latestRequestWins(Lane.COMPUTE, this::computeGrid, grid::set, this::failed);
    InvalidationListener changed = o -> refresh();
    strategy.addListener(changed);
    saliencyMethod.addListener(changed);
    textureSource.addListener(changed);
    textureFolder.addListener(changed);
    roiMask.addListener(changed);
    seed.addListener(changed);
    numbers.values().forEach(p -> p.addListener(changed));
    toggles.values().forEach(p -> p.addListener(changed));
    image.addListener(changed);
    size.addListener(changed);
    sampleIndex.addListener(changed);
    showGrid.addListener(changed);
    active.addListener(changed);
    session.datasetProperty().addListener((o, a, ds) -> datasetChanged(ds));
    datasetChanged(session.getDataset());
  }

  private void datasetChanged(Dataset ds) {
    List<Sample> good = ds == null ? List.of() : ds.trainGood();
    suspended = true;
    dataset = ds;
    images.setAll(good);
    image.set(good.isEmpty() ? null : good.get(0));
    suspended = false;
    refresh();
  }

  private void failed(Throwable e) {
    problem.set(ErrorMessages.describe(e));
    LOG.warn("forge preview failed: {}", ErrorMessages.describe(e), e);
  }

  // ---------------------------------------------------------------- parameters

  private DoubleProperty number(String id) {
    return numbers.computeIfAbsent(id, k -> new SimpleDoubleProperty(this, k));
  }

  private BooleanProperty toggle(String id) {
    return toggles.computeIfAbsent(id, k -> new SimpleBooleanProperty(this, k));
  }

  private void defineParams() {
    for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
      params.add(
          switch (p.kind()) {
            case FLAG -> new ForgeParam.Toggle(p, toggle(p.id()));
            case RANGE, INTEGER_RANGE ->
                new ForgeParam.Range(p, number(p.id() + ".min"), number(p.id() + ".max"));
            case NUMBER, INTEGER -> new ForgeParam.Value(p, number(p.id()));
          });
    }
  }

  /** Sets every control from {@code c}. */
  public void load(ForgeConfig c) {
    suspended = true;
    try {
      strategy.set(c.strategy());
      saliencyMethod.set(c.saliency().method());
      textureSource.set(c.auxiliary().source());
      textureFolder.set(c.auxiliary().folder() == null ? "" : c.auxiliary().folder().toString());
      roiMask.set(c.saliency().roiMask() == null ? "" : c.saliency().roiMask().toString());
      seed.set(Long.toString(c.seed()));
      for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
        double[] v = p.get().apply(c);
        switch (p.kind()) {
          case FLAG -> toggle(p.id()).set(v[0] != 0);
          case RANGE, INTEGER_RANGE -> {
            number(p.id() + ".min").set(v[0]);
            number(p.id() + ".max").set(v[1]);
          }
          case NUMBER, INTEGER -> number(p.id()).set(v[0]);
        }
      }
    } finally {
      suspended = false;
    }
    refresh();
  }

  /** The configuration the controls describe; throws with a readable message when invalid. */
  ForgeConfig build() {
    long s;
    try {
      s = Long.parseLong(seed.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Seed: enter a whole number, got '" + seed.get() + "'");
    }
    Path folder = textureFolder.get().isBlank() ? null : Path.of(textureFolder.get().trim());
    Path roi = roiMask.get().isBlank() ? null : Path.of(roiMask.get().trim());
    ForgeConfig defaults = ForgeConfig.defaults();
    ForgeConfig choices =
        defaults
            .withStrategy(strategy.get())
            .withSaliency(defaults.saliency().withMethod(saliencyMethod.get()).withRoiMask(roi))
            .withTextureSource(textureSource.get(), folder)
            .withSeed(s);
    Map<Parameter<ForgeConfig, ForgeParameters.Group>, double[]> values = new HashMap<>();
    for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
      values.put(
          p,
          switch (p.kind()) {
            case FLAG -> new double[] {toggle(p.id()).get() ? 1 : 0};
            case RANGE, INTEGER_RANGE ->
                new double[] {number(p.id() + ".min").get(), number(p.id() + ".max").get()};
            case NUMBER, INTEGER -> new double[] {number(p.id()).get()};
          });
    }
    return Parameter.applyAll(choices, values);
  }

  /**
   * Recomputes after a change: validates, then asks for the preview (and grid) in the background.
   */
  private void refresh() {
    if (suspended) {
      return;
    }
    ForgeConfig c;
    try {
      c = build();
    } catch (IllegalArgumentException e) {
      config.set(null);
      problem.set(e.getMessage());
      return;
    }
    config.set(c);
    problem.set(null);
    Sample s = image.get();
    if (s == null || !active.get()) {
      return;
    }
    long index = sampleIndex.get() == null ? 0 : sampleIndex.get();
    previewScheduler.submit(new PreviewRequest(c, s, size.get(), index));
    if (showGrid.get()) {
      gridScheduler.submit(new GridRequest(c, gridSamples(s), size.get(), index));
    }
  }

  /** 16 training images starting at {@code first}, cycling through the dataset. */
  private List<Sample> gridSamples(Sample first) {
    int start = Math.max(0, images.indexOf(first));
    List<Sample> out = new ArrayList<>(GRID);
    for (int k = 0; k < GRID && !images.isEmpty(); k++) {
      out.add(images.get((start + k * Math.max(1, images.size() / GRID)) % images.size()));
    }
    return out;
  }

  /** Draws a new random seed. */
  public void newSeed() {
    seed.set(Long.toString(new java.util.Random().nextInt(1_000_000)));
  }

  // ---------------------------------------------------------------- background computation

  /**
   * Forges {@code images} with indices from {@code firstIndex}; an unreadable image fails the
   * request, naming the file.
   */
  private List<ForgeGalleryWorkflow.Forged> forge(
      ForgeConfig c, int px, List<Sample> samples, long firstIndex) {
    Dataset ds = dataset;
    if (ds == null) {
      throw new IllegalStateException("no dataset is open");
    }
    List<Path> files = samples.stream().map(Sample::image).toList();
    ForgeGalleryWorkflow.Result r =
        forging.forge(ForgeGalleryWorkflow.Request.of(c, ds, px, files, firstIndex));
    if (!r.unreadable().isEmpty()) {
      throw r.unreadable().get(0);
    }
    return r.samples();
  }

  private ForgePreview computePreview(PreviewRequest r) {
    long t0 = System.nanoTime();
    ForgeGalleryWorkflow.Forged forged =
        forge(r.config(), r.size(), List.of(r.sample()), r.index()).get(0);
    ForgeResult res = forged.result();
    List<ForgeContactSheet.Panel> panels =
        ForgeContactSheet.panels(forged.normal(), forged.saliency(), res);
    List<ForgePreview.PanelImage> images = new ArrayList<>(panels.size());
    for (ForgeContactSheet.Panel p : panels) {
      images.add(
          new ForgePreview.PanelImage(
              p.title(),
              p.image() == null ? null : FxImages.toImage(ImageIo.clip01(p.image().copy()))));
    }
    List<ForgePreview.PanelImage> details = new ArrayList<>(3);
    if (res.noise() != null) {
      details.add(
          new ForgePreview.PanelImage(
              "P (Perlin noise)", FxImages.toImage(ImageIo.clip01(res.noise().copy()))));
    }
    if (res.auxiliary() != null) {
      details.add(
          new ForgePreview.PanelImage(
              res.gated() != null ? "B (auxiliary image)" : "B (moved copy)",
              FxImages.toImage(ImageIo.clip01(res.auxiliary().copy()))));
    }
    details.add(
        new ForgePreview.PanelImage(
            "I with M outlined", FxImages.withOutline(res.image(), res.mask(), OUTLINE)));
    String summary =
        String.format(
                Locale.ROOT,
                "%s · %s · mask %.1f %% · %d attempt%s",
                strategyName(res.strategy()),
                res.forged() ? "forged" : "not forged (every mask was empty)",
                100 * res.maskFraction(),
                res.attempts(),
                res.attempts() == 1 ? "" : "s")
            + (Double.isNaN(res.threshold())
                ? ""
                : String.format(Locale.ROOT, " · mu %.3f", res.threshold()))
            + (Double.isNaN(res.alpha())
                ? ""
                : String.format(Locale.ROOT, " · alpha %.2f", res.alpha()))
            + (res.description().isBlank() ? "" : " · " + res.description());
    return new ForgePreview(
        r, images, details, panels, res, summary, (System.nanoTime() - t0) / 1_000_000);
  }

  private List<GridTile> computeGrid(GridRequest r) {
    List<ForgeGalleryWorkflow.Forged> forged =
        forge(r.config(), r.size(), r.samples(), r.baseIndex());
    List<GridTile> tiles = new ArrayList<>(r.samples().size());
    for (int k = 0; k < r.samples().size(); k++) {
      Sample s = r.samples().get(k);
      ForgeResult res = forged.get(k).result();
      tiles.add(
          new GridTile(
              FxImages.withOutline(res.image(), res.mask(), OUTLINE),
              String.format(Locale.ROOT, "%s · %.1f %%", s.fileName(), 100 * res.maskFraction()),
              res.forged()));
    }
    return tiles;
  }

  static String strategyName(Strategy s) {
    return ForgeChoices.labels(ForgeChoices.STRATEGIES).get(s);
  }

  /**
   * Writes the current A | S | G | M | I sheet as a PNG (atomically), the same sheet {@code sgsf
   * forge} writes.
   */
  public void exportSheet(Path file) {
    ForgePreview p = preview.get();
    if (p == null) {
      session.notifier().info("Nothing to export yet: the preview has not been computed.");
      return;
    }
    int px = p.request().size();
    session
        .runner()
        .task(
            "Exporting " + file.getFileName(),
            ctx -> {
              AtomicFiles.writeBytes(
                  file, ImageIo.encodePng(ForgeContactSheet.render(p.sheetPanels(), px, px)));
              return file;
            })
        .lane(Lane.IO)
        .onSuccess(f -> session.notifier().info("Sheet saved to " + f))
        .onFailure(e -> session.notifier().error("Exporting the sheet to " + file, e))
        .start();
  }

  // ---------------------------------------------------------------- properties

  /** Every numeric and on/off parameter, in form order. */
  public List<ForgeParam> params() {
    return params;
  }

  /** The parameters of one group. */
  public List<ForgeParam> params(ForgeParameters.Group g) {
    return params.stream().filter(p -> p.group() == g).toList();
  }

  /** A numeric parameter by id ("a", "alpha.min", "cp.area.max", …). */
  public DoubleProperty numberProperty(String id) {
    DoubleProperty p = numbers.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no parameter " + id);
    }
    return p;
  }

  public BooleanProperty toggleProperty(String id) {
    BooleanProperty p = toggles.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no option " + id);
    }
    return p;
  }

  public ObjectProperty<Strategy> strategyProperty() {
    return strategy;
  }

  public ObjectProperty<SaliencyMethod> saliencyMethodProperty() {
    return saliencyMethod;
  }

  public ObjectProperty<TextureSource> textureSourceProperty() {
    return textureSource;
  }

  public StringProperty textureFolderProperty() {
    return textureFolder;
  }

  public StringProperty roiMaskProperty() {
    return roiMask;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  public ObservableList<Sample> images() {
    return images;
  }

  public ObjectProperty<Sample> imageProperty() {
    return image;
  }

  public IntegerProperty sizeProperty() {
    return size;
  }

  public ObjectProperty<Long> sampleIndexProperty() {
    return sampleIndex;
  }

  public BooleanProperty showGridProperty() {
    return showGrid;
  }

  /** Previews are computed only while active (the section is on screen); true by default. */
  public BooleanProperty activeProperty() {
    return active;
  }

  /** The valid configuration, or null while a control holds an invalid combination. */
  public ReadOnlyObjectProperty<ForgeConfig> configProperty() {
    return config.getReadOnlyProperty();
  }

  /** Why the preview cannot be computed, or null. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ForgePreview> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<List<GridTile>> gridProperty() {
    return grid.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return previewScheduler.busyProperty();
  }

  /** How many previews were computed (superseded requests are not). */
  public long computedPreviews() {
    return previewScheduler.computedCount();
  }
}
