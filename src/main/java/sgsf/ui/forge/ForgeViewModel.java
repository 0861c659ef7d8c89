package sgsf.ui.forge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
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
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ForgeConfig.SaliencyMethod;
import sgsf.engine.config.ForgeConfig.Strategy;
import sgsf.engine.config.ForgeConfig.TextureSource;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SampleLoader;
import sgsf.engine.forge.AuxiliarySource;
import sgsf.engine.forge.ForgeResult;
import sgsf.engine.forge.Forger;
import sgsf.engine.forge.SaliencyCache;
import sgsf.engine.forge.SaliencyMap;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.io.AtomicFiles;
import sgsf.io.forge.ForgeContactSheet;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.ErrorMessages;
import sgsf.ui.common.FxImages;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.LatestRequestScheduler;

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
      new SimpleObjectProperty<>(this, "strategy", Strategy.SAM);
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

  // compute-thread state (the COMPUTE lane has one thread)
  private final SaliencyCache saliencyCache = new SaliencyCache(64L << 20);
  private final Map<Integer, SampleLoader> loaders = new java.util.HashMap<>();
  private AuxiliarySource aux;
  private List<Object> auxKey;
  private List<Sample> auxImages = List.of();

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

  private void value(
      String id, String label, ParamGroup g, String tip, double min, double max, int decimals) {
    params.add(new ForgeParam.Value(id, label, g, tip, min, max, false, decimals, number(id)));
  }

  private void integer(String id, String label, ParamGroup g, String tip, int min, int max) {
    params.add(new ForgeParam.Value(id, label, g, tip, min, max, true, 0, number(id)));
  }

  private void range(
      String id,
      String label,
      ParamGroup g,
      String tip,
      double min,
      double max,
      boolean integer,
      int decimals) {
    params.add(
        new ForgeParam.Range(
            id,
            label,
            g,
            tip,
            min,
            max,
            integer,
            decimals,
            number(id + ".min"),
            number(id + ".max")));
  }

  private void flag(String id, String label, ParamGroup g, String tip) {
    params.add(new ForgeParam.Toggle(id, label, g, tip, toggle(id)));
  }

  private void defineParams() {
    value(
        "a", "a", ParamGroup.THRESHOLD, "Base of mu = a + mean(S)·b (the paper: 0.4)", 0, 0.99, 2);
    value(
        "b",
        "b",
        ParamGroup.THRESHOLD,
        "Saliency weight of mu (the paper: 0.2); a + b < 1",
        0,
        1,
        2);
    range(
        "alpha",
        "alpha",
        ParamGroup.BLENDING,
        "Blending factor range of Eq. (2) (the paper: 0.1-1)",
        0.01,
        1,
        false,
        2);
    range(
        "perlin",
        "Scale 2^k",
        ParamGroup.PERLIN,
        "Exponents k of the Perlin gradient grid per axis (DRAEM: 0-5)",
        0,
        8,
        true,
        0);
    range(
        "rotation",
        "Rotation °",
        ParamGroup.PERLIN,
        "Rotation of the noise in degrees (DRAEM: ±90)",
        -180,
        180,
        false,
        0);
    value(
        "saliencySigma",
        "Smoothing σ",
        ParamGroup.SALIENCY,
        "Gaussian smoothing of S, fraction of the shorter side",
        0,
        0.25,
        3);
    value(
        "textureContrast",
        "Texture contrast",
        ParamGroup.SALIENCY,
        "Texture rule, Eq. (3): S = 1 when std(S) is below this (0: off)",
        0,
        0.5,
        2);
    flag(
        "greyAux",
        "Grey B for grey images",
        ParamGroup.AUXILIARY,
        "Turn B grey when A is grey, so forged defects are not told apart by colour");
    value(
        "forgeProbability",
        "p_forge",
        ParamGroup.TRAINING,
        "Share of training samples that are forged (3 forged : 1 normal = 0.75)",
        0,
        1,
        2);
    integer(
        "maxRedraws",
        "Mask redraws",
        ParamGroup.TRAINING,
        "How often an empty mask is redrawn before the sample stays normal",
        0,
        100);
    range(
        "cp.area",
        "Patch area",
        ParamGroup.CUTPASTE,
        "Patch area, fraction of the image",
        0.0005,
        0.6,
        false,
        3);
    value(
        "cp.aspectMin",
        "Aspect min",
        ParamGroup.CUTPASTE,
        "Aspect ratios log-uniform in [min, 1/min]",
        0.05,
        1,
        2);
    value(
        "cp.scarProbability",
        "Scar probability",
        ParamGroup.CUTPASTE,
        "Probability of a thin scar instead of a rectangle",
        0,
        1,
        2);
    range(
        "cp.scarWidth",
        "Scar width",
        ParamGroup.CUTPASTE,
        "Scar width, fraction of the shorter side",
        0.001,
        0.5,
        false,
        3);
    range(
        "cp.scarLength",
        "Scar length",
        ParamGroup.CUTPASTE,
        "Scar length, fraction of the shorter side",
        0.005,
        0.9,
        false,
        3);
    value(
        "cp.scarRotation",
        "Scar rotation °",
        ParamGroup.CUTPASTE,
        "Scars rotate by up to ± this",
        0,
        180,
        0);
    value(
        "cp.colourJitter",
        "Colour jitter",
        ParamGroup.CUTPASTE,
        "Brightness/contrast/saturation jitter of the patch",
        0,
        1,
        2);
    range(
        "cs.patch",
        "Patch side",
        ParamGroup.CUTSWAP,
        "Patch side, fraction of the shorter side",
        0.02,
        0.45,
        false,
        2);
    value(
        "cs.salientQuantile",
        "Salient quantile",
        ParamGroup.CUTSWAP,
        "Patch centres come from positions at least this salient (quantile)",
        0,
        0.99,
        2);
    integer(
        "cs.candidates",
        "Candidates",
        ParamGroup.CUTSWAP,
        "Partner patches compared to find the most similar",
        1,
        256);
    range(
        "hard.area",
        "Region area",
        ParamGroup.HARD,
        "Region area, fraction of the image",
        0.0005,
        0.6,
        false,
        3);
    flag("hard.rotation", "Rotation", ParamGroup.HARD, "Rotate the copied region");
    flag("hard.permutation", "Patch permutation", ParamGroup.HARD, "Shuffle the region's patches");
    flag("hard.colourJitter", "Colour jitter", ParamGroup.HARD, "Jitter the region's colours");
    integer(
        "hard.permutationGrid",
        "Permutation grid",
        ParamGroup.HARD,
        "Grid size of the patch permutation",
        2,
        8);
    value(
        "hard.jitterStrength",
        "Jitter strength",
        ParamGroup.HARD,
        "Strength of the colour jitter",
        0.05,
        1,
        2);
  }

  /** Sets every control from {@code c}. */
  public void load(ForgeConfig c) {
    suspended = true;
    try {
      strategy.set(c.strategy());
      saliencyMethod.set(c.saliencyMethod());
      textureSource.set(c.textureSource());
      textureFolder.set(c.textureFolder() == null ? "" : c.textureFolder().toString());
      roiMask.set(c.roiMask() == null ? "" : c.roiMask().toString());
      seed.set(Long.toString(c.seed()));
      number("a").set(c.a());
      number("b").set(c.b());
      number("alpha.min").set(c.alphaMin());
      number("alpha.max").set(c.alphaMax());
      number("perlin.min").set(c.perlinMinScaleExponent());
      number("perlin.max").set(c.perlinMaxScaleExponent());
      number("rotation.min").set(c.rotationMinDegrees());
      number("rotation.max").set(c.rotationMaxDegrees());
      number("saliencySigma").set(c.saliencySigma());
      number("textureContrast").set(c.textureContrast());
      toggle("greyAux").set(c.greyAuxiliaryForGreyImages());
      number("forgeProbability").set(c.forgeProbability());
      number("maxRedraws").set(c.maxMaskRedraws());
      number("minMaskFraction").set(c.minMaskFraction());
      ForgeConfig.CutPaste cp = c.cutPaste();
      number("cp.area.min").set(cp.areaMin());
      number("cp.area.max").set(cp.areaMax());
      number("cp.aspectMin").set(cp.aspectMin());
      number("cp.scarProbability").set(cp.scarProbability());
      number("cp.scarWidth.min").set(cp.scarWidthMin());
      number("cp.scarWidth.max").set(cp.scarWidthMax());
      number("cp.scarLength.min").set(cp.scarLengthMin());
      number("cp.scarLength.max").set(cp.scarLengthMax());
      number("cp.scarRotation").set(cp.scarRotationDegrees());
      number("cp.colourJitter").set(cp.colourJitter());
      ForgeConfig.CutSwap cs = c.cutSwap();
      number("cs.patch.min").set(cs.patchMin());
      number("cs.patch.max").set(cs.patchMax());
      number("cs.salientQuantile").set(cs.salientQuantile());
      number("cs.candidates").set(cs.candidates());
      ForgeConfig.HardAugmentation h = c.hardAugmentation();
      number("hard.area.min").set(h.areaMin());
      number("hard.area.max").set(h.areaMax());
      toggle("hard.rotation").set(h.rotation());
      toggle("hard.permutation").set(h.permutation());
      toggle("hard.colourJitter").set(h.colourJitter());
      number("hard.permutationGrid").set(h.permutationGrid());
      number("hard.jitterStrength").set(h.jitterStrength());
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
    return new ForgeConfig(
        strategy.get(),
        d("a"),
        d("b"),
        d("alpha.min"),
        d("alpha.max"),
        i("perlin.min"),
        i("perlin.max"),
        d("rotation.min"),
        d("rotation.max"),
        saliencyMethod.get(),
        d("saliencySigma"),
        d("textureContrast"),
        roi,
        textureSource.get(),
        folder,
        toggles.get("greyAux").get(),
        d("forgeProbability"),
        i("maxRedraws"),
        d("minMaskFraction"),
        new ForgeConfig.CutPaste(
            d("cp.area.min"),
            d("cp.area.max"),
            d("cp.aspectMin"),
            d("cp.scarProbability"),
            d("cp.scarWidth.min"),
            d("cp.scarWidth.max"),
            d("cp.scarLength.min"),
            d("cp.scarLength.max"),
            d("cp.scarRotation"),
            d("cp.colourJitter")),
        new ForgeConfig.CutSwap(
            d("cs.patch.min"), d("cs.patch.max"), d("cs.salientQuantile"), i("cs.candidates")),
        new ForgeConfig.HardAugmentation(
            d("hard.area.min"),
            d("hard.area.max"),
            toggles.get("hard.rotation").get(),
            toggles.get("hard.permutation").get(),
            toggles.get("hard.colourJitter").get(),
            i("hard.permutationGrid"),
            d("hard.jitterStrength")),
        s);
  }

  private double d(String id) {
    return numbers.get(id).get();
  }

  private int i(String id) {
    return (int) Math.round(numbers.get(id).get());
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

  private SampleLoader loader(int px) {
    return loaders.computeIfAbsent(px, k -> new SampleLoader(k, k, 96L << 20));
  }

  private Forger forger(ForgeConfig c, int px) {
    List<Sample> good = List.copyOf(images);
    List<Object> key =
        List.of(c.textureSource(), String.valueOf(c.textureFolder()), c.seed(), px, good.size());
    if (aux == null || !key.equals(auxKey) || !good.equals(auxImages)) {
      SampleLoader l = loader(px);
      aux = Forger.auxiliarySource(c, good.size(), i -> l.image(good.get(i)));
      auxKey = key;
      auxImages = good;
    }
    return new Forger(c, aux, saliencyCache);
  }

  private ForgePreview computePreview(PreviewRequest r) {
    long t0 = System.nanoTime();
    FloatImage a = loader(r.size()).image(r.sample());
    Forger f = forger(r.config(), r.size());
    ForgeResult res = f.forge(a, r.sample().image(), r.index());
    SaliencyMap s = f.saliency(a, r.sample().image());
    List<ForgeContactSheet.Panel> panels = ForgeContactSheet.panels(a, s, res);
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
    Forger f = forger(r.config(), r.size());
    SampleLoader l = loader(r.size());
    List<GridTile> tiles = new ArrayList<>(r.samples().size());
    for (int k = 0; k < r.samples().size(); k++) {
      Sample s = r.samples().get(k);
      ForgeResult res = f.forge(l.image(s), s.image(), r.baseIndex() + k);
      tiles.add(
          new GridTile(
              FxImages.withOutline(res.image(), res.mask(), OUTLINE),
              String.format(Locale.ROOT, "%s · %.1f %%", s.fileName(), 100 * res.maskFraction()),
              res.forged()));
    }
    return tiles;
  }

  static String strategyName(Strategy s) {
    return switch (s) {
      case SAM -> "SAM (saliency-guided)";
      case PERLIN -> "Perlin (DRAEM)";
      case CUTPASTE -> "CutPaste";
      case CUTSWAP -> "CutSwap";
      case HARD -> "Hard augmentation";
    };
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
  public List<ForgeParam> params(ParamGroup g) {
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

  static Map<Strategy, String> strategyNames() {
    Map<Strategy, String> m = new EnumMap<>(Strategy.class);
    for (Strategy s : Strategy.values()) {
      m.put(s, strategyName(s));
    }
    return m;
  }
}
