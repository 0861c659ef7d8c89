package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.report.MetricsJson;

class CompareCommandTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path evaluated(String name, double defectiveScore) throws Exception {
    List<EvaluatedImage> images =
        List.of(
            EvaluatedImage.scoreOnly("g0", "good", 0, 0.2),
            EvaluatedImage.scoreOnly("g1", "good", 0, 0.4),
            EvaluatedImage.scoreOnly("d0", "dent", 1, defectiveScore));
    Path folder = dir.resolve(name);
    MetricsJson.write(
        folder.resolve("metrics.json"),
        MetricsSummary.compute(images, Thresholds.manual(0.5, 0.5, 0.5, 0, 1, 0, 1)),
        Map.of());
    return folder;
  }

  @Test
  void printsOneTableAndWritesCsvAndHtml() throws Exception {
    Path a = evaluated("guided", 0.9); // AUROC 1
    Path b = evaluated("unguided", 0.3); // AUROC 0.5
    Path csv = dir.resolve("out/table.csv");
    Path html = dir.resolve("out/table.html");
    CliRun r =
        run(
            "compare",
            a.toString(),
            b.toString(),
            "--csv",
            csv.toString(),
            "--html",
            html.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("guided", "unguided", "1.0000*", "0.5000");
    assertThat(Files.readAllLines(csv)).hasSize(3);
    assertThat(Files.readString(html)).contains("<b>1.0000</b>");
  }

  @Test
  void aMissingRunIsAClearError() {
    CliRun r = run("compare", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("compare:").contains("nope").contains("no metrics.json here");
  }
}
