package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.image.OpenCv;
import sgsf.io.Csv;
import sgsf.ui.DemoModels;

/**
 * {@code sgsf infer} on a folder of hostile files (issue 14 items 1-4 and 7): a huge PNG, a
 * truncated JPEG, a 1x1 and a uniform image, two files that differ only in their extension and two
 * names that are not UTF-8. Every file gets a row, refused ones with their error; output names are
 * unique and keep the extension; nothing is lost.
 */
class InferHostileInputTest {
  @TempDir Path dir;

  private static void write(Path file, Mat m) {
    OpenCv.ensureLoaded();
    assertThat(Imgcodecs.imwrite(file.toString(), m)).as(file.toString()).isTrue();
    m.release();
  }

  @Test
  void everyFileGetsARowRefusedOnesWithTheirErrorAndNoOutputIsOverwritten() throws Exception {
    Path data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.TEXTURE);
    Path good = DatasetScanner.scan(data).test().get(0).image();
    Path images = Files.createDirectories(dir.resolve("line"));
    Files.copy(good, images.resolve("part1.png"));
    Mat img = Imgcodecs.imread(good.toString(), Imgcodecs.IMREAD_UNCHANGED);
    write(images.resolve("part1.bmp"), img);
    Mat jpg = Imgcodecs.imread(good.toString(), Imgcodecs.IMREAD_UNCHANGED);
    write(images.resolve("cut.jpg"), jpg);
    byte[] whole = Files.readAllBytes(images.resolve("cut.jpg"));
    Files.write(images.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length / 2));
    write(images.resolve("huge.png"), new Mat(12000, 12000, CvType.CV_8UC1, new Scalar(128)));
    write(images.resolve("tiny.png"), new Mat(1, 1, CvType.CV_8UC1, new Scalar(77)));
    write(images.resolve("blank.png"), new Mat(128, 128, CvType.CV_8UC1, new Scalar(128)));
    boolean nonUtf8 = copyUnderNonUtf8Names(good, images);

    Path out = dir.resolve("out");
    Sgsf.Run r = Sgsf.infer(DemoModels.textureModel(), images, out);
    assertThat(r.code()).as(r.err()).isZero();

    List<Map<String, String>> rows =
        Csv.parse(Files.readString(out.resolve("scores.csv"), StandardCharsets.UTF_8));
    Map<String, Map<String, String>> byName = new HashMap<>();
    for (Map<String, String> row : rows) {
      byName.put(Path.of(row.get("path")).getFileName().toString(), row);
    }
    int files = nonUtf8 ? 8 : 6;
    assertThat(rows).as(r.err()).hasSize(files);
    assertThat(byName.get("cut.jpg").get("score")).isEmpty();
    assertThat(byName.get("cut.jpg").get("verdict")).isEmpty();
    assertThat(byName.get("cut.jpg").get("error")).contains("truncated JPEG");
    assertThat(byName.get("huge.png").get("score")).isEmpty();
    assertThat(byName.get("huge.png").get("error")).contains("12000x12000", "megapixels");
    assertThat(byName.get("tiny.png").get("warnings")).contains("far smaller");
    assertThat(byName.get("blank.png").get("warnings")).contains("uniform");
    assertThat(byName.get("part1.png").get("warnings")).isEmpty();
    assertThat(byName.get("part1.png").get("output")).isEqualTo("part1.png.png");
    assertThat(byName.get("part1.bmp").get("output")).isEqualTo("part1.bmp.png");
    // the model has no thresholds: the default policy gives every scored image a verdict
    assertThat(byName.get("part1.png").get("verdict")).isNotEmpty();
    assertThat(byName.get("part1.png").get("normalised_score")).isNotEmpty();
    assertThat(r.err()).contains("has no thresholds");
    assertThat(out.resolve("thresholds.json")).exists();
    try (Stream<Path> s = Files.list(out.resolve("overlays"))) {
      assertThat(s.count()).isEqualTo(files - 2);
    }
    try (Stream<Path> s = Files.list(out.resolve("maps"))) {
      assertThat(s.count()).isEqualTo(files - 2);
    }
    if (nonUtf8) {
      assertThat(rows.stream().map(m -> m.get("path")))
          .anyMatch(p -> p.endsWith("bad\\xFF.png"))
          .anyMatch(p -> p.endsWith("bad\\xFE.png"));
    }
  }

  /** Copies the image under two names that are not UTF-8, when the file system allows it. */
  private static boolean copyUnderNonUtf8Names(Path image, Path folder) throws Exception {
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "cp \"$1\" \"$2/$(printf 'bad\\377.png')\" && cp \"$1\" \"$2/$(printf 'bad\\376.png')\"",
                "sh",
                image.toString(),
                folder.toString())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      return false;
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(f -> f.getFileName().toString().startsWith("bad")).count() == 2;
    }
  }
}
