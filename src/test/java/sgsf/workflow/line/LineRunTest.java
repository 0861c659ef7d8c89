package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.task.CancellationToken;
import sgsf.io.Csv;
import sgsf.io.review.ReviewRequest;
import sgsf.io.review.ReviewStore;

class LineRunTest {
  @TempDir Path dir;

  @Test
  void hotFolderReachesEverySinkOnceInOrderThroughABrokerOutage() throws Exception {
    List<Path> images = LineFixtures.images(dir, 8);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    Path out = dir.resolve("out");
    try (LineFixtures.Broker broker = new LineFixtures.Broker().start();
        LineFixtures.Webhook hook = new LineFixtures.Webhook(2);
        LineWorkspace ws = LineWorkspace.open(dir.resolve("ws"))) {
      List<LineSink> sinks = new ArrayList<>();
      for (String s :
          List.of(
              "folder:" + out + "#images=original,overlay,map",
              broker.uri("line/results"),
              hook.url(),
              "review")) {
        LineSink sink = ws.sink(SinkSpec.parse(s));
        sink.connect();
        sinks.add(sink);
      }
      LineStats stats = new LineStats();
      LineRun run =
          ws.run(
                  LineModel.load(model),
                  new FolderSource(hot, FolderSource.Options.defaults()),
                  sinks)
              .listen(stats);
      LineFixtures.Running running = new LineFixtures.Running(run);
      for (int i = 0; i < 4; i++) {
        LineFixtures.drop(images.get(i), hot, String.format("part%02d.png", i));
      }
      Files.writeString(hot.resolve("part04.png"), "half a PNG, or none at all");
      assertThat(LineFixtures.await(() -> broker.received.size() == 5, 60_000)).isTrue();

      broker.stop();
      for (int i = 5; i < 8; i++) {
        LineFixtures.drop(images.get(i), hot, String.format("part%02d.png", i));
      }
      assertThat(LineFixtures.await(() -> stats.snapshot().images() == 8, 60_000)).isTrue();
      assertThat(ws.journal().outboxSizes()).containsKey(broker.uri("line/results").toString());
      // the webhook is not held up by the broker (its delivery runs on its own thread)
      assertThat(LineFixtures.await(() -> hook.received.size() == 8, 60_000)).isTrue();
      broker.start();
      assertThat(
              LineFixtures.await(
                  () -> {
                    try {
                      return ws.journal().outboxSizes().isEmpty();
                    } catch (Exception e) {
                      return false;
                    }
                  },
                  60_000))
          .isTrue();
      assertThat(running.stop()).isNull();

      List<Long> all = LongStream.rangeClosed(1, 8).boxed().toList();
      List<String> mqtt = new ArrayList<>(broker.received);
      assertThat(LineFixtures.seqs(mqtt)).containsExactlyElementsOf(all);
      assertThat(LineFixtures.seqs(hook.received)).containsExactlyElementsOf(all);
      assertThat(hook.requests.get()).isEqualTo(10); // two refused, then retried

      LineResult broken = LineResult.fromJson(mqtt.get(4));
      assertThat(broken.source()).endsWith("part04.png");
      assertThat(broken.error()).contains("not a decodable image");
      assertThat(broken.verdict()).isNull();

      List<LineResult> results = mqtt.stream().map(LineResult::fromJson).toList();
      assertThat(results.stream().map(LineResult::verdict))
          .contains("OK", "REVIEW", "NG")
          .containsOnly("OK", "REVIEW", "NG", null);
      for (LineResult r : results) {
        assertThat(r.modelId()).startsWith("model.sgsf@");
        if (r.error() == null) {
          assertThat(r.normalisedScore()).isBetween(0.0, 1.0);
          assertThat(r.normalisedScore() >= 0.5).isEqualTo("NG".equals(r.verdict()));
        }
      }

      // folder sink: one JSON per image with its images, one CSV line per image
      List<Path> csvs;
      try (Stream<Path> s = Files.list(out)) {
        csvs = s.filter(p -> p.toString().endsWith(".csv")).toList();
      }
      assertThat(csvs).hasSize(1);
      var rows = Csv.parse(Files.readString(csvs.get(0)));
      assertThat(rows.stream().map(r -> Long.parseLong(r.get("seq"))))
          .containsExactlyElementsOf(all);
      try (Stream<Path> s = Files.walk(out)) {
        List<String> names = s.map(p -> p.getFileName().toString()).toList();
        assertThat(names.stream().filter(n -> n.endsWith(".json"))).hasSize(8);
        assertThat(names).contains("00000001_part00_overlay.png", "00000001_part00_map.png");
        assertThat(names).contains("00000001_part00_original.png");
      }

      // review sink: exactly the REVIEW and NG images, with a copy of each
      List<Long> attention =
          results.stream()
              .filter(r -> "REVIEW".equals(r.verdict()) || "NG".equals(r.verdict()))
              .map(LineResult::seq)
              .toList();
      var inbox = ws.journal().reviewInbox();
      assertThat(inbox.stream().map(LineJournal.ReviewEntry::seq))
          .containsExactlyElementsOf(attention);
      assertThat(inbox).allSatisfy(e -> assertThat(e.image()).isRegularFile());
      // every sink has everything: the kept images are gone
      try (Stream<Path> s = Files.list(ws.artifactsDir())) {
        assertThat(s.toList()).isEmpty();
      }
    }
  }

  @Test
  void aFilteredSinkGetsOnlyReviewAndNgAndNoImagesAreLeftBehind() throws Exception {
    List<Path> images = LineFixtures.images(dir, 6);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    Path out = dir.resolve("out");
    for (int i = 0; i < images.size(); i++) {
      LineFixtures.drop(images.get(i), hot, String.format("p%02d.png", i));
    }
    try (LineWorkspace ws = LineWorkspace.open(dir.resolve("ws"))) {
      LineSink sink = ws.sink(SinkSpec.parse("folder:" + out + "#only=review,ng;images=overlay"));
      sink.connect();
      LineStats stats = new LineStats();
      ws.run(
              LineModel.load(model),
              new FolderSource(hot, FolderSource.Options.defaults()),
              List.of(sink))
          .listen(stats)
          .stopAfter(images.size())
          .run(CancellationToken.none());
      LineStats.Snapshot s = stats.snapshot();
      assertThat(s.ok()).isPositive();
      try (Stream<Path> files = Files.walk(out)) {
        assertThat(files.filter(p -> p.toString().endsWith(".json")).count())
            .isEqualTo(s.review() + s.ng());
      }
      try (Stream<Path> kept = Files.list(ws.artifactsDir())) {
        assertThat(kept.toList()).as("images of OK results no sink takes").isEmpty();
      }
    }
  }

  @Test
  void keptImagesThatNoSinkWaitsForAreClearedAndTheOthersKept() throws Exception {
    List<Path> images = LineFixtures.images(dir, 2);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    Path blocked = Files.writeString(dir.resolve("out"), "a file where the sink's folder goes");
    String spec = "folder:" + blocked + "#images=overlay";
    Path workspace = dir.resolve("ws");
    try (LineWorkspace ws = LineWorkspace.open(workspace)) {
      LineStats stats = new LineStats();
      LineFixtures.Running running =
          new LineFixtures.Running(
              ws.run(
                      LineModel.load(model),
                      new FolderSource(hot, FolderSource.Options.defaults()),
                      List.of(ws.sink(SinkSpec.parse(spec))))
                  .listen(stats));
      for (int i = 0; i < images.size(); i++) {
        LineFixtures.drop(images.get(i), hot, String.format("k%02d.png", i));
      }
      assertThat(LineFixtures.await(() -> stats.snapshot().images() == 2, 60_000)).isTrue();
      assertThat(running.stop()).isNull();
      try (Stream<Path> kept = Files.list(ws.artifactsDir())) {
        assertThat(kept.map(p -> p.getFileName().toString()))
            .as("the images the blocked sink still waits for")
            .containsExactlyInAnyOrder("1", "2");
      }
    }
    // what a crash between a sink's last delivery and the deletion of the images leaves behind
    Path leftover = Files.createDirectories(workspace.resolve("line/artifacts/7"));
    Files.writeString(leftover.resolve("overlay.png"), "kept for image 7, delivered everywhere");
    Files.delete(blocked);
    LineFixtures.drop(images.get(0), hot, "k02.png");
    try (LineWorkspace ws = LineWorkspace.open(workspace)) {
      ws.run(
              LineModel.load(model),
              new FolderSource(hot, FolderSource.Options.defaults()),
              List.of(ws.sink(SinkSpec.parse(spec))))
          .stopAfter(1)
          .run(CancellationToken.none());
      assertThat(ws.journal().outboxSizes()).isEmpty();
      try (Stream<Path> kept = Files.list(ws.artifactsDir())) {
        assertThat(kept.toList()).isEmpty();
      }
    }
  }

  @Test
  void reviewFindingsLandInTheWorkspacesReviewStoreAndAreStillThereAfterARestart()
      throws Exception {
    List<Path> images = LineFixtures.images(dir, 6);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    for (int i = 0; i < images.size(); i++) {
      LineFixtures.drop(images.get(i), hot, String.format("r%02d.png", i));
    }
    Path workspace = dir.resolve("ws");
    LineStats stats = new LineStats();
    List<Long> attention;
    try (LineWorkspace ws = LineWorkspace.open(workspace)) {
      LineSink sink = ws.sink(SinkSpec.parse("review"));
      sink.connect();
      ws.run(
              LineModel.load(model),
              new FolderSource(hot, FolderSource.Options.defaults()),
              List.of(sink))
          .listen(stats)
          .stopAfter(images.size())
          .run(CancellationToken.none());
      attention = ws.journal().reviewInbox().stream().map(LineJournal.ReviewEntry::seq).toList();
    }
    LineStats.Snapshot s = stats.snapshot();
    assertThat(s.review() + s.ng()).isPositive();
    assertThat(attention).hasSize((int) (s.review() + s.ng()));
    // a new process (the workbench after a restart) opens the workspace's review database
    try (ReviewStore store =
        ReviewStore.open(workspace.resolve("reviews").resolve(ReviewStore.FILE_NAME))) {
      List<ReviewRequest> open = store.openRequests();
      assertThat(open).hasSize(attention.size());
      for (ReviewRequest q : open) {
        assertThat(Path.of(q.imagePath())).isRegularFile();
        assertThat(Path.of(q.mapPath())).isRegularFile();
        assertThat(q.modelId()).startsWith("model.sgsf@");
        assertThat(q.modelFile()).isEqualTo(model.toAbsolutePath().toString());
        assertThat(q.prediction()).isIn("REVIEW", "NG");
        assertThat(q.origin()).contains("r0");
      }
    }
  }
}
