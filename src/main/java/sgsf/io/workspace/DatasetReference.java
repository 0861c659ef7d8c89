package sgsf.io.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetLayout;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.data.FolderLayout;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * Where a workspace's dataset lives. Either the built-in demo dataset, a folder whose layout is
 * auto-detected (or fixed by {@code layout}), or the Folder layout's three directories.
 *
 * @param demo true for the built-in demo dataset ({@code root} then names its category)
 * @param root the dataset folder (for the Folder layout, the normal-images folder); for the demo
 *     dataset the category ("object" or "texture")
 * @param layout the layout, or {@code null} to auto-detect it from {@code root}
 * @param normalDir Folder layout only: the good images
 * @param abnormalDir Folder layout only: the defective images
 * @param maskDir Folder layout only: optional masks of the defective images
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetReference(
    boolean demo,
    String root,
    DatasetLayout layout,
    String normalDir,
    String abnormalDir,
    String maskDir) {

  public DatasetReference {
    if (demo && (root == null || root.isBlank())) {
      root = DEFAULT_DEMO_CATEGORY;
    }
    if (!demo && root == null && normalDir == null) {
      throw new IllegalArgumentException("a dataset reference needs a folder or the demo flag");
    }
    if (layout == DatasetLayout.FOLDER && (normalDir == null || abnormalDir == null)) {
      throw new IllegalArgumentException("the Folder layout needs a normal and an abnormal folder");
    }
  }

  /** The demo category a new workspace starts with. */
  public static final String DEFAULT_DEMO_CATEGORY = "object";

  /** The built-in demo dataset's default category. */
  public static DatasetReference ofDemo() {
    return ofDemo(DEFAULT_DEMO_CATEGORY);
  }

  /** One category of the built-in demo dataset. */
  public static DatasetReference ofDemo(String category) {
    return new DatasetReference(true, category, null, null, null, null);
  }

  /** A folder whose layout is detected when it is opened. */
  public static DatasetReference ofFolder(Path root) {
    return new DatasetReference(false, root.toString(), null, null, null, null);
  }

  /** The Folder layout: normal and abnormal images, masks optional ({@code null}). */
  public static DatasetReference ofFolderLayout(Path normal, Path abnormal, Path masks) {
    return new DatasetReference(
        false,
        normal.toString(),
        DatasetLayout.FOLDER,
        normal.toString(),
        abnormal.toString(),
        masks == null ? null : masks.toString());
  }

  /** The folder to show to the user. */
  public String describe() {
    if (demo) {
      return "demo dataset (" + root + ")";
    }
    if (layout == DatasetLayout.FOLDER) {
      return "normal "
          + normalDir
          + ", abnormal "
          + abnormalDir
          + (maskDir == null ? "" : ", masks " + maskDir);
    }
    return root;
  }

  /**
   * Scans the dataset this reference points at (the demo dataset is generated first if needed).
   *
   * @throws sgsf.engine.data.DatasetException naming the folder or file when it is unusable
   */
  public Dataset open(ProgressListener progress, CancellationToken cancellation) {
    if (demo) {
      Path dir = DemoDataset.ensureCategory(DemoDataset.defaultCacheDir(), root);
      return DatasetScanner.scan(dir, progress, cancellation);
    }
    if (layout == DatasetLayout.FOLDER) {
      return FolderLayout.scan(
          Path.of(normalDir),
          Path.of(abnormalDir),
          maskDir == null ? null : Path.of(maskDir),
          FolderLayout.DEFAULT_TEST_FRACTION,
          FolderLayout.DEFAULT_SEED,
          progress,
          cancellation);
    }
    Path dir = Path.of(root);
    return layout == null
        ? DatasetScanner.scan(dir, progress, cancellation)
        : DatasetScanner.scan(dir, layout, progress, cancellation);
  }
}
