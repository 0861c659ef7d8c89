package sgsf.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sgsf.engine.data.ScanSession.Candidate;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * A dataset given as plain folders: one of normal images, one of abnormal images, and optionally
 * one of masks for the abnormal images.
 *
 * <p>Split rule: all abnormal images go to the test split (type {@value #DEFECT_TYPE}); of the
 * normal images, {@code round(n * testFraction)} (default {@value #DEFAULT_TEST_FRACTION}, at most
 * n - 1) go to the test split, chosen by shuffling the file names with a seeded {@code
 * java.util.Random} (default seed {@value #DEFAULT_SEED}); the rest are for training. The same
 * folders and seed always give the same split.
 *
 * <p>A mask is matched to the abnormal image {@code <stem>.<ext>} by its file name: {@code
 * <stem>_mask}, {@code <stem>_gt}, {@code <stem>_label} or {@code <stem>} (ignoring case) with any
 * image extension. Given a mask folder, every abnormal image must have its mask (otherwise {@link
 * DatasetException}); without one, abnormal images carry image-level labels only.
 *
 * <p>Auto-detection recognises a folder holding {@code normal/} or {@code good/}, plus {@code
 * abnormal/}, {@code defect/}, {@code defective/}, {@code anomaly/} or {@code bad/}, plus
 * optionally {@code masks/}, {@code mask/} or {@code ground_truth/}.
 */
public final class FolderLayout {
  /** The defect type given to abnormal images. */
  public static final String DEFECT_TYPE = "defect";

  public static final double DEFAULT_TEST_FRACTION = 0.2;
  public static final long DEFAULT_SEED = 42L;

  static final String[] NORMAL_NAMES = {"normal", "good"};
  static final String[] ABNORMAL_NAMES = {"abnormal", "defect", "defective", "anomaly", "bad"};
  static final String[] MASK_NAMES = {"masks", "mask", "ground_truth"};

  private FolderLayout() {}

  /**
   * Scans three folders chosen by the user, with the default test fraction and seed.
   *
   * @param normalDir normal (good) images
   * @param abnormalDir abnormal images, or {@code null} for a dataset with normal images only
   * @param maskDirOrNull masks of the abnormal images, or {@code null}
   */
  public static Dataset scan(Path normalDir, Path abnormalDir, Path maskDirOrNull) {
    return scan(
        normalDir,
        abnormalDir,
        maskDirOrNull,
        DEFAULT_TEST_FRACTION,
        DEFAULT_SEED,
        ProgressListener.NONE,
        CancellationToken.none());
  }

  /**
   * Scans three folders chosen by the user.
   *
   * @param testFraction share of the normal images held out for testing, in [0, 1)
   * @param seed seed of the split
   */
  public static Dataset scan(
      Path normalDir,
      Path abnormalDir,
      Path maskDirOrNull,
      double testFraction,
      long seed,
      ProgressListener progress,
      CancellationToken cancellation) {
    requireFolder(normalDir, "normal images");
    if (abnormalDir != null) {
      requireFolder(abnormalDir, "abnormal images");
    }
    if (maskDirOrNull != null) {
      requireFolder(maskDirOrNull, "masks");
      if (abnormalDir == null) {
        throw new DatasetException(maskDirOrNull, "a mask folder needs an abnormal folder too");
      }
    }
    ScanSession session = new ScanSession(progress, cancellation);
    List<Path> normals = session.imageFiles(normalDir);
    Set<Path> testNormals = ScanSession.pickTest(normals, testFraction, seed);
    List<Candidate> candidates = new ArrayList<>();
    for (Path p : normals) {
      Split split = testNormals.contains(p) ? Split.TEST : Split.TRAIN;
      candidates.add(Candidate.of(p, split, Sample.GOOD, null));
    }
    if (abnormalDir != null) {
      Map<String, Path> masks =
          maskDirOrNull == null
              ? Map.of()
              : session.masksByStem(
                  session.imageFiles(maskDirOrNull), "_mask", "_gt", "_label", "");
      List<SkippedFile> missing = new ArrayList<>();
      Set<Path> used = new java.util.HashSet<>();
      for (Path p : session.imageFiles(abnormalDir)) {
        Path mask = masks.get(ScanSession.key(p));
        if (maskDirOrNull != null && mask == null) {
          missing.add(
              new SkippedFile(
                  p,
                  "abnormal image has no mask; expected "
                      + maskDirOrNull.resolve(ScanSession.stem(p) + ".png")
                      + " (or _mask/_gt/_label before the extension)"));
        }
        if (mask != null) {
          used.add(mask);
        }
        candidates.add(Candidate.of(p, Split.TEST, DEFECT_TYPE, mask));
      }
      session.fatal(missing);
      for (Path m : masks.values()) {
        if (!used.contains(m)) {
          session.skip(m, "mask without a matching image in " + abnormalDir);
        }
      }
    }
    Path name = normalDir.toAbsolutePath().getParent();
    return session.build(
        name == null ? normalDir.toString() : name.getFileName().toString(),
        name == null ? normalDir : name,
        DatasetLayout.FOLDER,
        candidates,
        normalDir);
  }

  /** Whether {@code root} holds a normal folder and an abnormal folder (see the class comment). */
  public static boolean matches(Path root) {
    return ScanSession.child(root, NORMAL_NAMES) != null
        && ScanSession.child(root, ABNORMAL_NAMES) != null;
  }

  /** Scans a folder holding normal/abnormal[/masks] sub-folders. */
  public static Dataset scan(Path root, ProgressListener progress, CancellationToken cancellation) {
    Path normal = ScanSession.child(root, NORMAL_NAMES);
    Path abnormal = ScanSession.child(root, ABNORMAL_NAMES);
    if (normal == null || abnormal == null) {
      throw new DatasetException(
          root,
          "expected a normal folder ("
              + String.join("|", NORMAL_NAMES)
              + ") and an abnormal folder ("
              + String.join("|", ABNORMAL_NAMES)
              + ")");
    }
    Path masks = ScanSession.child(root, MASK_NAMES);
    Dataset d =
        scan(normal, abnormal, masks, DEFAULT_TEST_FRACTION, DEFAULT_SEED, progress, cancellation);
    List<SkippedFile> skipped = new ArrayList<>(d.skipped());
    for (Path p : ScanSession.list(root)) {
      if (!p.equals(normal) && !p.equals(abnormal) && !p.equals(masks)) {
        skipped.add(
            new SkippedFile(
                p,
                (Files.isDirectory(p) ? "folder" : "file") + " not part of the layout, ignored"));
      }
    }
    return new Dataset(
        root.getFileName().toString(), root, DatasetLayout.FOLDER, d.samples(), skipped);
  }

  private static void requireFolder(Path dir, String what) {
    if (!Files.isDirectory(dir)) {
      throw new DatasetException(dir, "is not a folder; expected a folder of " + what);
    }
  }
}
