package sgsf.io.review;

import java.io.IOException;
import java.nio.file.Path;

/** The review database cannot be opened, read or written; the message names the file. */
public class ReviewStoreException extends IOException {
  private static final long serialVersionUID = 1L;

  public ReviewStoreException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
