package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import sgsf.ChildJvm;
import sgsf.io.Csv;

/**
 * Kills a real {@code sgsf line} process with SIGKILL three times at moments chosen by the sinks'
 * receivers, restarts it each time on the same hot folder and workspace, and counts per sink: the
 * folder sink has every image once, in order; the MQTT subscriber (QoS 2, raw: every message the
 * broker passes on) receives every image exactly once, in order; the webhook receiver, which
 * processes each {@code Idempotency-Key} once, has every image once, in order, although the POST
 * killed before its answer came again.
 *
 * <p>The kills: (1) the moment the subscriber receives the 3rd MQTT message (the line's QoS 2 flow
 * with the broker is in its middle or finishing); (2) when the webhook receiver has recorded the
 * 4th POST of the run and not yet answered it; (3) when the folder sink has written 5 results in
 * the run (anywhere in the other sinks' flows). New images are dropped before runs 2 and 3, so that
 * every sink has work in every run.
 *
 * <p>The broker is mosquitto ({@link LineFixtures.Mosquitto}; the test is skipped without it):
 * Moquette 0.17 never acknowledges a QoS 2 PUBLISH the line's client sends again with DUP while the
 * topic has a subscriber, so the resumed flow would hang there.
 */
class LineCrashTest {
  private static final int IMAGES = 40;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private Path lastLog;

  private Process start(Path model, Path hot, Path out, Path ws, String mqtt, String hook)
      throws IOException {
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
            mqtt + "#rate=20",
            "--sink",
            hook + "#rate=20",
            "--workspace",
            ws.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true);
    lastLog = dir.resolve("line-" + System.nanoTime() + ".log");
    pb.redirectOutput(lastLog.toFile());
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

  private long jsonCountOrZero(Path out) {
    try {
      return jsonCount(out);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Kills the current line process and waits for it to be gone (from a receiver's thread). */
  private static void kill(AtomicReference<Process> current) {
    Process p = current.getAndSet(null);
    if (p != null) {
      p.toHandle().destroyForcibly(); // SIGKILL
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts the line, and waits until a receiver killed it (at most 3 minutes). */
  private void runUntilKilled(AtomicReference<Process> current, Process p) throws Exception {
    current.set(p);
    try {
      boolean ended = p.waitFor(180, TimeUnit.SECONDS);
      assertThat(ended).as("killed by a receiver in time; the line's log:%n%s", logTail()).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).as("killed, not exited").isEqualTo(137);
  }

  /** Drops images number {@code from} (inclusive) to {@code to} (exclusive) into the folder. */
  private static void drop(List<Path> images, Path hot, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      LineFixtures.drop(images.get(i % images.size()), hot, String.format("a%03d.png", i));
    }
  }

  private String logTail() throws IOException {
    String log = Files.readString(lastLog);
    return log.substring(Math.max(0, log.length() - 4000));
  }

  @Test
  void killedThreeTimesAndRestartedDeliversEveryImageExactlyOncePerSinkInOrder() throws Exception {
    Assumptions.assumeTrue(
        LineFixtures.Mosquitto.program().isPresent(),
        "mosquitto is not installed (.ci/run installs it)");
    List<Path> images = LineFixtures.images(dir, 8);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    Path out = dir.resolve("out");
    Path ws = dir.resolve("ws");
    drop(images, hot, 0, IMAGES / 2);
    AtomicReference<Process> current = new AtomicReference<>();
    try (LineFixtures.Mosquitto broker = new LineFixtures.Mosquitto(dir);
        LineFixtures.Subscriber subscriber =
            new LineFixtures.Subscriber(broker.port, "line/crash");
        LineFixtures.DedupWebhook hook = new LineFixtures.DedupWebhook()) {
      String mqtt = broker.uri("line/crash");

      subscriber.onMessage(
          n -> {
            if (n == 3) {
              kill(current);
            }
          });
      runUntilKilled(current, start(model, hot, out, ws, mqtt, hook.url()));
      subscriber.onMessage(n -> {});
      assertThat(subscriber.received.size()).as("killed mid-run").isLessThan(IMAGES / 2);
      drop(images, hot, IMAGES / 2, IMAGES * 3 / 4); // new work for every sink in the next run

      int posts = hook.keys.size();
      hook.beforeAnswer(
          n -> {
            if (n == posts + 4) {
              kill(current);
            }
          });
      runUntilKilled(current, start(model, hot, out, ws, mqtt, hook.url()));
      hook.beforeAnswer(n -> {});
      drop(images, hot, IMAGES * 3 / 4, IMAGES);

      long written = jsonCount(out);
      current.set(start(model, hot, out, ws, mqtt, hook.url()));
      Process third = current.get();
      assertThat(LineFixtures.await(() -> jsonCountOrZero(out) >= written + 5, 180_000))
          .as("third run wrote results; the line's log:%n%s", logTail())
          .isTrue();
      kill(current);
      assertThat(third.exitValue()).as("killed, not exited").isEqualTo(137);

      Process last = start(model, hot, out, ws, mqtt, hook.url());
      try {
        assertThat(
                LineFixtures.await(
                    () -> {
                      try {
                        return jsonCount(out) >= IMAGES
                            && subscriber.received.size() >= IMAGES
                            && hook.accepted.size() >= IMAGES;
                      } catch (IOException e) {
                        return false;
                      }
                    },
                    180_000))
            .as(
                "all delivered: folder %s, MQTT %s, webhook %s",
                jsonCount(out), subscriber.received.size(), hook.accepted.size())
            .isTrue();
        Thread.sleep(1000); // anything delivered twice would arrive now
        last.destroy(); // SIGTERM: a clean stop
        assertThat(last.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        last.destroyForcibly();
      }

      List<Long> all = LongStream.rangeClosed(1, IMAGES).boxed().toList();
      Path csv;
      try (Stream<Path> s = Files.list(out)) {
        csv = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
      }
      assertThat(Csv.parse(Files.readString(csv)).stream().map(r -> Long.parseLong(r.get("seq"))))
          .as("folder sink: CSV")
          .containsExactlyElementsOf(all);
      assertThat(jsonCount(out)).as("folder sink: JSON files").isEqualTo(IMAGES);
      List<String> sources =
          Csv.parse(Files.readString(csv)).stream().map(r -> r.get("source")).toList();
      assertThat(new LinkedHashSet<>(sources)).hasSize(IMAGES);

      System.out.printf("MQTT: subscriber received %d%n", subscriber.received.size());
      assertThat(LineFixtures.seqs(subscriber.received))
          .as("MQTT subscriber (QoS 2): every image exactly once, in order")
          .containsExactlyElementsOf(all);

      System.out.printf(
          "webhook: %d POSTs, %d repeated a key already processed%n",
          hook.keys.size(), hook.duplicates());
      assertThat(LineFixtures.seqs(hook.accepted))
          .as("webhook, de-duplicated by Idempotency-Key: every image once, in order")
          .containsExactlyElementsOf(all);
      assertThat(hook.duplicates())
          .as("the POST killed before its answer came again under the same key")
          .isGreaterThanOrEqualTo(1);
      try (LineJournal j = LineJournal.open(ws.resolve("line").resolve(LineJournal.FILE_NAME))) {
        assertThat(j.doneCount()).isEqualTo(IMAGES);
        assertThat(j.outboxSizes()).isEmpty();
        assertThat(j.refused()).isEmpty();
      }
    }
  }
}
