package sgsf.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model or checkpoint file that is damaged, foreign or of an unsupported version. */
public class BundleFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public BundleFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
