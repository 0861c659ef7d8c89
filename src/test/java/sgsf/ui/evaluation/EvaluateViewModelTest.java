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
    assertThat(vm.models()).containsExactly(copy);
    assertThat(vm.modelFileProperty().get()).isEqualTo(copy);
    assertThat(vm.modelProperty().get()).isNotNull();
    assertThat(vm.canRunProperty().get()).isTrue();
    vm.run();
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.runningProperty().get()).isFalse();
    assertThat(state.getResult()).isNotNull();
  }

  /** The image confusion counts at NG, counted directly from the rows. */
  private ConfusionCounts countAtNg(double upper) {
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (ResultRow r : vm.rows()) {
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
    assertThat(vm.rows()).hasSize(50);
    assertThat(vm.typeChoices())
        .containsExactly(EvaluateViewModel.ALL_TYPES, "crack", "good", "scratch", "spot");
    assertThat(vm.statusProperty().get()).startsWith("50 images evaluated");
    assertThat(vm.metrics())
        .extracting(MetricLine::group, MetricLine::name)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Image", "AUROC"),
            org.assertj.core.groups.Tuple.tuple("Pixel", "AUPRO@0.3"),
            org.assertj.core.groups.Tuple.tuple("Pixel at threshold", "IoU"));
    Thresholds t = state.getThresholds();
    ThresholdView v = vm.thresholdViewProperty().get();
    assertThat(v.imageAtNg()).isEqualTo(countAtNg(t.imageUpper()));
    for (ResultRow r : vm.rows()) {
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
    assertThat(vm.rows()).isNotEmpty();
    Path broken = Files.write(copy.resolveSibling("broken.zip"), new byte[] {1, 2, 3});
    vm.modelFileProperty().set(broken);
    assertThat(vm.modelProperty().get()).isNull();
    assertThat(vm.rows()).isEmpty();
    assertThat(state.getResult()).isNull();
    assertThat(vm.canRunProperty().get()).isFalse();
    assertThat(vm.statusProperty().get()).contains("Could not open", "broken.zip");
    assertThat(vm.modelChooser().errorProperty().get()).contains("broken.zip");
  }

  @Test
  void movingTheNgThresholdUpdatesVerdictsConfusionAndMetricsAtOnce() {
    evaluate();
    double[] scores = vm.rows().stream().mapToDouble(ResultRow::score).sorted().toArray();
    double median = scores[scores.length / 2];
    vm.setImageUpper(median);
    ConfusionCounts atMedian = vm.thresholdViewProperty().get().imageAtNg();
    assertThat(atMedian).isEqualTo(countAtNg(median));
    assertThat(atMedian.tp() + atMedian.fp()).isEqualTo(scores.length - scores.length / 2);
    // the table's normalised score follows the NG threshold: 0.5 exactly there, NG at >= 0.5
    for (ResultRow r : vm.rows()) {
      double n = r.normalisedScoreProperty().get();
      assertThat(n >= 0.5)
          .as("%s: score %s, normalised %s", r.name(), r.score(), n)
          .isEqualTo(r.verdict() == Verdict.NG);
      if (r.score() == median) {
        assertThat(n).isEqualTo(0.5);
      }
    }
    double above = scores[scores.length - 1] + 1e-3;
    vm.setImageUpper(above);
    ConfusionCounts none = vm.thresholdViewProperty().get().imageAtNg();
    assertThat(none.tp() + none.fp()).isZero();
    assertThat(vm.rows()).noneMatch(r -> r.verdict() == Verdict.NG);
    assertThat(vm.lastUpdateNanosProperty().get()).isPositive();
    // an OK threshold moved above the NG threshold pushes it along, and the other way round
    vm.setImageLower(above + 1);
    assertThat(state.getThresholds().imageLower()).isEqualTo(above + 1);
    assertThat(state.getThresholds().imageUpper()).isEqualTo(above + 1);
    vm.setImageUpper(median);
    assertThat(state.getThresholds().imageLower()).isEqualTo(median);
    vm.setImageBand(0.9, 0.1);
    assertThat(state.getThresholds().imageLower()).isEqualTo(0.1);
    assertThat(state.getThresholds().imageUpper()).isEqualTo(0.9);
    vm.resetThresholds();
    assertThat(state.getThresholds()).isEqualTo(state.getResult().thresholds());
  }

  @Test
  void filtersCombineTextTypeAndVerdict() {
    evaluate();
    vm.typeFilterProperty().set("crack");
    assertThat(vm.filteredRows()).hasSize(10).allMatch(r -> r.groundTruth().equals("crack"));
    vm.verdictFilterProperty().set(Verdict.NG);
    assertThat(vm.filteredRows())
        .allMatch(r -> r.verdict() == Verdict.NG && r.groundTruth().equals("crack"));
    vm.typeFilterProperty().set(EvaluateViewModel.ALL_TYPES);
    vm.verdictFilterProperty().set(null);
    String name = vm.rows().get(3).name();
    vm.filterTextProperty().set(name.toUpperCase());
    assertThat(vm.filteredRows()).extracting(ResultRow::name).contains(name);
    assertThat(vm.filteredRows().size()).isLessThan(50);
  }

  @Test
  void thresholdsAreSavedIntoTheModelFileAndReadBack() throws Exception {
    evaluate();
    assertThat(vm.thresholdsSavedProperty().get()).isFalse();
    vm.setImageBand(0.2, 0.3);
    vm.setPixelThreshold(0.4);
    Thresholds t = state.getThresholds();
    vm.saveThresholds();
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.thresholdsSavedProperty().get()).isTrue();
    LoadedModel back = LoadedModel.load(copy);
    assertThat(back.thresholds()).isEqualTo(t);
    assertThat(back.id()).isEqualTo(vm.modelProperty().get().id());
    vm.setImageUpper(0.35);
    assertThat(vm.thresholdsSavedProperty().get()).isFalse();
    // a new evaluation now starts from the stored thresholds
    vm.run();
    assertThat(state.getResult().thresholdsOrigin()).isEqualTo("stored in the model");
    assertThat(state.getThresholds()).isEqualTo(t);
  }

  @Test
  void theHtmlReportIsWrittenForTheCurrentThresholds() throws Exception {
    evaluate();
    Path folder = vm.defaultReportFolder();
    assertThat(folder.getParent()).isEqualTo(tmp.resolve("ws").resolve("runs"));
    vm.exportReport(folder);
    assertThat(notifier.errors).isEmpty();
    Path html = vm.lastReportProperty().get();
    assertThat(html).isEqualTo(folder.resolve("report.html"));
    String text = Files.readString(html);
    assertThat(text).contains("SGSF evaluation: texture.zip").contains("<svg");
    assertThat(Files.exists(folder.resolve("metrics.json"))).isTrue();
    assertThat(Files.readAllLines(folder.resolve("scores.csv"))).hasSize(51);
  }

  @Test
  void selectingARowLoadsTheImageAndItsGroundTruth() {
    evaluate();
    ResultRow crack =
        vm.rows().stream().filter(r -> r.groundTruth().equals("crack")).findFirst().orElseThrow();
    vm.selectedRowProperty().set(crack);
    EvaluationDetail d = vm.detailProperty().get();
    assertThat(d.result()).isSameAs(crack.result());
    assertThat(d.image().width()).isEqualTo(128);
    assertThat(d.groundTruth()).isNotNull();
    assertThat(d.groundTruth().mean()).isPositive();
    assertThat(state.selectedProperty().get()).isSameAs(crack.result());
    ResultRow good =
        vm.rows().stream().filter(r -> r.groundTruth().equals("good")).findFirst().orElseThrow();
    assertThat(vm.select(good.result())).isTrue();
    assertThat(vm.detailProperty().get().groundTruth()).isNull();
  }

  @Test
  void aFolderWithoutGroundTruthIsEvaluatedWithoutMetrics() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("incoming"));
    List<Path> some = data.test().stream().limit(3).map(s -> s.image()).toList();
    for (int i = 0; i < some.size(); i++) {
      Files.copy(some.get(i), dir.resolve("part" + i + ".png"));
    }
    vm.folderProperty().set(dir);
    evaluate();
    assertThat(vm.rows()).hasSize(3).allMatch(r -> r.groundTruth().equals("unknown"));
    assertThat(vm.thresholdViewProperty().get()).isNull();
    assertThat(vm.metrics())
        .singleElement()
        .extracting(MetricLine::note)
        .asString()
        .contains("no ground truth");
    vm.exportReport(tmp.resolve("r"));
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
        vm.rows().stream().map(r -> r.result().image() + " " + r.score()).toList();
    List<MetricLine> metricsBefore = List.copyOf(vm.metrics());
    Thresholds thresholdsBefore = state.getThresholds();
    String id = vm.modelProperty().get().id();
    assertThat(EvaluationArchive.fileFor(ws, id)).isRegularFile();

    Restarted after = Restarted.on(ws);
    try {
      assertThat(after.vm().modelProperty().get()).isNotNull();
      assertThat(after.vm().rows().stream().map(r -> r.result().image() + " " + r.score()))
          .containsExactlyElementsOf(rowsBefore);
      assertThat(after.state().getThresholds()).isEqualTo(thresholdsBefore);
      assertThat(after.vm().metrics()).containsExactlyElementsOf(metricsBefore);
      assertThat(after.vm().rows().get(0).result().map().data())
          .containsExactly(vm.rows().get(0).result().map().data());
      assertThat(after.review().queue()).hasSize(rowsBefore.size());
      assertThat(after.vm().statusProperty().get()).startsWith("Last evaluation restored: 50");
      assertThat(after.notifier().errors).isEmpty();
    } finally {
      after.review().close();
    }
  }

  /** A damaged or foreign kept evaluation is ignored: the model opens, nothing is shown. */
  @Test
  void aDamagedOrForeignKeptEvaluationDoesNotKeepTheModelFromOpening() throws Exception {
    evaluate();
    LoadedModel m = vm.modelProperty().get();
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
        assertThat(after.vm().modelProperty().get()).isNotNull();
        assertThat(after.vm().canRunProperty().get()).isTrue();
        assertThat(after.vm().rows()).isEmpty();
        assertThat(after.review().queue()).isEmpty();
        assertThat(after.notifier().errors).isEmpty();
      } finally {
        after.review().close();
      }
    }
  }
}
