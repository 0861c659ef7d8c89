package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.ChildJvm;
import sgsf.engine.backend.Backend;
import sgsf.engine.data.DemoDataset;

/**
 * Ctrl-C in a real {@code sgsf train} process (SIGINT to a child JVM): the run stops after its
 * current iteration, keeps the iterations done since the last periodic checkpoint in a checkpoint
 * of its own, prints the {@code --resume} command, and that command finishes the run.
 */
class TrainInterruptTest {
  @TempDir Path dir;

  @Test
  void ctrlCKeepsTheWorkAndPrintsHowToResume() throws Exception {
    Backend.configureProperties();
    Path data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.OBJECT);
    Path model = dir.resolve("interrupted.zip");
    Path log = dir.resolve("train.log");
    List<String> cmd =
        ChildJvm.command(
            "1g",
            "sgsf.app.Main",
            "train",
            "--data",
            data.toString(),
            "--size",
            "32",
            "--width",
            "4",
            "--batch",
            "2",
            "--warmup",
            "2",
            "--iterations",
            "100000",
            // no periodic checkpoint comes before the signal: only the one written at Ctrl-C
            "--checkpoint-every",
            "100000",
            "--out",
            model.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    Process p = pb.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      // past the third main-phase iteration, so that the iteration reached is above 2
      Pattern third = Pattern.compile("\\b([3-9]|\\d{2,})/100000 \\([^)]*\\) main loss");
      while (!third.matcher(read(log)).find() && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(third.matcher(read(log)).find())
          .as("training never reached the main phase's third iteration")
          .isTrue();
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("still running after SIGINT").isTrue();
    } finally {
      p.destroyForcibly();
    }
    String out = read(log);
    assertThat(out).as(out).contains("training cancelled after").doesNotContain("\tat ");
    Matcher resume =
        Pattern.compile("to continue: sgsf train .* --resume (\\S+) --out").matcher(out);
    assertThat(resume.find()).as(out).isTrue();
    Path checkpoint = Path.of(resume.group(1));
    Matcher done = Pattern.compile("training cancelled after (\\d+) iterations").matcher(out);
    assertThat(done.find()).isTrue();
    int iterations = Integer.parseInt(done.group(1));
    assertThat(iterations).isGreaterThan(2);
    assertThat(checkpoint.getFileName().toString()).contains(String.format("%06d", iterations));
    assertThat(checkpoint).isRegularFile();
    assertThat(model).doesNotExist();

    Path finished = dir.resolve("finished.zip");
    Sgsf.Run r =
        Sgsf.run(
            "train",
            "--data",
            data.toString(),
            "--resume",
            checkpoint.toString(),
            "--iterations",
            Integer.toString(iterations + 2),
            "--out",
            finished.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(finished).isRegularFile();
    assertThat(r.err())
        .as("the run names the checkpoint's network")
        .contains("inputSize=32, baseWidth=4");
  }

  private static String read(Path log) throws java.io.IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
  }
}
