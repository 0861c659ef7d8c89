package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.task.CancellationToken;

class CaptureTest {
  @TempDir Path dir;

  private List<Path> pngs(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
    }
  }

  @Test
  void everyThirdImageOfASourceWithoutAModelAndTheCurrentOneOnRequest() throws Exception {
    List<Path> images = LineFixtures.images(dir, 7);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    for (int i = 0; i < images.size(); i++) {
      Files.copy(images.get(i), hot.resolve(String.format("p%02d.png", i)));
    }
    Files.writeString(hot.resolve("p99.png"), "broken");
    Path good = dir.resolve("ws/captures/first/train/good");
    Capture c = new Capture(good, 3);
    try (FolderSource src =
        new FolderSource(
            hot, new FolderSource.Options(false, true, 0, 5, FolderSource.After.KEEP, null))) {
      src.attach(LineWorkspace.open(dir.resolve("ws")).journal());
      long end = System.currentTimeMillis() + 20_000;
      CancellationToken stop = new CancellationToken();
      Thread watcher =
          new Thread(
              () -> {
                while (c.saved() < 3 && System.currentTimeMillis() < end) {
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
                stop.cancel();
              });
      watcher.start();
      c.run(src, stop);
      watcher.join();
    }
    // images 0, 3 and 6 of the seven readable ones (the broken one is skipped)
    List<Path> saved = pngs(good);
    assertThat(saved).hasSize(3);
    FloatImage first = ImageIo.read(saved.get(0));
    FloatImage original = ImageIo.read(images.get(0));
    assertThat(first.width()).isEqualTo(original.width());
    assertThat(first.height()).isEqualTo(original.height());
    Path now = c.saveCurrent();
    assertThat(now).isRegularFile();
    assertThat(pngs(good)).hasSize(4);
    assertThat(ImageIo.read(now).width()).isEqualTo(original.width());
  }
}
