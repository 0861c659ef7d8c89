package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.image.FloatImage;
import sgsf.engine.task.CancellationToken;

/** The hot folder's options (those of {@code sgsf line}) and sink rate limits, on real files. */
class LineHotFolderTest {
  @TempDir Path dir;

  /** Writes {@code image} to {@code target} beside it under a temporary name and renames it in. */
  static Path dropAt(Path image, Path target) throws Exception {
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.copy(image, tmp, StandardCopyOption.REPLACE_EXISTING);
    return Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Collects what the line inspected and when each result had reached every sink. */
  static final class Recorder implements LineListener {
    final List<LineResult> inspected = new CopyOnWriteArrayList<>();
    final List<Long> deliveredAtMs = new CopyOnWriteArrayList<>();

    @Override
    public void inspected(LineResult r, FloatImage image, FloatImage map, double latencyMs) {
      inspected.add(r);
    }

    @Override
    public void deliveredEverywhere(LineResult r, double latencyMs) {
      deliveredAtMs.add(System.currentTimeMillis());
    }

    List<String> names() {
      return inspected.stream().map(r -> Path.of(r.source()).getFileName().toString()).toList();
    }
  }

  private static List<String> imagesIn(Path d) throws Exception {
    try (Stream<Path> s = Files.walk(d)) {
      return s.filter(Files::isRegularFile)
          .map(p -> d.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private Recorder runUntil(Path workspace, Path model, FolderSource source, long n, String sink)
      throws Exception {
    Recorder rec = new Recorder();
    try (LineWorkspace ws = LineWorkspace.open(workspace)) {
      LineSink s = ws.sink(SinkSpec.parse(sink));
      s.connect();
      ws.run(LineModel.load(model), source, List.of(s))
          .listen(rec)
          .stopAfter(n)
          .run(CancellationToken.none());
    }
    return rec;
  }

  @Test
  void aFileStillGrowingSlowlyIsNotTakenUntilItStoppedGrowing() throws Exception {
    Path image = LineFixtures.images(dir, 1).get(0);
    byte[] png = Files.readAllBytes(image);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    FolderSource source =
        new FolderSource(
            hot, new FolderSource.Options(false, true, 300, 25, FolderSource.After.KEEP, null));
    source.attach(LineJournal.open(dir.resolve("j").resolve(LineJournal.FILE_NAME)));
    Path target = hot.resolve("growing.png");
    AtomicLong finishedAt = new AtomicLong(); // set as the last slice is written
    AtomicReference<Throwable> failure = new AtomicReference<>();
    // written in place under its final name, a slice every 100 ms (less than the 300 ms window)
    Thread writer =
        new Thread(
            () -> {
              try {
                int slices = 10;
                for (int i = 0; i < slices; i++) {
                  if (i == slices - 1) {
                    finishedAt.set(System.currentTimeMillis()); // the last slice comes now
                  }
                  int from = png.length * i / slices;
                  int to = png.length * (i + 1) / slices;
                  Files.write(
                      target,
                      Arrays.copyOfRange(png, from, to),
                      StandardOpenOption.CREATE,
                      StandardOpenOption.APPEND);
                  Thread.sleep(100);
                }
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    writer.start();
    SourceItem item = null;
    long end = System.currentTimeMillis() + 10_000;
    while (item == null && System.currentTimeMillis() < end) {
      item = source.next(50);
      if (item != null) {
        assertThat(finishedAt.get()).as("taken while still growing").isPositive();
      }
    }
    writer.join();
    assertThat(failure.get()).isNull();
    assertThat(item).isNotNull();
    assertThat(item.bytes()).isEqualTo(png);
    assertThat(source.next(400)).as("taken once").isNull();
  }

  @Test
  void recursiveTakesImagesInSubFoldersAndTheTopFolderOnlyWithoutIt() throws Exception {
    Path image = LineFixtures.images(dir, 1).get(0);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    dropAt(image, hot.resolve("top.png"));
    dropAt(image, hot.resolve("a").resolve("b").resolve("deep.png"));
    for (boolean recursive : new boolean[] {true, false}) {
      FolderSource source =
          new FolderSource(
              hot,
              new FolderSource.Options(recursive, true, 150, 25, FolderSource.After.KEEP, null));
      source.attach(LineJournal.open(dir.resolve("j" + recursive).resolve(LineJournal.FILE_NAME)));
      List<String> taken = new ArrayList<>();
      SourceItem item;
      while ((item = source.next(600)) != null) {
        taken.add(hot.relativize(item.file()).toString().replace('\\', '/'));
      }
      if (recursive) {
        assertThat(taken).containsExactlyInAnyOrder("top.png", "a/b/deep.png");
      } else {
        assertThat(taken).containsExactly("top.png");
      }
    }
  }

  @Test
  void afterMoveKeepsTheSubFolderPathAndAfterDeleteRemovesTheInspectedFiles() throws Exception {
    List<Path> images = LineFixtures.images(dir, 2);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    Path done = dir.resolve("done");
    dropAt(images.get(0), hot.resolve("top.png"));
    dropAt(images.get(1), hot.resolve("sub").resolve("s.png"));
    Recorder moved =
        runUntil(
            dir.resolve("ws1"),
            model,
            new FolderSource(
                hot, new FolderSource.Options(true, true, 150, 25, FolderSource.After.MOVE, done)),
            2,
            "folder:" + dir.resolve("out1"));
    assertThat(moved.names()).containsExactlyInAnyOrder("top.png", "s.png");
    assertThat(imagesIn(hot)).isEmpty();
    assertThat(imagesIn(done)).containsExactly("sub/s.png", "top.png");
    assertThat(done.resolve("top.png")).hasSameBinaryContentAs(images.get(0));

    Path hot2 = Files.createDirectories(dir.resolve("hot2"));
    dropAt(images.get(0), hot2.resolve("x.png"));
    dropAt(images.get(1), hot2.resolve("y.png"));
    Recorder deleted =
        runUntil(
            dir.resolve("ws2"),
            model,
            new FolderSource(
                hot2,
                new FolderSource.Options(false, true, 150, 25, FolderSource.After.DELETE, null)),
            2,
            "folder:" + dir.resolve("out2"));
    assertThat(deleted.names()).containsExactlyInAnyOrder("x.png", "y.png");
    assertThat(deleted.inspected).allSatisfy(r -> assertThat(r.error()).isNull());
    assertThat(imagesIn(hot2)).isEmpty();
  }

  @Test
  void ignoreExistingLeavesTheFirstStartsFilesAloneAlsoAfterARestart() throws Exception {
    List<Path> images = LineFixtures.images(dir, 4);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    Path done = dir.resolve("done");
    dropAt(images.get(0), hot.resolve("existing1.png"));
    dropAt(images.get(1), hot.resolve("existing2.png"));
    FolderSource.Options options =
        new FolderSource.Options(false, false, 150, 25, FolderSource.After.MOVE, done);
    Path workspace = dir.resolve("ws");
    Path out = dir.resolve("out");

    // first start: only the image that arrives while the line runs
    Recorder first = new Recorder();
    try (LineWorkspace ws = LineWorkspace.open(workspace)) {
      LineSink s = ws.sink(SinkSpec.parse("folder:" + out));
      s.connect();
      LineRun run = ws.run(LineModel.load(model), new FolderSource(hot, options), List.of(s));
      run.listen(first);
      LineFixtures.Running running = new LineFixtures.Running(run);
      Thread.sleep(500); // the line has listed the folder
      dropAt(images.get(2), hot.resolve("new1.png"));
      assertThat(LineFixtures.await(() -> first.deliveredAtMs.size() == 1, 30_000)).isTrue();
      assertThat(running.stop()).isNull();
    }
    assertThat(first.names()).containsExactly("new1.png");

    // restart, with an image that arrived while the line was down
    dropAt(images.get(3), hot.resolve("new2.png"));
    Recorder second =
        runUntil(workspace, model, new FolderSource(hot, options), 1, "folder:" + out);
    assertThat(second.names()).containsExactly("new2.png");
    assertThat(imagesIn(hot))
        .as("the first start's images are neither inspected nor moved")
        .containsExactly("existing1.png", "existing2.png");
    assertThat(imagesIn(done)).containsExactly("new1.png", "new2.png");
    try (LineJournal j =
        LineJournal.open(workspace.resolve("line").resolve(LineJournal.FILE_NAME))) {
      assertThat(j.doneCount()).isEqualTo(2);
    }
  }

  @Test
  void aSinkRateLimitSpacesTheDeliveries() throws Exception {
    List<Path> images = LineFixtures.images(dir, 6);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    for (int i = 0; i < images.size(); i++) {
      dropAt(images.get(i), hot.resolve(String.format("r%02d.png", i)));
    }
    Recorder rec =
        runUntil(
            dir.resolve("ws"),
            model,
            new FolderSource(hot, FolderSource.Options.defaults()),
            images.size(),
            "folder:" + dir.resolve("out") + "#rate=4");
    List<Long> at = rec.deliveredAtMs;
    assertThat(at).hasSize(images.size());
    for (int i = 1; i < at.size(); i++) {
      assertThat(at.get(i) - at.get(i - 1))
          .as("gap before delivery %d at 4 per second", i)
          .isGreaterThanOrEqualTo(240);
    }
  }

  private static FolderSource watching(Path hot, long stableMs, Path journalDir) throws Exception {
    FolderSource source =
        new FolderSource(
            hot,
            new FolderSource.Options(false, true, stableMs, 10, FolderSource.After.KEEP, null));
    source.attach(LineJournal.open(journalDir.resolve(LineJournal.FILE_NAME)));
    return source;
  }

  private static byte[] jpeg() throws Exception {
    java.awt.image.BufferedImage im =
        new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        im.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | ((x * y) & 0xff));
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    assertThat(javax.imageio.ImageIO.write(im, "jpg", out)).isTrue();
    return out.toByteArray();
  }

  @Test
  void aWholePngRenamedInIsTakenAtOnceWithoutTheStabilityWait() throws Exception {
    Path image = LineFixtures.images(dir, 1).get(0);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    FolderSource source = watching(hot, 5_000, dir.resolve("j"));
    assertThat(source.next(100)).isNull();
    long t0 = System.currentTimeMillis();
    dropAt(image, hot.resolve("renamed.png")); // fresh modification time
    SourceItem item = source.next(2_000);
    assertThat(item).as("taken before the 5 s window").isNotNull();
    assertThat(System.currentTimeMillis() - t0).isLessThan(2_000);
    assertThat(item.bytes()).isEqualTo(Files.readAllBytes(image));
  }

  @Test
  void aTruncatedPngOrJpegWaitsForTheStabilityWindowAndIsTakenOnceWhole() throws Exception {
    Path image = LineFixtures.images(dir, 1).get(0);
    byte[] png = Files.readAllBytes(image);
    byte[] jpg = jpeg();
    // a JPEG whose EXIF segment carries a thumbnail ending in its own end-of-image marker,
    // cut right after that marker: it ends with FF D9 but is not whole
    byte[] app1Payload = {
      'E', 'x', 'i', 'f', 0, 0, (byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9
    };
    java.io.ByteArrayOutputStream withThumb = new java.io.ByteArrayOutputStream();
    withThumb.write(jpg, 0, 2);
    withThumb.write(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, (byte) (app1Payload.length + 2)});
    withThumb.write(app1Payload);
    withThumb.write(jpg, 2, jpg.length - 2);
    byte[] thumbJpg = withThumb.toByteArray();
    int cutAfterThumb = 2 + 4 + app1Payload.length;
    assertThat(thumbJpg[cutAfterThumb - 1] & 0xff).isEqualTo(0xD9);

    Path hot = Files.createDirectories(dir.resolve("hot"));
    Files.write(hot.resolve("a.png"), Arrays.copyOf(png, png.length - 1));
    Files.write(hot.resolve("b.jpg"), Arrays.copyOf(jpg, jpg.length / 2));
    Files.write(hot.resolve("c.jpg"), Arrays.copyOf(thumbJpg, cutAfterThumb));
    assertThat(FolderSource.completeByFormat(hot.resolve("a.png"), png.length - 1)).isFalse();
    FolderSource source = watching(hot, 3_000, dir.resolve("j"));
    assertThat(source.next(800)).as("incomplete files wait for the window").isNull();

    Files.write(hot.resolve("a.png"), png);
    Files.write(hot.resolve("b.jpg"), jpg);
    Files.write(hot.resolve("c.jpg"), thumbJpg);
    List<String> taken = new ArrayList<>();
    long t0 = System.currentTimeMillis();
    while (taken.size() < 3 && System.currentTimeMillis() - t0 < 2_000) {
      SourceItem item = source.next(100);
      if (item != null) {
        taken.add(item.file().getFileName().toString());
      }
    }
    assertThat(taken)
        .as("whole files are taken at once")
        .containsExactlyInAnyOrder("a.png", "b.jpg", "c.jpg");
    assertThat(FolderSource.completeByFormat(hot.resolve("c.jpg"), thumbJpg.length)).isTrue();
  }

  @Test
  void otherFormatsWaitForTheStabilityWindow() throws Exception {
    Path hot = Files.createDirectories(dir.resolve("hot"));
    java.awt.image.BufferedImage im =
        new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
    Path tmp = hot.resolve(".x.bmp.tmp");
    assertThat(javax.imageio.ImageIO.write(im, "bmp", tmp.toFile())).isTrue();
    FolderSource source = watching(hot, 1_000, dir.resolve("j"));
    long t0 = System.currentTimeMillis();
    Files.move(tmp, hot.resolve("x.bmp"), StandardCopyOption.ATOMIC_MOVE);
    SourceItem item = null;
    while (item == null && System.currentTimeMillis() - t0 < 5_000) {
      item = source.next(50);
    }
    assertThat(item).isNotNull();
    assertThat(System.currentTimeMillis() - t0).isGreaterThanOrEqualTo(900);
  }

  /** A sink that refuses every delivery, counting the attempts. */
  static final class RefusingSink implements LineSink {
    final SinkSpec spec = SinkSpec.parse("http://127.0.0.1:9/refuses");
    final java.util.concurrent.atomic.AtomicInteger attempts =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public SinkSpec spec() {
      return spec;
    }

    @Override
    public void connect() {}

    @Override
    public void deliver(LineResult r, Artifacts a) throws java.io.IOException {
      attempts.incrementAndGet();
      throw new java.io.IOException("503 from the test");
    }
  }

  /**
   * A sink that keeps failing is retried with growing backoff (not in a busy loop), reported down
   * with its error, keeps every result in its outbox (the line never gives a result up) and does
   * not hold up the other sinks.
   */
  @Test
  void aSinkThatKeepsFailingBacksOffKeepsItsOutboxAndDoesNotHoldUpTheOthers() throws Exception {
    List<Path> images = LineFixtures.images(dir, 3);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    for (int i = 0; i < images.size(); i++) {
      dropAt(images.get(i), hot.resolve(String.format("f%02d.png", i)));
    }
    RefusingSink refusing = new RefusingSink();
    Recorder rec = new Recorder();
    List<SinkHealth> health = new CopyOnWriteArrayList<>();
    try (LineWorkspace ws = LineWorkspace.open(dir.resolve("ws"))) {
      LineSink folder = ws.sink(SinkSpec.parse("folder:" + dir.resolve("out")));
      folder.connect();
      LineRun run =
          ws.run(
                  LineModel.load(model),
                  new FolderSource(hot, FolderSource.Options.defaults()),
                  List.of(folder, refusing))
              .listen(rec)
              .listen(
                  new LineListener() {
                    @Override
                    public void sinkHealth(SinkHealth h) {
                      health.add(h);
                    }
                  });
      LineFixtures.Running running = new LineFixtures.Running(run);
      assertThat(LineFixtures.await(() -> rec.inspected.size() == 3, 30_000)).isTrue();
      long t0 = System.currentTimeMillis();
      Thread.sleep(3_000);
      long seconds = System.currentTimeMillis() - t0;
      // backoff 100, 200, 400, 800, 1600 ms...: a handful of attempts in 3 s, not thousands
      assertThat(refusing.attempts.get()).isBetween(2, 12);
      assertThat(seconds).isGreaterThanOrEqualTo(3_000);
      try (Stream<Path> json = Files.walk(dir.resolve("out"))) {
        assertThat(json.filter(p -> p.toString().endsWith(".json")).count())
            .as("the folder sink has everything")
            .isEqualTo(3);
      }
      assertThat(ws.journal().outboxSizes()).containsEntry(refusing.spec.key(), 3);
      assertThat(health)
          .anySatisfy(
              h -> {
                assertThat(h.sink()).isEqualTo(refusing.spec.key());
                assertThat(h.connected()).isFalse();
                assertThat(h.lastError()).contains("503 from the test");
              });
      assertThat(running.stop()).isNull();
    }
    assertThat(rec.deliveredAtMs).as("not delivered everywhere").isEmpty();
  }
}
