package sgsf.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sgsf.engine.data.ScanSession.Candidate;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * KolektorSDD2 (Božič et al. 2021):
 *
 * <pre>
 * root/train/10000.png, root/train/10000_GT.png
 * root/test/20000.png,  root/test/20000_GT.png
 * </pre>
 *
 * <p>Every image has a ground-truth file {@code <id>_GT.png}; an all-zero one means the image is
 * good, any non-zero pixel makes it defective (type {@value #DEFECT_TYPE}). The dataset's own split
 * is kept. Defective images of the train split are skipped and listed (training sees normal images
 * only). An image without its {@code _GT} file is a {@link DatasetException}.
 */
public final class KolektorSdd2Layout {
  /** The defect type of defective images (the dataset does not name types). */
  public static final String DEFECT_TYPE = "defect";

  private static final String GT = "_GT";

  private KolektorSdd2Layout() {}

  /** Whether {@code root/train} holds at least one {@code *_GT.*} file. */
  public static boolean matches(Path root) {
    Path train = ScanSession.child(root, "train");
    if (train == null) {
      return false;
    }
    for (Path p : ScanSession.list(train)) {
      if (isGt(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGt(Path p) {
    return ScanSession.stem(p).toUpperCase(Locale.ROOT).endsWith(GT);
  }

  /** Scans the dataset (both splits). */
  public static Dataset scan(Path root, ProgressListener progress, CancellationToken cancellation) {
    ScanSession session = new ScanSession(progress, cancellation);
    Path train = ScanSession.child(root, "train");
    if (train == null) {
      throw new DatasetException(root, "no train folder; expected train/<id>.png + <id>_GT.png");
    }
    Path test = ScanSession.child(root, "test");
    for (Path p : ScanSession.list(root)) {
      if (!p.equals(train) && !p.equals(test)) {
        session.skip(p, "not part of the KolektorSDD2 layout (train, test), ignored");
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    add(session, train, Split.TRAIN, candidates);
    if (test != null) {
      add(session, test, Split.TEST, candidates);
    }
    return session.build(
        root.getFileName().toString(), root, DatasetLayout.KOLEKTOR_SDD2, candidates, train);
  }

  private static void add(ScanSession session, Path dir, Split split, List<Candidate> out) {
    List<Path> images = new ArrayList<>();
    List<Path> gts = new ArrayList<>();
    for (Path p : session.imageFiles(dir)) {
      (isGt(p) ? gts : images).add(p);
    }
    Map<String, Path> masks = session.masksByStem(gts, GT);
    List<SkippedFile> missing = new ArrayList<>();
    for (Path img : images) {
      Path gt = masks.remove(ScanSession.key(img));
      if (gt == null) {
        missing.add(
            new SkippedFile(
                img,
                "image has no ground truth; expected "
                    + dir.resolve(ScanSession.stem(img) + GT + ".png")));
        continue;
      }
      out.add(new Candidate(img, split, DEFECT_TYPE, gt, true));
    }
    session.fatal(missing);
    for (Path orphan : masks.values()) {
      session.skip(orphan, "ground truth without a matching image");
    }
  }
}
