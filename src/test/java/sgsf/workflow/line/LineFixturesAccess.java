package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@link LineFixtures} for tests in other packages. */
public final class LineFixturesAccess {
  private LineFixturesAccess() {}

  /** A port nothing listens on (just now). */
  public static int freePort() throws IOException {
    return LineFixtures.freePort();
  }

  /** {@code n} demo test images. */
  public static List<Path> images(Path dir, int n) throws IOException {
    return LineFixtures.images(dir, n);
  }

  /** The demo model copied to {@code dir} with a review band over the scores of {@code images}. */
  public static Path modelWithThresholds(Path dir, List<Path> images) throws IOException {
    return LineFixtures.modelWithThresholds(dir, images);
  }

  /** Copies an image into a hot folder, written beside and renamed in. */
  public static Path drop(Path image, Path hot, String name) throws IOException {
    return LineFixtures.drop(image, hot, name);
  }
}
