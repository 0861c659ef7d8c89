package sgsf.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in demo dataset, generated deterministically on first use.
 *
 * <p>Two MVTec-layout categories of {@value DemoGenerator#SIZE}x{@value DemoGenerator#SIZE} PNGs:
 *
 * <ul>
 *   <li>{@value #TEXTURE}: a woven, beige fabric (colour) whose threads and fractal-noise shading
 *       vary from image to image;
 *   <li>{@value #OBJECT}: a hexagonal nut seen from above on a dark background (grey), with its
 *       position (&plusmn;5 px), rotation and brightness (&plusmn;10 %) varying.
 * </ul>
 *
 * Each holds {@value #TRAIN_GOOD} train/good images, {@value #TEST_GOOD} test/good images and
 * {@value #TEST_PER_DEFECT} test images for each defect type in {@link #DEFECT_TYPES} (a bright
 * scratch, a dark spot, a dark crack), each with its {@code ground_truth/<type>/<name>_mask.png}
 * (0/255, exactly the pixels the defect was drawn on). 340 images and 60 masks in all.
 *
 * <p>The files go to {@code <cacheDir>/sgsf-demo-v<version>}: generated into a temporary sibling
 * folder, completed with a {@value #MARKER} file naming the generator version and seed, then
 * renamed into place in one step, so an interrupted generation never leaves a half dataset. A new
 * {@link #GENERATOR_VERSION} therefore means a fresh folder; older versions are removed.
 */
public final class DemoDataset {
  /** Bumped whenever the generator's output changes. */
  public static final int GENERATOR_VERSION = 1;

  /** The seed all demo images derive from. */
  public static final long SEED = 20_240_607L;

  public static final String TEXTURE = "texture";
  public static final String OBJECT = "object";
  public static final List<String> CATEGORIES = List.of(TEXTURE, OBJECT);
  public static final List<String> DEFECT_TYPES = List.of("crack", "scratch", "spot");
  public static final int TRAIN_GOOD = 120;
  public static final int TEST_GOOD = 20;
  public static final int TEST_PER_DEFECT = 10;

  /** The file, written last, that marks a complete demo folder. */
  public static final String MARKER = "sgsf-demo.txt";

  /** System property overriding {@link #defaultCacheDir()}. */
  public static final String CACHE_DIR_PROPERTY = "sgsf.demo.dir";

  private static final Logger LOG = LoggerFactory.getLogger(DemoDataset.class);
  private static final String PREFIX = "sgsf-demo-v";
  private static final Duration STALE_TEMP = Duration.ofHours(1);

  private DemoDataset() {}

  /**
   * Where the demo dataset lives unless told otherwise: the system property {@value
   * #CACHE_DIR_PROPERTY} if set, else {@code %LOCALAPPDATA%\sgsf-workbench\demo} on Windows, else
   * {@code $XDG_CACHE_HOME/sgsf-workbench/demo}, else {@code ~/.cache/sgsf-workbench/demo}.
   */
  public static Path defaultCacheDir() {
    String prop = System.getProperty(CACHE_DIR_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String local = System.getenv("LOCALAPPDATA");
    if (os.startsWith("windows") && local != null) {
      return Path.of(local, "sgsf-workbench", "demo");
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "sgsf-workbench", "demo");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "sgsf-workbench", "demo");
  }

  /**
   * Ensures the demo dataset exists under {@code cacheDir} and returns its root folder, which holds
   * one MVTec category folder per entry of {@link #CATEGORIES}. Generates it (about a second) when
   * absent or made by another generator version. Safe to call from several threads and processes at
   * once.
   *
   * @throws UncheckedIOException when the folder cannot be written
   */
  public static Path ensure(Path cacheDir) {
    synchronized (DemoDataset.class) {
      try {
        return ensureLocked(cacheDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the demo dataset in " + cacheDir, e);
      }
    }
  }

  /** The folder of one category ({@link #TEXTURE} or {@link #OBJECT}), generated if needed. */
  public static Path ensureCategory(Path cacheDir, String category) {
    if (!CATEGORIES.contains(category)) {
      throw new IllegalArgumentException(
          "unknown demo category '" + category + "'; expected one of " + CATEGORIES);
    }
    return ensure(cacheDir).resolve(category);
  }

  /** Scans one category of the demo dataset in the default cache folder. */
  public static Dataset load(String category) {
    return DatasetScanner.scan(ensureCategory(defaultCacheDir(), category));
  }

  /** The content of the marker file of a complete folder. */
  static String markerText() {
    return "SGSF workbench demo dataset\ngenerator_version="
        + GENERATOR_VERSION
        + "\nseed="
        + SEED
        + "\nsize="
        + DemoGenerator.SIZE
        + "\n";
  }

  private static Path ensureLocked(Path cacheDir) throws IOException {
    Path root = cacheDir.resolve(PREFIX + GENERATOR_VERSION);
    if (isComplete(root)) {
      return root;
    }
    Files.createDirectories(cacheDir);
    cleanUp(cacheDir, root);
    Path tmp = Files.createTempDirectory(cacheDir, ".tmp-" + PREFIX + GENERATOR_VERSION + "-");
    try {
      long t0 = System.nanoTime();
      new DemoGenerator(SEED).generate(tmp);
      Files.writeString(tmp.resolve(MARKER), markerText(), StandardCharsets.UTF_8);
      if (Files.exists(root)) {
        // an incomplete folder left by something else than this code: replace it
        deleteTree(root);
      }
      try {
        Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, root);
      }
      LOG.info("generated the demo dataset in {} ({} ms)", root, (System.nanoTime() - t0) / 1e6);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // another process finished first
      if (!isComplete(root)) {
        throw e;
      }
    } finally {
      if (Files.exists(tmp)) {
        deleteTree(tmp);
      }
    }
    return root;
  }

  private static boolean isComplete(Path root) throws IOException {
    Path marker = root.resolve(MARKER);
    return Files.isRegularFile(marker)
        && Files.readString(marker, StandardCharsets.UTF_8).equals(markerText());
  }

  /** Removes other generator versions and temporary folders abandoned more than an hour ago. */
  private static void cleanUp(Path cacheDir, Path keep) throws IOException {
    Instant staleBefore = Instant.now().minus(STALE_TEMP);
    for (Path p : ScanSession.list(cacheDir)) {
      String n = p.getFileName().toString();
      if (!Files.isDirectory(p) || p.equals(keep)) {
        continue;
      }
      boolean oldVersion = n.startsWith(PREFIX);
      boolean staleTemp =
          n.startsWith(".tmp-" + PREFIX)
              && Files.getLastModifiedTime(p).compareTo(FileTime.from(staleBefore)) < 0;
      if (oldVersion || staleTemp) {
        LOG.info("removing old demo data {}", p);
        deleteTree(p);
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
