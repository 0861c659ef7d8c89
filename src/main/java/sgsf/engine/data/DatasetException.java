package sgsf.engine.data;

import java.nio.file.Path;

/**
 * A dataset that cannot be used as it is: a folder that matches no layout, a defect image without
 * its mask, an unreadable mask, a mask whose size differs from its image (both files and sizes
 * named), no readable normal training image. The message names the file or folder and what was
 * expected; {@link #path()} is that file or folder.
 *
 * <p>Problems confined to one file that the dataset can do without (not an image, empty, truncated,
 * undecodable, unexpected folders, masks without images) are not exceptions: the scanners skip such
 * files and list them in {@link Dataset#skipped()} with the reason.
 */
public class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path path;

  public DatasetException(Path path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
