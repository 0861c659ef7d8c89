package sgsf.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detects a folder's layout and scans it into a {@link Dataset}.
 *
 * <p>Detection looks at folder structure only, in this order: MVTec AD (a category folder with
 * {@code train/good}). Every image is then decoded once to verify it (see {@link ImageCheck}); what
 * is skipped and what is fatal is the same for every layout and is described on {@link
 * DatasetException}.
 */
public final class DatasetScanner {
  private DatasetScanner() {}

  /**
   * Scans {@code root}, auto-detecting its layout.
   *
   * @throws DatasetException naming the folder or file when no layout matches or the data is
   *     unusable
   */
  public static Dataset scan(Path root) {
    return scan(root, ScanProgress.NONE);
  }

  /**
   * Scans {@code root}, auto-detecting its layout, reporting progress and polling cancellation.
   *
   * @throws DatasetException naming the folder or file when no layout matches or the data is
   *     unusable
   * @throws java.util.concurrent.CancellationException when {@code progress} asks to stop
   */
  public static Dataset scan(Path root, ScanProgress progress) {
    requireFolder(root);
    DatasetLayout layout =
        detect(root).orElseThrow(() -> new DatasetException(root, noLayoutMessage(root)));
    return scan(root, layout, progress);
  }

  /** Scans {@code root} as the given layout, without detection. */
  public static Dataset scan(Path root, DatasetLayout layout, ScanProgress progress) {
    requireFolder(root);
    return switch (layout) {
      case MVTEC -> MvtecLayout.scan(root, progress);
      default -> throw new DatasetException(root, layout.displayName() + " is not supported yet");
    };
  }

  /** The layout of {@code root}, judged from its folder structure alone (nothing is decoded). */
  public static Optional<DatasetLayout> detect(Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    if (MvtecLayout.matches(root)) {
      return Optional.of(DatasetLayout.MVTEC);
    }
    return Optional.empty();
  }

  /**
   * The sub-folders of {@code root} that are datasets of their own (for example the categories of
   * the MVTec AD collection, or the two categories of the demo dataset), sorted by name.
   */
  public static List<Path> categories(Path root) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    for (Path p : ScanSession.list(root)) {
      if (Files.isDirectory(p) && detect(p).isPresent()) {
        out.add(p);
      }
    }
    return out;
  }

  private static void requireFolder(Path root) {
    if (!Files.exists(root)) {
      throw new DatasetException(root, "does not exist; expected a dataset folder");
    }
    if (!Files.isDirectory(root)) {
      throw new DatasetException(root, "is a file; expected a dataset folder");
    }
  }

  private static String noLayoutMessage(Path root) {
    List<Path> cats = categories(root);
    if (!cats.isEmpty()) {
      List<String> names = cats.stream().map(p -> p.getFileName().toString()).toList();
      return "holds "
          + cats.size()
          + " datasets ("
          + String.join(", ", names)
          + "), not one; open one of them";
    }
    return "matches no known dataset layout; expected one of: "
        + "MVTec AD (train/good, test/<type>, ground_truth/<type>/<name>_mask.png)";
  }
}
