package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import sgsf.ChildJvm;
import sgsf.engine.image.OpenCv;
import sgsf.io.Csv;
import sgsf.ui.DemoModels;

/**
 * A folder of large camera frames on a PC with little memory (issue 14 item 1): {@code sgsf infer}
 * in a JVM with a 768 MB heap scores six 3000x3000 colour images (108 MB each once decoded, 650 MB
 * together): batches hold fewer images when they are large, so the heap is never exhausted.
 */
class InferMemoryTest {
  @TempDir Path dir;

  @Test
  void largeFramesAreScoredInASmallHeap() throws Exception {
    OpenCv.ensureLoaded();
    Path images = Files.createDirectories(dir.resolve("frames"));
    for (int i = 0; i < 6; i++) {
      Mat m = new Mat(3000, 3000, CvType.CV_8UC3, new Scalar(90, 110, 130));
      Imgproc.circle(m, new Point(500 + 300 * i, 1500), 120, new Scalar(20, 20, 20), -1);
      assertThat(Imgcodecs.imwrite(images.resolve("frame" + i + ".png").toString(), m)).isTrue();
      m.release();
    }
    Path out = dir.resolve("out");
    Path log = dir.resolve("infer.log");
    ProcessBuilder pb =
        new ProcessBuilder(
            ChildJvm.command(
                "768m",
                "sgsf.app.Main",
                "infer",
                "--model",
                DemoModels.textureModel().toString(),
                "--images",
                images.toString(),
                "--out",
                out.toString()));
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    assertThat(p.exitValue()).as(output).isZero();
    List<Map<String, String>> rows =
        Csv.parse(Files.readString(out.resolve("scores.csv"), StandardCharsets.UTF_8));
    assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r.get("score")).isNotEmpty());
  }
}
