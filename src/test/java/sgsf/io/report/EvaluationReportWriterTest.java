package sgsf.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.OpenCv;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.Thresholds;

class EvaluationReportWriterTest {
  @TempDir Path dir;
  private List<EvaluatedImage> images;
  private MetricsSummary summary;

  /**
   * Six real PNG files (16x12 grey), maps and masks at the same size. Good: 3 images; "dent" 2;
   * "scratch, odd" 1 (a comma in the type and the path to exercise CSV quoting). One good image's
   * file is missing (the report must say so, not fail).
   */
  @BeforeEach
  void evaluate() throws Exception {
    Random rnd = new Random(1);
    images = new ArrayList<>();
    String[] types = {"good", "good", "good", "dent", "dent", "scratch, odd"};
    double[] scores = {0.2, 0.55, 0.3, 0.7, 0.5, 0.9};
    for (int i = 0; i < types.length; i++) {
      int w = 16;
      int h = 12;
      float[] map = new float[w * h];
      byte[] gt = null;
      boolean defective = !types[i].equals("good");
      if (defective) {
        gt = new byte[w * h];
        for (int y = 3; y < 7; y++) {
          for (int x = 4 + i; x < 8 + i; x++) {
            gt[y * w + x] = 1;
          }
        }
      }
      for (int p = 0; p < map.length; p++) {
        map[p] =
            (float)
                Math.min(
                    1,
                    Math.max(
                        0, rnd.nextGaussian() * 0.1 + (gt != null && gt[p] == 1 ? 0.7 : 0.25)));
      }
      Path file = dir.resolve("images").resolve(types[i]).resolve("img" + i + ".png");
      if (i != 2) {
        FloatImage img = FloatImage.filled(h * 2, w * 2, 0.3f + 0.1f * i);
        ImageIo.writePng(img, file);
      }
      images.add(
          new EvaluatedImage(
              file.toString(), types[i], defective ? 1 : 0, scores[i], w, h, map, gt));
    }
    summary = MetricsSummary.compute(images, Thresholds.manual(0.4, 0.6, 0.5, 0.2, 0.9, 0, 1));
  }

  @Test
  void writesMetricsJsonWithThePromisedKeysInRange() throws Exception {
    EvaluationReportWriter.Written w =
        EvaluationReportWriter.write(
            dir.resolve("run"),
            images,
            summary,
            EvaluationReportWriter.Options.titled(
                "Test run", Map.of("name", "lite-sam", "iterations", 10)));
    JsonNode json = new ObjectMapper().readTree(w.metricsJson().toFile());
    for (String key :
        List.of(
            "image_auroc",
            "pixel_auroc",
            "pixel_ap",
            "aupro",
            "image_f1_max",
            "image_ap",
            "pixel_f1_max")) {
      assertThat(json.get(key).isNumber()).as(key).isTrue();
      assertThat(json.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
    }
    assertThat(json.get("format").asText()).isEqualTo(MetricsJson.FORMAT);
    assertThat(json.get("image_auroc").asDouble())
        .isCloseTo(summary.image().curves().auroc().value(), within(1e-15));
    assertThat(json.get("aupro").asDouble())
        .isCloseTo(summary.pixel().curves().aupro().value(), within(1e-15));
    assertThat(json.at("/pixel_at_threshold/iou").isNumber()).isTrue();
    assertThat(json.at("/image_at_threshold/macc").isNumber()).isTrue();
    assertThat(json.at("/review/good_review").asInt()).isEqualTo(1); // 0.55 in [0.4, 0.6)
    assertThat(json.at("/thresholds/imageUpper").asDouble()).isEqualTo(0.6);
    assertThat(json.at("/per_type/dent/images").asInt()).isEqualTo(2);
    assertThat(json.at("/per_type/dent/image_auroc").isNumber()).isTrue();
    assertThat(json.at("/counts/resolution/0").asText()).isEqualTo("16x12");
    assertThat(json.at("/run/name").asText()).isEqualTo("lite-sam");
    assertThat(json.get("undefined").size()).isZero();
    try (Stream<Path> files = Files.list(dir.resolve("run"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("metrics.json", "scores.csv", "report.html"); // no temp files
    }
  }

  @Test
  void undefinedMetricsAreNullWithTheirReason() throws Exception {
    List<EvaluatedImage> good = images.stream().filter(e -> !e.defective()).toList();
    MetricsSummary s = MetricsSummary.compute(good, Thresholds.manual(0.4, 0.6, 0.5, 0, 1, 0, 1));
    Path file = dir.resolve("good-only/metrics.json");
    MetricsJson.write(file, s, Map.of());
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("image_auroc").isNull()).isTrue();
    assertThat(json.at("/undefined/image_auroc").asText()).contains("all 3 images are good");
    assertThat(json.at("/undefined/aupro").asText()).contains("no defect region");
    assertThat(json.at("/image_at_threshold/tpr").isNull()).isTrue();
    assertThat(json.at("/undefined/image_at_threshold.tpr").asText()).contains("no defective");
  }

  @Test
  void writesScoresCsvWithQuotedFieldsAndVerdicts() throws Exception {
    EvaluationReportWriter.Written w =
        EvaluationReportWriter.write(
            dir.resolve("run"),
            images,
            summary,
            EvaluationReportWriter.Options.titled("t", Map.of()));
    List<String> lines = Files.readAllLines(w.scoresCsv());
    assertThat(lines.get(0))
        .isEqualTo(
            "path,type,label,score,normalised_score,verdict,neighbour,similarity,output,warnings,error");
    assertThat(lines).hasSize(7);
    assertThat(lines.get(1)).contains(",good,0,0.2,").endsWith(",OK,,,,,");
    assertThat(lines.get(2)).contains(",good,0,0.55,").endsWith(",REVIEW,,,,,");
    List<ScoresCsv.Row> rows = ScoresCsv.read(w.scoresCsv());
    // normalised: OK in (0, 0.25), REVIEW in [0.25, 0.5), NG from 0.5 (the band stays visible)
    assertThat(rows.get(0).normalisedScore()).isGreaterThan(0).isLessThan(0.25);
    assertThat(rows.get(1).normalisedScore()).isGreaterThanOrEqualTo(0.25).isLessThan(0.5);
    assertThat(lines.get(6))
        .startsWith("\"")
        .contains(",\"scratch, odd\",1,0.9,")
        .endsWith(",NG,,,,,");
  }

  @Test
  void htmlReportIsWellFormedSelfContainedAndComplete() throws Exception {
    EvaluationReportWriter.Written w =
        EvaluationReportWriter.write(
            dir.resolve("run"),
            images,
            summary,
            EvaluationReportWriter.Options.titled("Blade & <disc> run", Map.of("preset", "lite")));
    String html = Files.readString(w.html());
    assertThat(html).startsWith("<!DOCTYPE html>");
    // no external resources: no links, scripts or non-data image sources, no http(s) but SVG's
    // xmlns
    assertThat(html).doesNotContain("<link", "<script", "src=\"http", "url(");
    assertThat(html.replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http://", "https://");

    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes("UTF-8")));
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Blade & <disc> run");
    NodeList svgs = doc.getElementsByTagName("svg");
    List<String> charts = new ArrayList<>();
    for (int i = 0; i < svgs.getLength(); i++) {
      charts.add(((Element) svgs.item(i)).getAttribute("aria-label"));
    }
    assertThat(charts)
        .anyMatch(c -> c.startsWith("Image ROC"))
        .anyMatch(c -> c.startsWith("Image PR"))
        .anyMatch(c -> c.startsWith("Pixel ROC"))
        .anyMatch(c -> c.startsWith("Pixel PR"))
        .anyMatch(c -> c.startsWith("Per-region overlap"))
        .anyMatch(c -> c.startsWith("Image scores: good vs defective"));
    assertThat(html).contains(">NG from<", ">OK below<"); // both thresholds drawn on the histogram
    // per-type table: one row per type
    assertThat(html).contains("<td class=\"l\">dent</td>", "<td class=\"l\">scratch, odd</td>");
    // worst cases: decodable PNG overlays for readable files; the missing file is reported
    OpenCv.ensureLoaded();
    NodeList imgs = doc.getElementsByTagName("img");
    assertThat(imgs.getLength()).isEqualTo(5); // 6 shown (3 good + 3 defective), 1 unreadable
    for (int i = 0; i < imgs.getLength(); i++) {
      String src = ((Element) imgs.item(i)).getAttribute("src");
      assertThat(src).startsWith("data:image/png;base64,");
      byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
      var mat = Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_UNCHANGED);
      assertThat(mat.cols()).isEqualTo(16);
      assertThat(mat.rows()).isEqualTo(12);
      assertThat(mat.channels()).isEqualTo(3);
    }
    assertThat(html).contains("image not readable:");
    assertThat(html).contains("compared at the model's resolution (16x12)");
    // charts stay small: pixel curves are thinned to what 400 px can show
    assertThat(html.length()).isLessThan(60_000);
  }
}
