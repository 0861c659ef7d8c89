package sgsf.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.data.Dataset;
import sgsf.engine.metrics.ConfusionCounts;
import sgsf.engine.metrics.ThresholdView;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.DemoModels;
import sgsf.ui.RecordingNotifier;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.SynchronousTaskRunner;
import sgsf.ui.review.ReviewViewModel;

/** The Evaluate ViewModel on a tiny real demo model, run synchronously without a window. */
class EvaluateViewModelTest {
  static Path modelFile;
  static Dataset data;

  @TempDir Path tmp;
  private RecordingNotifier notifier;
  private EvaluationState state;
  private EvaluateViewModel vm;
  private Path copy;
  private Workspace ws;

  @BeforeAll
  static void model() throws Exception {
    modelFile = DemoModels.textureModel();
    data = DemoModels.texture();
  }

  @BeforeEach
  void setUp() throws Exception {
    notifier = new RecordingNotifier();
    WorkbenchSession session = new WorkbenchSession(new SynchronousTaskRunner(), notifier);
    ws = Workspace.create(tmp.resolve("ws"), DatasetReference.ofDemo("texture"));
    copy = ws.modelsDir().resolve("texture.zip");
    Files.copy(modelFile, copy);
    session.datasetProperty().set(data);
    state = new EvaluationState();
    vm = new EvaluateViewModel(session, state);
    session.workspaceProperty().set(ws);
  }

  private void evaluate() {
    assertThat(vm.modelChooser().models()).containsExactly(copy);
    assertThat(vm.modelChooser().modelFileProperty().get()).isEqualTo(copy);
    assertThat(vm.modelChooser().modelProperty().get()).isNotNull();
    assertThat(vm.runPane().canRunProperty().get()).isTrue();
    vm.runPane().run();
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.runPane().runningProperty().get()).isFalse();
    assertThat(state.getResult()).isNotNull();
  }

  /** The image confusion counts at NG, counted directly from the rows. */
  private ConfusionCounts countAtNg(double upper) {
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (ResultRow r : vm.resultsPane().rows()) {
      boolean ng = r.score() >= upper;
      if (r.result().defective()) {
        if (ng) {
          tp++;
        } else {
          fn++;
        }
      } else if (ng) {
        fp++;
      } else {
        tn++;
      }
    }
    return new ConfusionCounts(tp, fp, tn, fn);
  }

  @Test
  void evaluatingTheTestSplitFillsTheTableAndTheMetrics() {
    evaluate();
    assertThat(vm.resultsPane().rows()).hasSize(50);
    assertThat(vm.resultsPane().typeChoices())
        .containsExactly(ResultsPaneModel.ALL_TYPES, "crack", "good", "scratch", "spot");
    assertThat(vm.runPane().statusProperty().get()).startsWith("50 images evaluated");
    assertThat(vm.thresholdsPane().metrics())
        .extracting(MetricLine::group, MetricLine::name)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Image", "AUROC"),
            org.assertj.core.groups.Tuple.tuple("Pixel", "AUPRO@0.3"),
            org.assertj.core.groups.Tuple.tuple("Pixel at threshold", "IoU"));
    Thresholds t = state.getThresholds();
    ThresholdView v = vm.thresholdsPane().thresholdViewProperty().get();
    assertThat(v.imageAtNg()).isEqualTo(countAtNg(t.imageUpper()));
    for (ResultRow r : vm.resultsPane().rows()) {
      assertThat(r.verdict()).isEqualTo(t.verdict(r.score()));
    }
  }

  /**
   * After a model fails to open, the previous model's results are not shown under its name: the
   * table and the shared result are cleared and the status says what failed (issue 14 item 13).
   */
  @Test
  void aModelThatFailsToOpenClearsThePreviousResultsAndSaysWhatFailed() throws Exception {
    evaluate();
    assertThat(vm.resultsPane().rows()).isNotEmpty();
    Path broken = Files.write(copy.resolveSibling("broken.zip"), new byte[] {1, 2, 3});
    vm.modelChooser().modelFileProperty().set(broken);
    assertThat(vm.modelChooser().modelProperty().get()).isNull();
    assertThat(vm.resultsPane().rows()).isEmpty();
    assertThat(state.getResult()).isNull();
    assertThat(vm.runPane().canRunProperty().get()).isFalse();
    assertThat(vm.runPane().statusProperty().get()).contains("Could not open", "broken.zip");
    assertThat(vm.modelChooser().errorProperty().get()).contains("broken.zip");
  }

  @Test
  void movingTheNgThresholdUpdatesVerdictsConfusionAndMetricsAtOnce() {
    evaluate();
    double[] scores =
        vm.resultsPane().rows().stream().mapToDouble(ResultRow::score).sorted().toArray();
    double median = scores[scores.length / 2];
    vm.thresholdsPane().setImageUpper(median);
    ConfusionCounts atMedian = vm.thresholdsPane().thresholdViewProperty().get().imageAtNg();
    assertThat(atMedian).isEqualTo(countAtNg(median));
    assertThat(atMedian.tp() + atMedian.fp()).isEqualTo(scores.length - scores.length / 2);
    // the table's normalised score follows the NG threshold: 0.5 exactly there, NG at >= 0.5
    for (ResultRow r : vm.resultsPane().rows()) {
      double n = r.normalisedScoreProperty().get();
      assertThat(n >= 0.5)
          .as("%s: score %s, normalised %s", r.name(), r.score(), n)
          .isEqualTo(r.verdict() == Verdict.NG);
      if (r.score() == median) {
        assertThat(n).isEqualTo(0.5);
      }
    }
    double above = scores[scores.length - 1] + 1e-3;
    vm.thresholdsPane().setImageUpper(above);
    ConfusionCounts none = vm.thresholdsPane().thresholdViewProperty().get().imageAtNg();
    assertThat(none.tp() + none.fp()).isZero();
    assertThat(vm.resultsPane().rows()).noneMatch(r -> r.verdict() == Verdict.NG);
    assertThat(vm.thresholdsPane().lastUpdateNanosProperty().get()).isPositive();
    // an OK threshold moved above the NG threshold pushes it along, and the other way round
    vm.thresholdsPane().setImageLower(above + 1);
    assertThat(state.getThresholds().imageLower()).isEqualTo(above + 1);
    assertThat(state.getThresholds().imageUpper()).isEqualTo(above + 1);
    vm.thresholdsPane().setImageUpper(median);
    assertThat(state.getThresholds().imageLower()).isEqualTo(median);
    vm.thresholdsPane().setImageBand(0.9, 0.1);
    assertThat(state.getThresholds().imageLower()).isEqualTo(0.1);
    assertThat(state.getThresholds().imageUpper()).isEqualTo(0.9);
    vm.thresholdsPane().resetThresholds();
    assertThat(state.getThresholds()).isEqualTo(state.getResult().thresholds());
  }

  @Test
  void filtersCombineTextTypeAndVerdict() {
    evaluate();
    vm.resultsPane().typeFilterProperty().set("crack");
    assertThat(vm.resultsPane().filteredRows())
        .hasSize(10)
        .allMatch(r -> r.groundTruth().equals("crack"));
    vm.resultsPane().verdictFilterProperty().set(Verdict.NG);
    assertThat(vm.resultsPane().filteredRows())
        .allMatch(r -> r.verdict() == Verdict.NG && r.groundTruth().equals("crack"));
    vm.resultsPane().typeFilterProperty().set(ResultsPaneModel.ALL_TYPES);
    vm.resultsPane().verdictFilterProperty().set(null);
    String name = vm.resultsPane().rows().get(3).name();
    vm.resultsPane().filterTextProperty().set(name.toUpperCase());
    assertThat(vm.resultsPane().filteredRows()).extracting(ResultRow::name).contains(name);
    assertThat(vm.resultsPane().filteredRows().size()).isLessThan(50);
  }

  @Test
  void thresholdsAreSavedIntoTheModelFileAndReadBack() throws Exception {
    evaluate();
    assertThat(vm.thresholdsPane().thresholdsSavedProperty().get()).isFalse();
    vm.thresholdsPane().setImageBand(0.2, 0.3);
    vm.thresholdsPane().setPixelThreshold(0.4);
    Thresholds t = state.getThresholds();
    vm.thresholdsPane().saveThresholds();
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.thresholdsPane().thresholdsSavedProperty().get()).isTrue();
    LoadedModel back = LoadedModel.load(copy);
    assertThat(back.thresholds()).isEqualTo(t);
    assertThat(back.id()).isEqualTo(vm.modelChooser().modelProperty().get().id());
    vm.thresholdsPane().setImageUpper(0.35);
    assertThat(vm.thresholdsPane().thresholdsSavedProperty().get()).isFalse();
    // a new evaluation now starts from the stored thresholds
    vm.runPane().run();
    assertThat(state.getResult().thresholdsOrigin()).isEqualTo("stored in the model");
    assertThat(state.getThresholds()).isEqualTo(t);
  }

  @Test
  void theHtmlReportIsWrittenForTheCurrentThresholds() throws Exception {
    evaluate();
    Path folder = vm.report().defaultReportFolder();
    assertThat(folder.getParent()).isEqualTo(tmp.resolve("ws").resolve("runs"));
    vm.report().exportReport(folder);
    assertThat(notifier.errors).isEmpty();
    Path html = vm.report().lastReportProperty().get();
    assertThat(html).isEqualTo(folder.resolve("report.html"));
    String text = Files.readString(html);
    assertThat(text).contains("SGSF evaluation: texture.zip").contains("<svg");
    assertThat(Files.exists(folder.resolve("metrics.json"))).isTrue();
    assertThat(Files.readAllLines(folder.resolve("scores.csv"))).hasSize(51);
  }

  /**
   * Thresholds moved by hand are reported as such: the report's run says where they came from
   * instead of repeating the starting thresholds' origin.
   */
  @Test
  void aReportAtThresholdsMovedByHandSaysSo() throws Exception {
    evaluate();
    String started = state.getResult().thresholdsOrigin();
    Path asStarted = tmp.resolve("as-started");
    vm.report().exportReport(asStarted);
    vm.thresholdsPane().setImageBand(0.2, 0.3);
    Path moved = tmp.resolve("moved");
    vm.report().exportReport(moved);
    assertThat(notifier.errors).isEmpty();
    com.fasterxml.jackson.databind.JsonNode first =
        sgsf.io.Json.mapper().readTree(asStarted.resolve("metrics.json").toFile()).get("run");
    com.fasterxml.jackson.databind.JsonNode second =
        sgsf.io.Json.mapper().readTree(moved.resolve("metrics.json").toFile()).get("run");
    assertThat(first.get("thresholds_from").asText())
        .isEqualTo(sgsf.workflow.EvaluationWorkflow.THRESHOLDS_FROM_MODEL);
    assertThat(first.get("thresholds_origin").asText()).isEqualTo(started);
    assertThat(second.get("thresholds_from").asText())
        .isEqualTo(sgsf.workflow.EvaluationWorkflow.THRESHOLDS_FROM_EVALUATE_VIEW);
    assertThat(second.get("thresholds_origin").asText())
        .startsWith("moved by hand")
        .contains(started);
  }

  @Test
  void selectingARowLoadsTheImageAndItsGroundTruth() {
    evaluate();
    ResultRow crack =
        vm.resultsPane().rows().stream()
            .filter(r -> r.groundTruth().equals("crack"))
            .findFirst()
            .orElseThrow();
    vm.resultsPane().selectedRowProperty().set(crack);
    EvaluationDetail d = vm.detailPane().detailProperty().get();
    assertThat(d.result()).isSameAs(crack.result());
    assertThat(d.image().width()).isEqualTo(128);
    assertThat(d.groundTruth()).isNotNull();
    assertThat(d.groundTruth().mean()).isPositive();
    assertThat(state.selectedProperty().get()).isSameAs(crack.result());
    ResultRow good =
        vm.resultsPane().rows().stream()
            .filter(r -> r.groundTruth().equals("good"))
            .findFirst()
            .orElseThrow();
    assertThat(vm.resultsPane().select(good.result())).isTrue();
    assertThat(vm.detailPane().detailProperty().get().groundTruth()).isNull();
  }

  @Test
  void aFolderWithoutGroundTruthIsEvaluatedWithoutMetrics() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("incoming"));
    List<Path> some = data.test().stream().limit(3).map(s -> s.image()).toList();
    for (int i = 0; i < some.size(); i++) {
      Files.copy(some.get(i), dir.resolve("part" + i + ".png"));
    }
    vm.runPane().folderProperty().set(dir);
    evaluate();
    assertThat(vm.resultsPane().rows()).hasSize(3).allMatch(r -> r.groundTruth().equals("unknown"));
    assertThat(vm.thresholdsPane().thresholdViewProperty().get()).isNull();
    assertThat(vm.thresholdsPane().metrics())
        .singleElement()
        .extracting(MetricLine::note)
        .asString()
        .contains("no ground truth");
    vm.report().exportReport(tmp.resolve("r"));
    assertThat(notifier.infos).anyMatch(s -> s.contains("no ground truth"));
  }

  /** A fresh session on the same workspace and dataset, as after a restart of the workbench. */
  private record Restarted(
      RecordingNotifier notifier,
      EvaluationState state,
      EvaluateViewModel vm,
      ReviewViewModel review) {
    static Restarted on(Workspace ws) throws Exception {
      RecordingNotifier n = new RecordingNotifier();
      WorkbenchSession session = new WorkbenchSession(new SynchronousTaskRunner(), n);
      session.datasetProperty().set(data);
      EvaluationState state = new EvaluationState();
      EvaluateViewModel vm = new EvaluateViewModel(session, state);
      ReviewViewModel review = new ReviewViewModel(session, state);
      review.includeOkProperty().set(true);
      session.workspaceProperty().set(Workspace.open(ws.dir()));
      return new Restarted(n, state, vm, review);
    }
  }

  /**
   * The last evaluation of a model is kept in the workspace and comes back when the model is opened
   * again after a restart: the table, the thresholds, the metrics and the Review queue (issue 14
   * item 13).
   */
  @Test
  void theLastEvaluationOfAModelComesBackAfterARestart() throws Exception {
    evaluate();
    List<String> rowsBefore =
        vm.resultsPane().rows().stream().map(r -> r.result().image() + " " + r.score()).toList();
    List<MetricLine> metricsBefore = List.copyOf(vm.thresholdsPane().metrics());
    Thresholds thresholdsBefore = state.getThresholds();
    String id = vm.modelChooser().modelProperty().get().id();
    assertThat(EvaluationArchive.fileFor(ws, id)).isRegularFile();

    Restarted after = Restarted.on(ws);
    try {
      assertThat(after.vm().modelChooser().modelProperty().get()).isNotNull();
      assertThat(
              after.vm().resultsPane().rows().stream()
                  .map(r -> r.result().image() + " " + r.score()))
          .containsExactlyElementsOf(rowsBefore);
      assertThat(after.state().getThresholds()).isEqualTo(thresholdsBefore);
      assertThat(after.vm().thresholdsPane().metrics()).containsExactlyElementsOf(metricsBefore);
      assertThat(after.vm().resultsPane().rows().get(0).result().map().data())
          .containsExactly(vm.resultsPane().rows().get(0).result().map().data());
      assertThat(after.review().queue()).hasSize(rowsBefore.size());
      assertThat(after.vm().runPane().statusProperty().get())
          .startsWith("Last evaluation restored: 50");
      assertThat(after.notifier().errors).isEmpty();
    } finally {
      after.review().close();
    }
  }

  /** A damaged or foreign kept evaluation is ignored: the model opens, nothing is shown. */
  @Test
  void aDamagedOrForeignKeptEvaluationDoesNotKeepTheModelFromOpening() throws Exception {
    evaluate();
    LoadedModel m = vm.modelChooser().modelProperty().get();
    Path kept = EvaluationArchive.fileFor(ws, m.id());
    EvaluationResult r = state.getResult();
    LoadedModel other = new LoadedModel(m.file(), m.model(), m.thresholds(), "other.zip@1970");
    EvaluationArchive.save(
        ws,
        new EvaluationResult(
            other,
            r.source(),
            r.images(),
            r.skipped(),
            r.explorer(),
            r.thresholds(),
            r.thresholdsOrigin(),
            r.seconds()));
    Files.move(
        EvaluationArchive.fileFor(ws, other.id()),
        kept,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    byte[] truncated = Files.readAllBytes(kept);
    for (byte[] content :
        List.of(
            Files.readAllBytes(kept),
            java.util.Arrays.copyOf(truncated, truncated.length / 2),
            "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      Files.write(kept, content);
      Restarted after = Restarted.on(ws);
      try {
        assertThat(after.vm().modelChooser().modelProperty().get()).isNotNull();
        assertThat(after.vm().runPane().canRunProperty().get()).isTrue();
        assertThat(after.vm().resultsPane().rows()).isEmpty();
        assertThat(after.review().queue()).isEmpty();
        assertThat(after.notifier().errors).isEmpty();
      } finally {
        after.review().close();
      }
    }
  }
}
