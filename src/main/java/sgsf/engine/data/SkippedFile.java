package sgsf.engine.data;

import java.nio.file.Path;

/** A file a loader passed over, with the reason, so that nothing is skipped silently. */
public record SkippedFile(Path path, String reason) {
  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
