package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.ChildJvm;
import sgsf.io.Csv;

/**
 * Kills a real {@code sgsf line} process with SIGKILL in the middle of a run, starts it again on
 * the same hot folder and workspace, and counts: every image inspected once, and delivered once and
 * in order to the folder sink; the MQTT sink gets every image in order (at-least-once: a message
 * the broker acknowledged just before the kill may come once more, with the same seq).
 */
class LineCrashTest {
  private static final int IMAGES = 40;

  @TempDir Path dir;

  private Process start(Path model, Path hot, Path out, Path ws, String mqtt) throws IOException {
    List<String> cmd =
        ChildJvm.command(
            "2g",
            "sgsf.app.Main",
            "line",
            "--model",
            model.toString(),
            "--source",
            "folder:" + hot,
            "--sink",
            "folder:" + out,
            "--sink",
            mqtt + "#rate=40",
            "--workspace",
            ws.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("line-" + System.nanoTime() + ".log").toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }

  private long jsonCount(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(p -> p.toString().endsWith(".json")).count();
    } catch (java.io.UncheckedIOException e) {
      return 0; // a temporary file renamed away during the walk: the caller polls again
    }
  }

  @Test
  void killedMidRunAndRestartedDeliversEveryImageOnceInOrder() throws Exception {
    List<Path> images = LineFixtures.images(dir, 8);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    Path out = dir.resolve("out");
    Path ws = dir.resolve("ws");
    for (int i = 0; i < IMAGES / 2; i++) {
      LineFixtures.drop(images.get(i % images.size()), hot, String.format("a%03d.png", i));
    }
    try (LineFixtures.Broker broker = new LineFixtures.Broker().start()) {
      String mqtt = broker.uri("line/crash");
      Process first = start(model, hot, out, ws, mqtt);
      try {
        assertThat(LineFixtures.await(() -> broker.received.size() >= 5, 90_000))
            .as("first run delivered something")
            .isTrue();
        first.toHandle().destroyForcibly(); // SIGKILL
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        first.destroyForcibly();
      }
      assertThat(first.exitValue()).as("killed, not exited").isEqualTo(137);
      int beforeRestart = broker.received.size();
      assertThat(beforeRestart).as("killed mid-run").isLessThan(IMAGES / 2);
      for (int i = IMAGES / 2; i < IMAGES; i++) {
        LineFixtures.drop(images.get(i % images.size()), hot, String.format("a%03d.png", i));
      }
      Process second = start(model, hot, out, ws, mqtt);
      try {
        assertThat(
                LineFixtures.await(
                    () -> {
                      try {
                        return jsonCount(out) >= IMAGES
                            && new LinkedHashSet<>(LineFixtures.seqs(broker.received)).size()
                                >= IMAGES;
                      } catch (IOException e) {
                        return false;
                      }
                    },
                    120_000))
            .isTrue();
        Thread.sleep(500); // anything delivered twice would arrive now
        second.destroy(); // SIGTERM: a clean stop
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        second.destroyForcibly();
      }
      List<Long> all = LongStream.rangeClosed(1, IMAGES).boxed().toList();
      Path csv;
      try (Stream<Path> s = Files.list(out)) {
        csv = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
      }
      assertThat(Csv.parse(Files.readString(csv)).stream().map(r -> Long.parseLong(r.get("seq"))))
          .containsExactlyElementsOf(all);
      assertThat(jsonCount(out)).isEqualTo(IMAGES);
      List<String> sources =
          Csv.parse(Files.readString(csv)).stream().map(r -> r.get("source")).toList();
      assertThat(new LinkedHashSet<>(sources)).hasSize(IMAGES);

      List<Long> mqttSeqs = LineFixtures.seqs(broker.received);
      assertThat(new ArrayList<>(new LinkedHashSet<>(mqttSeqs))).containsExactlyElementsOf(all);
      assertThat(mqttSeqs.size() - IMAGES).as("repeats after the kill").isBetween(0, 1);
      try (LineJournal j = LineJournal.open(ws.resolve("line").resolve(LineJournal.FILE_NAME))) {
        assertThat(j.doneCount()).isEqualTo(IMAGES);
        assertThat(j.outboxSizes()).isEmpty();
      }
    }
  }
}
