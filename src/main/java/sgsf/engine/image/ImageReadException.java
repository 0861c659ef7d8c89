package sgsf.engine.image;

import java.nio.file.Path;

/** An image file that could not be read; the message names the file and the reason. */
public class ImageReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path path;
  private final String reason;

  public ImageReadException(Path path, String reason) {
    super(path + ": " + reason);
    this.path = path;
    this.reason = reason;
  }

  public Path path() {
    return path;
  }

  public String reason() {
    return reason;
  }
}
