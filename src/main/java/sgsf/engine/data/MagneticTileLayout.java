package sgsf.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sgsf.engine.data.ScanSession.Candidate;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * The raw Magnetic-Tile defect dataset (Huang et al. 2018) as downloaded:
 *
 * <pre>
 * root/MT_Blowhole/Imgs/exp1_num_108719.jpg   image
 * root/MT_Blowhole/Imgs/exp1_num_108719.png   its mask
 * root/MT_Free/Imgs/...                       defect-free images (their all-zero masks are unused)
 * </pre>
 *
 * <p>The defect type is the class name after {@code MT_}, in lower case ({@code blowhole}, {@code
 * break}, {@code crack}, {@code fray}, {@code uneven}); {@code MT_Free} is good. Within {@code
 * Imgs}, a non-PNG image is an image and the PNG of the same name its mask; a PNG without such an
 * image is a mask without image (skipped and listed). Every defect image needs its mask.
 *
 * <p>The dataset has no train/test split, so one is made: every defect image goes to the test
 * split; of the {@code MT_Free} images, {@code round(n * testFraction)} (default {@value
 * #DEFAULT_TEST_FRACTION}) go to the test split, chosen by sorting the file names and shuffling
 * them with {@code new java.util.Random(seed)} (default seed {@value #DEFAULT_SEED}); the rest
 * train.
 */
public final class MagneticTileLayout {
  public static final double DEFAULT_TEST_FRACTION = 0.2;
  public static final long DEFAULT_SEED = 42L;
  private static final String GOOD_CLASS = "MT_Free";

  private MagneticTileLayout() {}

  /** Whether {@code root} holds at least one {@code MT_<Class>/Imgs} folder. */
  public static boolean matches(Path root) {
    if (!Files.isDirectory(root)) {
      return false;
    }
    for (Path p : ScanSession.list(root)) {
      if (isClassFolder(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isClassFolder(Path p) {
    return Files.isDirectory(p)
        && p.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("MT_")
        && ScanSession.child(p, "Imgs") != null;
  }

  /** Scans with the default test fraction and seed. */
  public static Dataset scan(Path root, ProgressListener progress, CancellationToken cancellation) {
    return scan(root, DEFAULT_TEST_FRACTION, DEFAULT_SEED, progress, cancellation);
  }

  /**
   * Scans the dataset, splitting the defect-free images as described in the class comment.
   *
   * @param testFraction share of the MT_Free images held out for testing, in [0, 1)
   */
  public static Dataset scan(
      Path root,
      double testFraction,
      long seed,
      ProgressListener progress,
      CancellationToken cancellation) {
    ScanSession session = new ScanSession(progress, cancellation);
    List<Candidate> candidates = new ArrayList<>();
    Path goodImgs = null;
    for (Path classDir : ScanSession.list(root)) {
      if (!isClassFolder(classDir)) {
        session.skip(classDir, "not an MT_<Class>/Imgs folder, ignored");
        continue;
      }
      String cls = classDir.getFileName().toString();
      boolean good = cls.equalsIgnoreCase(GOOD_CLASS);
      String type = cls.substring(3).toLowerCase(Locale.ROOT);
      Path imgs = ScanSession.child(classDir, "Imgs");
      for (Path p : ScanSession.list(classDir)) {
        if (!p.equals(imgs)) {
          session.skip(p, "not part of the Magnetic-Tile layout (only Imgs/ is read), ignored");
        }
      }
      Map<String, Path> images = new LinkedHashMap<>();
      List<Path> pngs = new ArrayList<>();
      for (Path p : session.imageFiles(imgs)) {
        if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
          pngs.add(p);
        } else {
          images.put(ScanSession.stem(p), p);
        }
      }
      Map<String, Path> masks = new LinkedHashMap<>();
      for (Path png : pngs) {
        if (images.containsKey(ScanSession.stem(png))) {
          masks.put(ScanSession.stem(png), png);
        } else {
          session.skip(png, "PNG without a JPEG image of the same name (mask without image)");
        }
      }
      if (good) {
        goodImgs = imgs;
        List<Path> list = new ArrayList<>(images.values());
        Set<Path> test = ScanSession.pickTest(list, testFraction, seed);
        for (Path p : list) {
          candidates.add(
              Candidate.of(p, test.contains(p) ? Split.TEST : Split.TRAIN, Sample.GOOD, null));
        }
        continue;
      }
      List<SkippedFile> missing = new ArrayList<>();
      for (Map.Entry<String, Path> e : images.entrySet()) {
        Path mask = masks.get(e.getKey());
        if (mask == null) {
          missing.add(
              new SkippedFile(
                  e.getValue(),
                  "defect image has no mask; expected " + imgs.resolve(e.getKey() + ".png")));
        }
        candidates.add(Candidate.of(e.getValue(), Split.TEST, type, mask));
      }
      session.fatal(missing);
    }
    if (goodImgs == null) {
      throw new DatasetException(
          root, "no " + GOOD_CLASS + "/Imgs folder; expected the defect-free images there");
    }
    return session.build(
        root.getFileName().toString(), root, DatasetLayout.MAGNETIC_TILE, candidates, goodImgs);
  }
}
