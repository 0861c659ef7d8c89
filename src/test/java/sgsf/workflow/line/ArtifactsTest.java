package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept images are deleted once, whoever comes first: the last sink or the line's sweep. */
class ArtifactsTest {
  @TempDir Path dir;

  @Test
  void twoThreadsDeletingTheSameImagesBothSucceed() throws Exception {
    List<Throwable> failures = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      Artifacts a = Artifacts.of(dir, round);
      Files.createDirectories(a.dir());
      for (int i = 0; i < 300; i++) {
        Files.writeString(a.dir().resolve("f" + i + ".png"), "x");
      }
      CyclicBarrier start = new CyclicBarrier(2);
      CountDownLatch done = new CountDownLatch(2);
      for (int t = 0; t < 2; t++) {
        new Thread(
                () -> {
                  try {
                    start.await();
                    a.delete();
                  } catch (Throwable e) {
                    synchronized (failures) {
                      failures.add(e);
                    }
                  } finally {
                    done.countDown();
                  }
                })
            .start();
      }
      done.await();
      assertThat(a.dir()).doesNotExist();
    }
    assertThat(failures).isEmpty();
  }
}
