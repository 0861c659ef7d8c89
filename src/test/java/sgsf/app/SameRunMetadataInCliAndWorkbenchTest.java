package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.DemoDataset;
import sgsf.io.Json;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.DemoModels;
import sgsf.ui.RecordingNotifier;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.SynchronousTaskRunner;
import sgsf.ui.evaluation.EvaluateViewModel;
import sgsf.ui.evaluation.EvaluationState;
import sgsf.workflow.EvaluationWorkflow;

/**
 * The same model on the same test split: the report of {@code sgsf eval} and the report the
 * Evaluate view exports carry the same {@code run} metadata, field for field, because both are
 * built by {@link EvaluationWorkflow.RunInfo}.
 */
class SameRunMetadataInCliAndWorkbenchTest {
  @TempDir Path dir;

  @Test
  void cliAndWorkbenchReportsCarryTheSameRunMetadata() throws Exception {
    Path data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.TEXTURE);
    Dataset dataset = DatasetScanner.scan(data);
    Workspace ws = Workspace.create(dir.resolve("ws"), DatasetReference.ofDemo("texture"));
    Path model = Files.copy(DemoModels.textureModel(), ws.modelsDir().resolve("texture.zip"));

    // the command line's report
    Path cliOut = dir.resolve("cli");
    Sgsf.Run run = Sgsf.eval(model, data, cliOut);
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode cli = Json.mapper().readTree(cliOut.resolve("metrics.json").toFile()).get("run");

    // the workbench's report, exported from the Evaluate view at its starting thresholds
    RecordingNotifier notifier = new RecordingNotifier();
    WorkbenchSession session = new WorkbenchSession(new SynchronousTaskRunner(), notifier);
    session.datasetProperty().set(dataset);
    EvaluateViewModel vm = new EvaluateViewModel(session, new EvaluationState());
    session.workspaceProperty().set(ws);
    assertThat(vm.modelChooser().modelFileProperty().get()).isEqualTo(model);
    vm.runPane().run();
    Path guiOut = dir.resolve("gui");
    vm.report().exportReport(guiOut);
    assertThat(notifier.errors).isEmpty();
    JsonNode gui = Json.mapper().readTree(guiOut.resolve("metrics.json").toFile()).get("run");

    assertThat(fieldNames(cli)).isEqualTo(EvaluationWorkflow.RunInfo.KEYS);
    assertThat(fieldNames(gui)).isEqualTo(EvaluationWorkflow.RunInfo.KEYS);
    for (String key : EvaluationWorkflow.RunInfo.KEYS) {
      assertThat(gui.get(key).isNull()).as(key).isFalse();
      if (!key.equals("dataset")) {
        assertThat(gui.get(key)).as(key).isEqualTo(cli.get(key));
      }
    }
    assertThat(cli.get("model").asText()).isEqualTo(model.toAbsolutePath().toString());
    assertThat(cli.get("thresholds_from").asText())
        .isEqualTo(EvaluationWorkflow.THRESHOLDS_FROM_MODEL);
    // the command line names the dataset's folder; the workbench what its Evaluate view ran on
    assertThat(cli.get("dataset").asText()).isEqualTo(dataset.root().toString());
    assertThat(gui.get("dataset").asText()).startsWith(dataset.name() + ", test split");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
