package sgsf.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * Detects a folder's layout and scans it into a {@link Dataset}.
 *
 * <p>Detection looks at folder structure only (nothing is decoded), in this order: DAGM 2007
 * ({@code Train/Label} or {@code Test/Label}), KolektorSDD2 ({@code train/*_GT.png}), MVTec AD
 * ({@code train/good}, or {@code train} and {@code test}), Magnetic-Tile ({@code MT_<Class>/Imgs}),
 * Folder ({@code normal|good} and {@code abnormal|defect|...}). Folder names match ignoring case.
 * Every image and mask is then decoded once to verify it (see {@link ImageCheck}).
 *
 * <p>What is skipped and what is fatal is the same for every layout. Skipped and listed in {@link
 * Dataset#skipped()}: files that are not images, empty, truncated or undecodable images, unexpected
 * folders, masks without images, defective images in a training split. Fatal ({@link
 * DatasetException} naming the file or folder and what was expected): a folder that matches no
 * layout, a defect image without its mask, an unreadable mask, a mask whose size differs from its
 * image's (both files and sizes named), no readable normal training image.
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
    return scan(root, ProgressListener.NONE, CancellationToken.none());
  }

  /**
   * Scans {@code root}, auto-detecting its layout, reporting progress and polling cancellation.
   *
   * @throws DatasetException naming the folder or file when no layout matches or the data is
   *     unusable
   * @throws java.util.concurrent.CancellationException when {@code cancellation} is cancelled
   */
  public static Dataset scan(Path root, ProgressListener progress, CancellationToken cancellation) {
    requireFolder(root);
    DatasetLayout layout =
        detect(root).orElseThrow(() -> new DatasetException(root, noLayoutMessage(root)));
    return scan(root, layout, progress, cancellation);
  }

  /** Scans {@code root} as the given layout, without detection. */
  public static Dataset scan(
      Path root, DatasetLayout layout, ProgressListener progress, CancellationToken cancellation) {
    requireFolder(root);
    return switch (layout) {
      case MVTEC -> MvtecLayout.scan(root, progress, cancellation);
      case FOLDER -> FolderLayout.scan(root, progress, cancellation);
      case MAGNETIC_TILE -> MagneticTileLayout.scan(root, progress, cancellation);
      case KOLEKTOR_SDD2 -> KolektorSdd2Layout.scan(root, progress, cancellation);
      case DAGM -> DagmLayout.scan(root, progress, cancellation);
    };
  }

  /** The layout of {@code root}, judged from its folder structure alone (nothing is decoded). */
  public static Optional<DatasetLayout> detect(Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    if (DagmLayout.matches(root)) {
      return Optional.of(DatasetLayout.DAGM);
    }
    if (KolektorSdd2Layout.matches(root)) {
      return Optional.of(DatasetLayout.KOLEKTOR_SDD2);
    }
    if (MvtecLayout.matches(root)) {
      return Optional.of(DatasetLayout.MVTEC);
    }
    if (MagneticTileLayout.matches(root)) {
      return Optional.of(DatasetLayout.MAGNETIC_TILE);
    }
    if (FolderLayout.matches(root)) {
      return Optional.of(DatasetLayout.FOLDER);
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
        + "MVTec AD (train/good, test/<type>, ground_truth/<type>/<name>_mask.png); "
        + "Folder (normal|good/ and abnormal|defect/, optional masks/); "
        + "Magnetic-Tile (MT_<Class>/Imgs/<name>.jpg + <name>.png); "
        + "KolektorSDD2 (train/, test/ with <id>.png + <id>_GT.png); "
        + "DAGM 2007 (Train/, Test/ with Label/<name>_label.PNG and Labels.txt)";
  }
}
