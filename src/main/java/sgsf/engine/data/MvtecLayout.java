package sgsf.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sgsf.engine.data.ScanSession.Candidate;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * The MVTec AD layout of one category folder:
 *
 * <pre>
 * category/train/good/*.png
 * category/test/good/*.png, category/test/&lt;type&gt;/*.png
 * category/ground_truth/&lt;type&gt;/&lt;name&gt;_mask.png   (optional as a whole)
 * </pre>
 *
 * <p>A mask is looked up as {@code <name>_mask.<ext>} or {@code <name>.<ext>} for any image
 * extension. Without a {@code ground_truth} folder the defect images carry image-level labels only.
 * With one, every defect image must have its mask, of the same size (otherwise {@link
 * DatasetException}). Folders under {@code train} other than {@code good} are skipped and listed
 * (training sees normal images only).
 */
public final class MvtecLayout {
  private static final Set<String> KNOWN = Set.of("train", "test", "ground_truth");

  private MvtecLayout() {}

  /** Whether {@code root} looks like an MVTec category: {@code train/good}, or train and test. */
  public static boolean matches(Path root) {
    Path train = ScanSession.child(root, "train");
    return train != null
        && (ScanSession.child(train, "good") != null || ScanSession.child(root, "test") != null);
  }

  /** Scans an MVTec category folder. */
  public static Dataset scan(Path root, ProgressListener progress, CancellationToken cancellation) {
    ScanSession session = new ScanSession(progress, cancellation);
    Path train = ScanSession.child(root, "train");
    if (train == null) {
      throw new DatasetException(root, "no train folder; expected train/good with normal images");
    }
    Path trainGood = ScanSession.child(train, "good");
    if (trainGood == null) {
      throw new DatasetException(
          train, "no good folder; expected " + train.resolve("good") + " with normal images");
    }
    for (Path p : ScanSession.list(root)) {
      if (!KNOWN.contains(p.getFileName().toString().toLowerCase(Locale.ROOT))) {
        session.skip(p, "not part of the MVTec layout (train, test, ground_truth), ignored");
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Path p : ScanSession.list(train)) {
      if (p.equals(trainGood)) {
        for (Path img : session.imageFiles(p)) {
          candidates.add(Candidate.of(img, Split.TRAIN, Sample.GOOD, null));
        }
      } else {
        session.skip(p, "train may only hold good/ (training uses normal images only), ignored");
      }
    }
    Path test = ScanSession.child(root, "test");
    Path groundTruth = ScanSession.child(root, "ground_truth");
    if (test != null) {
      for (Path typeDir : ScanSession.list(test)) {
        if (!Files.isDirectory(typeDir)) {
          session.skip(typeDir, "expected a folder per defect type inside test, ignored");
          continue;
        }
        String type = typeDir.getFileName().toString();
        boolean good = type.equalsIgnoreCase(Sample.GOOD);
        Map<String, Path> masks =
            good || groundTruth == null
                ? Map.of()
                : masksOf(session, ScanSession.child(groundTruth, type));
        List<SkippedFile> missing = new ArrayList<>();
        for (Path img : session.imageFiles(typeDir)) {
          if (good) {
            candidates.add(Candidate.of(img, Split.TEST, Sample.GOOD, null));
            continue;
          }
          Path mask = groundTruth == null ? null : masks.remove(ScanSession.key(img));
          if (groundTruth != null && mask == null) {
            missing.add(
                new SkippedFile(
                    img,
                    "defect image has no mask; expected "
                        + groundTruth.resolve(type).resolve(ScanSession.stem(img) + "_mask.png")));
          }
          candidates.add(Candidate.of(img, Split.TEST, type, mask));
        }
        session.fatal(missing);
        for (Path orphan : masks.values()) {
          session.skip(orphan, "mask without a matching image in " + typeDir);
        }
      }
    }
    if (groundTruth != null) {
      for (Path typeDir : ScanSession.list(groundTruth)) {
        String type = typeDir.getFileName().toString();
        if (test == null || ScanSession.child(test, type) == null) {
          session.skip(typeDir, "mask folder without a test/" + type + " folder, ignored");
        }
      }
    }
    return session.build(
        root.getFileName().toString(), root, DatasetLayout.MVTEC, candidates, trainGood);
  }

  /** The masks of one defect type by image stem ({@code <stem>_mask.png} or {@code <stem>.png}). */
  private static Map<String, Path> masksOf(ScanSession session, Path maskDir) {
    if (maskDir == null) {
      return new HashMap<>();
    }
    return session.masksByStem(session.imageFiles(maskDir), "_mask", "");
  }
}
