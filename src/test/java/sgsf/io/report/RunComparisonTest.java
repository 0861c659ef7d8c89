package sgsf.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.Thresholds;

class RunComparisonTest {
  @TempDir Path dir;

  /** A run whose good images score 0.1..0.4 and defective ones the given scores. */
  private Path run(String folder, Map<String, ?> meta, double... defective) throws Exception {
    List<EvaluatedImage> images = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      images.add(EvaluatedImage.scoreOnly("g" + i, "good", 0, 0.1 * (i + 1)));
    }
    for (int i = 0; i < defective.length; i++) {
      images.add(EvaluatedImage.scoreOnly("d" + i, "dent", 1, defective[i]));
    }
    Path p = dir.resolve(folder);
    MetricsJson.write(
        p.resolve(MetricsJson.FILE_NAME),
        MetricsSummary.compute(images, Thresholds.manual(0.5, 0.5, 0.5, 0, 1, 0, 1)),
        meta);
    return p;
  }

  @Test
  void tabulatesRunsAndMarksTheBest() throws Exception {
    // sam: defective 0.9, 0.35 -> (defective, good) pairs ranked right: 4 + 3 = 7 of 8 -> 0.875
    // perlin: defective 0.25, 0.15 -> (2 + 1)/8 = 0.375
    Path sam = run("sam", Map.of(), 0.9, 0.35);
    Path perlin = run("x", Map.of("name", "perlin"), 0.25, 0.15);
    RunComparison c = RunComparison.load(List.of(sam, perlin.resolve("metrics.json")));
    assertThat(c.rows()).extracting(RunComparison.Row::name).containsExactly("sam", "perlin");
    assertThat(c.rows().get(0).values().get("image_auroc")).isEqualTo(0.875);
    assertThat(c.rows().get(1).values().get("image_auroc")).isEqualTo(0.375);
    assertThat(c.rows().get(0).values().get("pixel_auroc")).isNull(); // no maps: undefined
    String text = c.toText();
    assertThat(text.lines().toList().get(0)).startsWith("run").contains("image_auroc", "aupro");
    assertThat(text).contains("0.8750*").contains("0.3750 ").contains("best in its column");
    String csv = c.toCsv();
    assertThat(csv.lines().toList().get(0))
        .isEqualTo(
            "run,image_auroc,image_ap,image_f1_max,pixel_auroc,pixel_ap,pixel_f1_max,aupro,images,source");
    assertThat(csv.lines().toList().get(1)).startsWith("sam,0.875,").contains(",,,,,6,");
    String html = c.toHtml();
    var doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("tr").getLength()).isEqualTo(3);
    assertThat(html).contains("<b>0.8750</b>");
  }

  @Test
  void sameNamesAreMadeDistinctAndBadRunsAreNamed() throws Exception {
    Path a = run("a/run", Map.of(), 0.9);
    Path b = run("b/run", Map.of(), 0.8);
    assertThat(RunComparison.load(List.of(a, b)).rows())
        .extracting(RunComparison.Row::name)
        .containsExactly("run", "run (2)");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> RunComparison.load(List.of(empty)))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("empty")
        .hasMessageContaining("no metrics.json here");
    Path notMetrics = dir.resolve("other.json");
    Files.writeString(notMetrics, "{\"a\": 1}");
    assertThatThrownBy(() -> RunComparison.load(List.of(notMetrics)))
        .hasMessageContaining("other.json: not an sgsf metrics file");
  }
}
