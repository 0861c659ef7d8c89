package sgsf.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sgsf.engine.data.ScanSession.Candidate;
import sgsf.engine.image.ImageIo;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * One class of DAGM 2007 (Weimer et al.):
 *
 * <pre>
 * Class1/Train/0576.PNG
 * Class1/Train/Label/0576_label.PNG
 * Class1/Train/Label/Labels.txt
 * Class1/Test/...   (the same)
 * </pre>
 *
 * <p>{@code Labels.txt} lists one image per line as whitespace-separated fields {@code <n> <0|1>
 * <image file> <0> [<label file>]}; lines of another shape (the leading count) are ignored. A 1
 * marks a defective image (type {@value #DEFECT_TYPE}), whose mask is the label file named there or
 * else {@code Label/<stem>_label.PNG}; it must exist (otherwise {@link DatasetException}). Images
 * the file does not mention, or every image when there is no {@code Labels.txt}, are defective
 * exactly when {@code Label/<stem>_label.*} exists. The dataset's own split is kept; defective
 * images of Train are skipped and listed (training sees normal images only). Open one {@code
 * Class<k>} folder; the folder holding all classes lists them as separate datasets.
 */
public final class DagmLayout {
  /** The defect type of defective images (DAGM names none). */
  public static final String DEFECT_TYPE = "defect";

  private static final String LABEL_SUFFIX = "_label";

  private DagmLayout() {}

  /** Whether {@code root} holds {@code Train/Label} or {@code Test/Label}. */
  public static boolean matches(Path root) {
    for (String split : new String[] {"Train", "Test"}) {
      Path dir = ScanSession.child(root, split);
      if (dir != null && ScanSession.child(dir, "Label") != null) {
        return true;
      }
    }
    return false;
  }

  /** Scans one DAGM class folder. */
  public static Dataset scan(Path root, ProgressListener progress, CancellationToken cancellation) {
    ScanSession session = new ScanSession(progress, cancellation);
    Path train = ScanSession.child(root, "Train");
    if (train == null) {
      throw new DatasetException(root, "no Train folder; expected Train/*.PNG with Train/Label/");
    }
    Path test = ScanSession.child(root, "Test");
    for (Path p : ScanSession.list(root)) {
      if (!p.equals(train) && !p.equals(test)) {
        session.skip(p, "not part of the DAGM layout (Train, Test), ignored");
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    add(session, train, Split.TRAIN, candidates);
    if (test != null) {
      add(session, test, Split.TEST, candidates);
    }
    return session.build(
        root.getFileName().toString(), root, DatasetLayout.DAGM, candidates, train);
  }

  private static void add(ScanSession session, Path dir, Split split, List<Candidate> out) {
    Path labelDir = ScanSession.child(dir, "Label");
    List<Path> images = new ArrayList<>();
    for (Path p : ScanSession.list(dir)) {
      if (p.equals(labelDir)) {
        continue;
      }
      if (Files.isDirectory(p)) {
        session.skip(p, "unexpected folder inside " + dir.getFileName() + ", not scanned");
      } else if (ImageIo.isImageFile(p)) {
        images.add(p);
      } else {
        session.skip(
            p, "not an image file (expected " + String.join("/", ScanSession.extensions()) + ")");
      }
    }
    Map<String, Path> masks = new HashMap<>();
    Map<String, Boolean> defective = new HashMap<>();
    Map<String, String> namedMasks = new HashMap<>();
    Path labelsTxt = null;
    if (labelDir != null) {
      List<Path> maskFiles = new ArrayList<>();
      for (Path p : ScanSession.list(labelDir)) {
        if (p.getFileName().toString().equalsIgnoreCase("Labels.txt")) {
          labelsTxt = p;
        } else if (Files.isRegularFile(p) && ImageIo.isImageFile(p)) {
          maskFiles.add(p);
        } else {
          session.skip(p, "neither a mask nor Labels.txt, ignored");
        }
      }
      masks = session.masksByStem(maskFiles, LABEL_SUFFIX);
      if (labelsTxt != null) {
        readLabels(session, labelsTxt, dir, defective, namedMasks);
      }
    }
    Set<Path> used = new HashSet<>();
    List<String> missing = new ArrayList<>();
    Path firstMissing = null;
    for (Path img : images) {
      String name = img.getFileName().toString();
      String stem = ScanSession.stem(img);
      Path byStem = masks.get(ScanSession.key(img));
      Boolean listed = defective.get(name.toLowerCase(Locale.ROOT));
      boolean isDefect = listed != null ? listed : byStem != null;
      if (!isDefect) {
        out.add(Candidate.of(img, split, Sample.GOOD, null));
        continue;
      }
      Path mask = byStem;
      String named = namedMasks.get(name.toLowerCase(Locale.ROOT));
      if (named != null && labelDir != null && Files.isRegularFile(labelDir.resolve(named))) {
        mask = labelDir.resolve(named);
      }
      if (mask == null) {
        if (firstMissing == null) {
          firstMissing = img;
        }
        missing.add(
            "Labels.txt marks it defective but it has no mask; expected "
                + (labelDir == null ? dir.resolve("Label") : labelDir)
                    .resolve(named != null ? named : stem + LABEL_SUFFIX + ".PNG"));
        continue;
      }
      used.add(mask);
      out.add(Candidate.of(img, split, DEFECT_TYPE, mask));
    }
    if (!missing.isEmpty()) {
      throw new DatasetException(
          firstMissing, ScanSession.withMore(missing.get(0), missing.size() - 1));
    }
    for (Path m : masks.values()) {
      if (!used.contains(m)) {
        session.skip(
            m,
            "mask of no defective image (Labels.txt marks its image defect-free or it has none)");
      }
    }
  }

  private static void readLabels(
      ScanSession session,
      Path labelsTxt,
      Path dir,
      Map<String, Boolean> defective,
      Map<String, String> namedMasks) {
    List<String> lines;
    try {
      lines = Files.readAllLines(labelsTxt, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new DatasetException(labelsTxt, "cannot read (" + e + ")");
    }
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 3 || !(f[1].equals("0") || f[1].equals("1"))) {
        continue;
      }
      Path img = dir.resolve(f[2]);
      if (!ImageIo.isImageFile(img)) {
        continue;
      }
      if (!Files.exists(img)) {
        session.skip(img, "listed in " + labelsTxt.getFileName() + " but absent");
        continue;
      }
      String key = f[2].toLowerCase(Locale.ROOT);
      defective.put(key, f[1].equals("1"));
      if (f.length >= 5 && ImageIo.isImageFile(Path.of(f[4]))) {
        namedMasks.put(key, f[4]);
      }
    }
  }
}
