package sgsf.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * The shared machinery of every layout scanner: listing folders, verifying image files in parallel,
 * pairing masks, and turning candidates into a {@link Dataset}.
 *
 * <p>The rule for what is fatal, applied by every layout:
 *
 * <ul>
 *   <li><b>Skipped and listed</b> (the scan goes on): a file that is not an image (wrong
 *       extension), an image file that is empty, truncated or does not decode, an unexpected
 *       sub-folder, a mask with no image, a file the layout does not use, a defective image in a
 *       training split (KolektorSDD2, DAGM: training sees normal images only). The dataset is still
 *       usable without them.
 *   <li><b>Fatal</b> ({@link DatasetException}): anything that would make ground truth wrong: a
 *       defect image without its mask (when the layout has masks), an unreadable mask, a mask whose
 *       size differs from its image; and a dataset that cannot be trained: no readable normal
 *       training image; and a folder that matches no layout.
 * </ul>
 */
final class ScanSession {
  /** An image found by a layout, before verification. */
  record Candidate(Path image, Split split, String defectType, Path mask, boolean maskDecides) {
    static Candidate of(Path image, Split split, String defectType, Path mask) {
      return new Candidate(image, split, defectType, mask, false);
    }
  }

  static final String DEFECT_IN_TRAIN =
      "defective image in the training split, not used (training sees normal images only)";

  private final ProgressListener progress;
  private final CancellationToken cancellation;
  private final List<SkippedFile> skipped = new ArrayList<>();
  private final List<SkippedFile> fatal = new ArrayList<>();

  ScanSession(ProgressListener progress, CancellationToken cancellation) {
    this.progress = ProgressListener.orNone(progress);
    this.cancellation = CancellationToken.orNone(cancellation);
  }

  void skip(Path path, String reason) {
    skipped.add(new SkippedFile(path, reason));
  }

  /**
   * Records fatal problems found while listing (a defect image without its mask, ...): the scan
   * goes on, so that every problem is reported, and {@link #build} then refuses the dataset.
   */
  void fatal(List<SkippedFile> problems) {
    fatal.addAll(problems);
  }

  /** The entries of {@code dir}, sorted by name. */
  static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new DatasetException(dir, "cannot list folder (" + e + ")");
    }
  }

  /**
   * The image files directly inside {@code dir}, sorted; other files and sub-folders are listed as
   * skipped.
   */
  List<Path> imageFiles(Path dir) {
    List<Path> images = new ArrayList<>();
    for (Path p : list(dir)) {
      if (Files.isDirectory(p)) {
        skip(p, "unexpected folder inside " + dir.getFileName() + ", not scanned");
      } else if (ImageIo.isImageFile(p)) {
        images.add(p);
      } else {
        skip(p, "not an image file (expected " + String.join("/", extensions()) + ")");
      }
    }
    return images;
  }

  static List<String> extensions() {
    return ImageIo.IMAGE_EXTENSIONS.stream().sorted().toList();
  }

  /** The file name without its extension. */
  static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** The lower-case stem under which {@link #masksByStem} files the mask of {@code image}. */
  static String key(Path image) {
    return stem(image).toLowerCase(java.util.Locale.ROOT);
  }

  /** A folder inside {@code parent} whose name equals one of {@code names}, ignoring case. */
  static Path child(Path parent, String... names) {
    if (!Files.isDirectory(parent)) {
      return null;
    }
    for (String n : names) {
      Path exact = parent.resolve(n);
      if (Files.isDirectory(exact)) {
        return exact;
      }
    }
    for (Path p : list(parent)) {
      for (String n : names) {
        if (Files.isDirectory(p) && p.getFileName().toString().equalsIgnoreCase(n)) {
          return p;
        }
      }
    }
    return null;
  }

  /** What verifying one file gave: its info, or why it failed. */
  private record Check(ImageInfo info, String failure) {}

  /**
   * Verifies every image and mask and builds the dataset (see the class comment for what is fatal).
   *
   * @param trainGoodFolder named in the error when no normal training image is left
   */
  Dataset build(
      String name,
      Path root,
      DatasetLayout layout,
      List<Candidate> candidates,
      Path trainGoodFolder) {
    Set<Path> masks = new LinkedHashSet<>();
    List<Path> all = new ArrayList<>();
    for (Candidate c : candidates) {
      all.add(c.image());
      if (c.mask() != null && masks.add(c.mask())) {
        all.add(c.mask());
      }
    }
    Map<Path, Check> checks = verify(all, masks);

    List<Sample> samples = new ArrayList<>();
    for (Candidate c : candidates) {
      Check img = checks.get(c.image());
      if (img.failure() != null) {
        skip(c.image(), img.failure());
        if (c.mask() != null) {
          skip(c.mask(), "mask of a skipped image (" + c.image().getFileName() + ")");
        }
        continue;
      }
      if (c.mask() == null) {
        if (c.split() == Split.TRAIN && !Sample.GOOD.equals(c.defectType())) {
          skip(c.image(), DEFECT_IN_TRAIN);
        } else {
          samples.add(new Sample(c.image(), c.split(), c.defectType(), null));
        }
        continue;
      }
      Check mask = checks.get(c.mask());
      String problem = null;
      if (mask.failure() != null) {
        problem =
            "mask of "
                + c.image()
                + " is unreadable: "
                + mask.failure()
                + "; expected a readable "
                + img.info().size()
                + " image";
      } else if (!mask.info().sameSize(img.info())) {
        problem =
            "mask is "
                + mask.info().size()
                + " but its image "
                + c.image()
                + " is "
                + img.info().size()
                + "; expected the same size";
      }
      if (problem != null) {
        fatal.add(new SkippedFile(c.mask(), problem));
        continue;
      }
      if (c.maskDecides() && mask.info().maxValue() == 0) {
        samples.add(new Sample(c.image(), c.split(), Sample.GOOD, null));
      } else if (c.split() == Split.TRAIN) {
        skip(c.image(), DEFECT_IN_TRAIN);
        skip(c.mask(), "mask of " + c.image().getFileName() + ", a defective training image");
      } else {
        samples.add(new Sample(c.image(), c.split(), c.defectType(), c.mask()));
      }
    }
    skipped.sort(Comparator.comparing(s -> s.path().toString()));
    if (!fatal.isEmpty()) {
      throw new DatasetException(
          fatal.get(0).path(), withMore(fatal.get(0).reason(), fatal.size() - 1), fatal, skipped);
    }
    boolean anyTrainGood =
        samples.stream().anyMatch(s -> s.split() == Split.TRAIN && !s.isDefective());
    if (!anyTrainGood) {
      long unreadable = skipped.stream().filter(s -> s.path().startsWith(trainGoodFolder)).count();
      String problem =
          "no readable normal training image"
              + (unreadable > 0 ? " (" + unreadable + " files skipped there)" : "")
              + "; expected at least one good image to train on";
      throw new DatasetException(
          trainGoodFolder, problem, List.of(new SkippedFile(trainGoodFolder, problem)), skipped);
    }
    return new Dataset(name, root, layout, samples, skipped);
  }

  /**
   * The normal images that go to the test split when a layout has no split of its own: the images
   * sorted by file name, shuffled with {@code new Random(seed)} ({@link
   * java.util.Collections#shuffle(List, java.util.Random)}), and the first {@code round(n *
   * testFraction)} taken, at most {@code n - 1} so that one image is left to train on.
   */
  static Set<Path> pickTest(List<Path> images, double testFraction, long seed) {
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
    }
    List<Path> order = new ArrayList<>(images);
    order.sort(Comparator.comparing(p -> p.getFileName().toString()));
    java.util.Collections.shuffle(order, new java.util.Random(seed));
    int n = order.size();
    int test = (int) Math.min(Math.round(n * testFraction), Math.max(0, n - 1));
    return new java.util.HashSet<>(order.subList(0, test));
  }

  /**
   * Masks by the stem of the image they belong to: a mask {@code <stem><suffix>.<ext>} for any of
   * {@code suffixes} (matched ignoring case; list the empty suffix last) and any image extension. A
   * second mask for the same stem is skipped and listed.
   */
  Map<String, Path> masksByStem(List<Path> masks, String... suffixes) {
    Map<String, Path> byStem = new java.util.HashMap<>();
    for (Path m : masks) {
      String s = stem(m);
      String key = s;
      for (String suffix : suffixes) {
        if (s.length() > suffix.length()
            && s.substring(s.length() - suffix.length()).equalsIgnoreCase(suffix)) {
          key = s.substring(0, s.length() - suffix.length());
          break;
        }
      }
      Path other = byStem.putIfAbsent(key.toLowerCase(java.util.Locale.ROOT), m);
      if (other != null) {
        skip(m, "second mask for the same image (" + other.getFileName() + " is used)");
      }
    }
    return byStem;
  }

  static String withMore(String first, int more) {
    return more == 0 ? first : first + " (and " + more + " more like it)";
  }

  private Map<Path, Check> verify(List<Path> files, Set<Path> masks) {
    int total = files.size();
    AtomicInteger done = new AtomicInteger();
    Map<Path, Check> out = new ConcurrentHashMap<>();
    progress.update(0, total);
    try {
      files.parallelStream()
          .forEach(
              p -> {
                cancellation.throwIfCancelled("dataset scan");
                Check c;
                try {
                  c = new Check(ImageCheck.inspect(p, masks.contains(p)), null);
                } catch (ImageReadException e) {
                  c = new Check(null, e.reason());
                } catch (UncheckedIOException | IllegalArgumentException e) {
                  c = new Check(null, e.toString());
                }
                out.put(p, c);
                progress.update(done.incrementAndGet(), total);
              });
    } catch (CancellationException e) {
      throw new CancellationException("dataset scan cancelled");
    }
    return out;
  }
}
