package sgsf.io.review;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * Run in a separate JVM by {@link ReviewStoreCrashTest}: saves reviews in a loop and prints
 * "committed N" after each save returned, until killed. Every 5th save revises an earlier review.
 *
 * <p>Arguments: database file, first index.
 */
public final class ReviewWriterProcess {
  private ReviewWriterProcess() {}

  static final String MODEL = "crash-model";

  static String image(int i) {
    return String.format("/data/test/crack/%05d.png", i);
  }

  /** Deterministic review content for index {@code i} at revision {@code rev}. */
  static ReviewInput review(int i, int rev) {
    Random r = new Random(31L * i + rev);
    byte[] png = new byte[200 + r.nextInt(4000)];
    r.nextBytes(png);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
    ReviewVerdict v = ReviewVerdict.values()[(i + rev) % 3];
    return new ReviewInput(
        image(i),
        MODEL,
        i % 2 == 0 ? "crack" : null,
        v,
        v == ReviewVerdict.TRUE_DEFECT ? png : null,
        "note " + i + " rev " + rev + " \"quoted\", with comma\nand line",
        "writer-" + (i % 4),
        i / 1000.0);
  }

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (ReviewStore store = ReviewStore.open(db)) {
      out.println("open");
      for (int i = first; ; i++) {
        store.save(review(i, 1));
        if (i % 5 == 4 && i - 3 >= first) {
          store.save(review(i - 3, 2));
        }
        out.println("committed " + i);
      }
    }
  }
}
