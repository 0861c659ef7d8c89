package sgsf.engine.data;

import java.nio.file.Path;

/**
 * A dataset that cannot be used as it is: wrong folder layout, missing masks, masks of the wrong
 * size, no training images. The message names the file or folder and what was expected.
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
