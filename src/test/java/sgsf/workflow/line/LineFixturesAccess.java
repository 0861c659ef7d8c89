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
}
