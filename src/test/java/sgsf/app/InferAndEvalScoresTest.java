package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.image.OpenCv;
import sgsf.io.report.ScoresCsv;
import sgsf.ui.DemoModels;

/** {@code sgsf infer} and {@code sgsf eval} write the same scores.csv for the same images. */
class InferAndEvalScoresTest {
  @TempDir Path dir;

  @Test
  void inferAndEvalWriteTheSameColumnsScoresAndVerdicts() throws Exception {
    Path data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.TEXTURE);
    Path model = Files.copy(DemoModels.textureModel(), dir.resolve("model.sgsf"));
    Path evalOut = dir.resolve("eval");
    Sgsf.Run e = Sgsf.eval(model, data, evalOut, "--save-thresholds");
    assertThat(e.code()).as(e.err()).isZero();
    Path inferOut = dir.resolve("infer");
    Sgsf.Run i = Sgsf.infer(model, data.resolve("test"), inferOut);
    assertThat(i.code()).as(i.err()).isZero();

    String evalHeader = Files.readAllLines(evalOut.resolve("scores.csv")).get(0);
    String inferHeader = Files.readAllLines(inferOut.resolve("scores.csv")).get(0);
    assertThat(inferHeader).isEqualTo(evalHeader).isEqualTo(ScoresCsv.HEADER);

    Map<String, ScoresCsv.Row> evaluated =
        ScoresCsv.read(evalOut.resolve("scores.csv")).stream()
            .collect(Collectors.toMap(ScoresCsv.Row::path, r -> r));
    List<ScoresCsv.Row> inferred = ScoresCsv.read(inferOut.resolve("scores.csv"));
    assertThat(inferred).hasSize(50);
    assertThat(evaluated).hasSize(50);
    Map<String, ScoresCsv.Row> byPath = new HashMap<>();
    // infer names each image relative to --images (no user's folder layout in the results)
    inferred.forEach(
        r -> {
          assertThat(Path.of(r.path())).as(r.path()).isRelative();
          byPath.put(data.resolve("test").resolve(r.path()).toString(), r);
        });
    assertThat(byPath.keySet()).isEqualTo(evaluated.keySet());
    for (ScoresCsv.Row r : inferred) {
      ScoresCsv.Row ev = evaluated.get(data.resolve("test").resolve(r.path()).toString());
      assertThat(r.score()).as(r.path()).isCloseTo(ev.score(), within(1e-5));
      assertThat(r.verdict()).as(r.path()).isEqualTo(ev.verdict());
      assertThat(ev.type()).isNotNull();
      assertThat(r.type()).isNull(); // a plain folder: truth unknown
      assertThat(r.neighbour()).isNotNull();
    }
  }

  /** Issue 14 item 4 in {@code sgsf eval}: the warnings reach the console and scores.csv. */
  @Test
  void evalPrintsAndRecordsTheWarningsOfAUniformTestImage() throws Exception {
    Path data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.TEXTURE);
    Path blank = DatasetScanner.scan(data).test().get(0).image();
    OpenCv.ensureLoaded();
    Mat grey = new Mat(128, 128, CvType.CV_8UC1, new Scalar(128));
    assertThat(Imgcodecs.imwrite(blank.toString(), grey)).isTrue();
    grey.release();
    Path out = dir.resolve("eval");
    Sgsf.Run e = Sgsf.eval(DemoModels.textureModel(), data, out);
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.err()).contains("warning: " + blank).contains("uniform");
    Map<String, ScoresCsv.Row> rows =
        ScoresCsv.read(out.resolve("scores.csv")).stream()
            .collect(Collectors.toMap(ScoresCsv.Row::path, r -> r));
    assertThat(rows.get(blank.toString()).warnings())
        .anySatisfy(w -> assertThat(w).contains("uniform"));
    assertThat(rows.values().stream().filter(r -> !r.warnings().isEmpty())).hasSize(1);
  }

  @Test
  void inferQuotesAPathWithACommaAQuoteAndANewline() throws Exception {
    Path data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.TEXTURE);
    Path model = DemoModels.textureModel();
    Path images = dir.resolve("odd");
    Path odd = images.resolve("lot 7, \"left\"\nline 2.png");
    Files.createDirectories(images);
    try (var s = Files.list(data.resolve("test").resolve("good"))) {
      Files.copy(s.sorted().findFirst().orElseThrow(), odd);
    }
    Path out = dir.resolve("infer");
    Sgsf.Run i = Sgsf.infer(model, images, out);
    assertThat(i.code()).as(i.err()).isZero();
    assertThat(ScoresCsv.read(out.resolve("scores.csv")))
        .singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo(odd.getFileName().toString()));
  }

  /** Issue 14 item 3 in {@code sgsf eval}: names that are not UTF-8 stay distinct and lossless. */
  @Test
  void evalWritesNamesThatAreNotUtf8Losslessly() throws Exception {
    Path data = DemoDataset.ensureCategory(dir.resolve("demo-raw"), DemoDataset.TEXTURE);
    Path good = data.resolve("test").resolve("good");
    Path first;
    try (var s = Files.list(good)) {
      first = s.sorted().findFirst().orElseThrow();
    }
    try {
      for (String raw : List.of("bad%FF.png", "bad%FE.png")) {
        Files.copy(first, Path.of(new java.net.URI(good.toUri() + raw)));
      }
    } catch (java.nio.file.InvalidPathException | java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "no such names here: " + e);
    }
    Path out = dir.resolve("eval-raw");
    Sgsf.Run e = Sgsf.eval(DemoModels.textureModel(), data, out);
    assertThat(e.code()).as(e.err()).isZero();
    List<String> paths =
        ScoresCsv.read(out.resolve("scores.csv")).stream().map(ScoresCsv.Row::path).toList();
    assertThat(paths).doesNotHaveDuplicates().noneMatch(p -> p.contains("\uFFFD"));
    assertThat(paths)
        .anyMatch(p -> p.endsWith("bad\\xFF.png"))
        .anyMatch(p -> p.endsWith("bad\\xFE.png"));
  }
}
