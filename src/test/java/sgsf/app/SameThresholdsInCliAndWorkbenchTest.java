package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.task.CancellationToken;
import sgsf.io.Json;
import sgsf.ui.DemoModels;
import sgsf.ui.evaluation.EvaluationJob;
import sgsf.ui.evaluation.EvaluationResult;
import sgsf.ui.evaluation.EvaluationTarget;
import sgsf.ui.evaluation.ImageResult;
import sgsf.ui.evaluation.LoadedModel;

/**
 * The same model without stored thresholds, on the same images: {@code sgsf eval} and the Evaluate
 * view's job choose the same thresholds and give every image the same verdict.
 */
class SameThresholdsInCliAndWorkbenchTest {
  @TempDir Path dir;

  @Test
  void cliAndWorkbenchChooseTheSameThresholdsAndVerdicts() throws Exception {
    Path data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.TEXTURE);
    Dataset dataset = DatasetScanner.scan(data);
    Path model = Files.copy(DemoModels.textureModel(), dir.resolve("model.sgsf"));

    // the workbench's path
    LoadedModel loaded = LoadedModel.load(model);
    assertThat(loaded.thresholds()).as("the model must store no thresholds").isNull();
    EvaluationResult gui =
        EvaluationJob.run(
            loaded,
            "demo",
            EvaluationTarget.testSplit(dataset),
            (d, t) -> {},
            CancellationToken.none());

    // the command line's path
    Path out = dir.resolve("eval");
    Sgsf.Run run = Sgsf.eval(model, data, out);
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
    Thresholds cli = Json.mapper().treeToValue(metrics.get("thresholds"), Thresholds.class);

    assertThat(cli).isEqualTo(gui.thresholds());
    assertThat(gui.thresholds().imageUpperMethod()).isEqualTo("F1_MAX");

    List<String> lines = Files.readAllLines(out.resolve("scores.csv"));
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int path = header.indexOf("path");
    int score = header.indexOf("score");
    int verdict = header.indexOf("verdict");
    Map<String, String[]> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      rows.put(f[path], f);
    }
    assertThat(rows).hasSize(gui.images().size()).hasSize(50);
    for (ImageResult i : gui.images()) {
      String[] row = rows.get(i.image().toString());
      assertThat(row).as(i.image().toString()).isNotNull();
      assertThat(Double.parseDouble(row[score])).isEqualTo(i.score());
      assertThat(row[verdict])
          .as(i.image().toString())
          .isEqualTo(gui.thresholds().verdict(i.score()).name());
    }
  }
}
