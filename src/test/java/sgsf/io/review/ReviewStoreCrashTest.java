package sgsf.io.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a review-writing JVM with SIGKILL in the middle of its work, twice, and checks that the
 * database is sound and every review whose save had returned is intact.
 */
class ReviewStoreCrashTest {
  @TempDir Path dir;

  /** Starts the writer, waits until it reported {@code atLeast} commits, kills it (kill -9). */
  private int runAndKill(Path db, int first, int atLeast) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Djava.io.tmpdir=" + dir,
            ReviewWriterProcess.class.getName(),
            db.toString(),
            Integer.toString(first));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    int last = -1;
    boolean killed = false;
    List<String> output = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        output.add(line);
        if (line.startsWith("committed ")) {
          last = Integer.parseInt(line.substring("committed ".length()));
          if (!killed && last >= first + atLeast) {
            // SIGKILL on Linux: no shutdown hooks, no close, mid-way through the next save;
            // the lines already in the pipe are still read, so `last` ends as the last reported
            // (the process handle signals without closing our end of the pipe)
            p.toHandle().destroyForcibly();
            killed = true;
          }
        }
      }
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(last).as("writer output: %s", output).isGreaterThanOrEqualTo(first + atLeast);
    assertThat(p.exitValue()).as("killed, not exited").isEqualTo(137);
    return last;
  }

  @Test
  void killingTheWriterMidWayLosesNoCommittedReviewAndLeavesASoundDatabase() throws Exception {
    Path db = dir.resolve("reviews").resolve(ReviewStore.FILE_NAME);
    int last1 = runAndKill(db, 0, 120);
    int last2 = runAndKill(db, last1 + 2, 120);
    assertThat(Files.exists(db.resolveSibling(ReviewStore.FILE_NAME + "-wal")))
        .as("killed writer leaves its write-ahead log to be recovered")
        .isTrue();

    try (ReviewStore store = ReviewStore.open(db)) {
      assertThat(store.integrityCheck()).isEqualTo("ok");
      Map<String, Review> byImage = store.reviewsByImage(ReviewWriterProcess.MODEL);
      List<int[]> ranges = List.of(new int[] {0, last1}, new int[] {last1 + 2, last2});
      int expectedAtLeast = 0;
      for (int[] range : ranges) {
        for (int i = range[0]; i <= range[1]; i++) {
          expectedAtLeast++;
          Review r = byImage.get(ReviewWriterProcess.image(i));
          assertThat(r).as("review %d was reported committed", i).isNotNull();
          boolean revised = i % 5 == 1 && i + 3 <= range[1];
          int rev = revised ? 2 : 1;
          if (!revised && r.revision() == 2) {
            // the revision of i was committed just before the kill, without being reported
            rev = 2;
            assertThat(i + 3).isEqualTo(range[1] + 1);
          }
          assertThat(r.input()).isEqualTo(ReviewWriterProcess.review(i, rev));
          assertThat(r.revision()).isEqualTo(rev);
          assertThat(store.history(r.imagePath(), r.modelId()))
              .extracting(ReviewHistoryEntry::revision)
              .containsExactlyElementsOf(rev == 2 ? List.of(1, 2) : List.of(1));
        }
      }
      // at most the one save in progress (or committed but not yet reported) per run beyond that
      assertThat(byImage.size()).isBetween(expectedAtLeast, expectedAtLeast + 2);
      for (Review r : byImage.values()) {
        int i = Integer.parseInt(r.imagePath().replaceAll("\\D", ""));
        assertThat(r.input()).isEqualTo(ReviewWriterProcess.review(i, r.revision()));
      }
      // the store is still writable after recovery
      store.save(ReviewWriterProcess.review(99_999, 1));
      assertThat(store.integrityCheck()).isEqualTo("ok");
    }
  }
}
