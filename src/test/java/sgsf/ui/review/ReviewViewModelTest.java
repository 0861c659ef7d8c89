package sgsf.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;
import sgsf.engine.task.CancellationToken;
import sgsf.io.Json;
import sgsf.io.review.ConfirmedGoodList;
import sgsf.io.review.Review;
import sgsf.io.review.ReviewRequest;
import sgsf.io.review.ReviewStore;
import sgsf.io.review.ReviewVerdict;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.DemoModels;
import sgsf.ui.RecordingNotifier;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.SynchronousTaskRunner;
import sgsf.ui.evaluation.EvaluationJob;
import sgsf.ui.evaluation.EvaluationResult;
import sgsf.ui.evaluation.EvaluationState;
import sgsf.ui.evaluation.EvaluationTarget;
import sgsf.ui.evaluation.ImageResult;
import sgsf.ui.evaluation.LoadedModel;

/** The Review ViewModel on a real evaluation of the tiny demo model, run synchronously. */
class ReviewViewModelTest {
  static EvaluationResult result;

  @TempDir Path tmp;
  private RecordingNotifier notifier;
  private WorkbenchSession session;
  private EvaluationState state;
  private ReviewViewModel vm;
  private Workspace ws;

  @BeforeAll
  static void evaluate() throws Exception {
    LoadedModel m = LoadedModel.load(DemoModels.textureModel());
    EvaluationResult r =
        EvaluationJob.run(
            m,
            "demo texture",
            EvaluationTarget.testSplit(DemoModels.texture()),
            (d, t) -> {},
            CancellationToken.none());
    // a wide review band from the scores themselves (OK below the 30th percentile, NG from the
    // 80th), so the queue's order is tested whatever band the calibration would pick for this model
    double[] scores = r.images().stream().mapToDouble(ImageResult::score).sorted().toArray();
    Thresholds t = r.thresholds();
    Thresholds band =
        Thresholds.manual(
            scores[(int) (0.3 * scores.length)],
            scores[(int) (0.8 * scores.length)],
            t.pixelThreshold(),
            t.imageScoreMin(),
            t.imageScoreMax(),
            t.pixelScoreMin(),
            t.pixelScoreMax());
    result =
        new EvaluationResult(
            r.model(),
            r.source(),
            r.images(),
            r.skipped(),
            r.explorer(),
            band,
            "test band",
            r.seconds());
  }

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.create(tmp.resolve("ws"), DatasetReference.ofDemo("texture"));
    vm = newViewModel();
  }

  private ReviewViewModel newViewModel() {
    notifier = new RecordingNotifier();
    session = new WorkbenchSession(new SynchronousTaskRunner(), notifier);
    state = new EvaluationState();
    ReviewViewModel v = new ReviewViewModel(session, state);
    session.workspaceProperty().set(ws);
    state.publish(result);
    v.reviewerProperty().set("tester");
    return v;
  }

  @AfterEach
  void close() {
    vm.close();
  }

  private ReviewStore reopen() throws Exception {
    vm.close();
    return ReviewStore.open(ws.reviewsDir().resolve(ReviewStore.FILE_NAME));
  }

  @Test
  void theQueueHoldsTheReviewBandFirstThenTheRejects() {
    List<ReviewQueue.Item> q = vm.queue();
    long review =
        result.images().stream()
            .filter(i -> state.getThresholds().verdict(i.score()) == Verdict.REVIEW)
            .count();
    long ng =
        result.images().stream()
            .filter(i -> state.getThresholds().verdict(i.score()) == Verdict.NG)
            .count();
    assertThat(review).isPositive();
    assertThat(q).hasSize((int) (review + ng));
    for (int i = 0; i < review; i++) {
      assertThat(q.get(i).verdict()).isEqualTo(Verdict.REVIEW);
    }
    assertThat(vm.indexProperty().get()).isZero();
    assertThat(vm.loadedProperty().get().item()).isSameAs(q.get(0));
    assertThat(vm.progressTextProperty().get()).isEqualTo("0 of " + q.size() + " reviewed");
    vm.includeOkProperty().set(true);
    assertThat(vm.queue()).hasSize(50);
  }

  @Test
  void aTrueDefectIsStoredWithTheCorrectedMaskAndTheQueueMovesOn() throws Exception {
    ReviewQueue.Item first = vm.queue().get(0);
    BrushMask m = vm.maskProperty().get();
    int predicted = m.area();
    vm.toolProperty().set(ReviewTool.BRUSH);
    vm.brushRadiusProperty().set(5);
    vm.beginStroke(20, 20);
    vm.strokeTo(60, 20);
    vm.endStroke();
    assertThat(m.area()).isGreaterThan(predicted);
    byte[] expected = m.toPng();
    vm.noteProperty().set("scratch, left");
    vm.defectTypeProperty().set("scratch");
    vm.decide(ReviewVerdict.TRUE_DEFECT);
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.indexProperty().get()).isEqualTo(1);
    assertThat(vm.progressTextProperty().get()).startsWith("1 of ");
    try (ReviewStore s = reopen()) {
      Review r = s.find(first.result().image().toString(), result.model().id()).orElseThrow();
      assertThat(r.verdict()).isEqualTo(ReviewVerdict.TRUE_DEFECT);
      assertThat(r.maskPng()).isEqualTo(expected);
      assertThat(r.note()).isEqualTo("scratch, left");
      assertThat(r.defectType()).isEqualTo("scratch");
      assertThat(r.reviewer()).isEqualTo("tester");
      assertThat(r.score()).isEqualTo(first.result().score());
      assertThat(BrushMask.fromPng(r.maskPng(), "m").width()).isEqualTo(128);
    }
  }

  @Test
  void theEraserRemovesAndUndoRestores() {
    BrushMask m = vm.maskProperty().get();
    vm.beginStroke(64, 64);
    vm.endStroke();
    int painted = m.area();
    assertThat(m.get(64, 64)).isTrue();
    vm.toolProperty().set(ReviewTool.ERASER);
    vm.beginStroke(64, 64);
    vm.endStroke();
    assertThat(m.get(64, 64)).isFalse();
    vm.undo();
    assertThat(m.area()).isEqualTo(painted);
    vm.scaleBrush(100);
    assertThat(vm.brushRadiusProperty().get()).isEqualTo(ReviewViewModel.MAX_BRUSH);
  }

  @Test
  void aFalseAlarmIsStoredWithoutMaskAndListedAsConfirmedGood() throws Exception {
    ReviewQueue.Item first = vm.queue().get(0);
    vm.decide(ReviewVerdict.FALSE_ALARM);
    List<Path> good = ConfirmedGoodList.read(ws.reviewsDir().resolve(ConfirmedGoodList.FILE_NAME));
    assertThat(good).containsExactly(first.result().image());
    vm.previous();
    assertThat(vm.verdictProperty().get()).isEqualTo(ReviewVerdict.FALSE_ALARM);
    vm.decide(ReviewVerdict.TRUE_DEFECT);
    assertThat(ConfirmedGoodList.read(ws.reviewsDir().resolve(ConfirmedGoodList.FILE_NAME)))
        .isEmpty();
    try (ReviewStore s = reopen()) {
      assertThat(s.history(first.result().image().toString(), result.model().id()))
          .extracting(h -> h.verdict())
          .containsExactly(ReviewVerdict.FALSE_ALARM, ReviewVerdict.TRUE_DEFECT);
    }
  }

  @Test
  void reviewsAreThereAfterARestartAndEditsOfTheCurrentImageAreShown() {
    vm.noteProperty().set("first");
    vm.decide(ReviewVerdict.UNSURE);
    vm.decide(ReviewVerdict.TRUE_DEFECT);
    vm.decide(ReviewVerdict.FALSE_ALARM);
    ReviewQueue.Item second = vm.queue().get(1);
    vm.close();

    vm = newViewModel();
    assertThat(vm.reviewedInQueueProperty().get()).isEqualTo(3);
    assertThat(vm.progressTextProperty().get()).startsWith("3 of ");
    vm.go(0);
    assertThat(vm.verdictProperty().get()).isEqualTo(ReviewVerdict.UNSURE);
    assertThat(vm.noteProperty().get()).isEqualTo("first");
    vm.go(1);
    assertThat(vm.currentProperty().get().result()).isSameAs(second.result());
    assertThat(vm.verdictProperty().get()).isEqualTo(ReviewVerdict.TRUE_DEFECT);
    assertThat(vm.history()).singleElement().extracting(h -> h.reviewer()).isEqualTo("tester");
    vm.nextUnreviewed();
    assertThat(vm.indexProperty().get()).isEqualTo(3);
  }

  @Test
  void lineFindingsFiledByAnEarlierProcessAreQueuedAfterARestart() throws Exception {
    vm.close();
    // the line's model: the demo model with the test band as its thresholds
    Path modelFile =
        Files.copy(
            DemoModels.textureModel(),
            Files.createDirectories(ws.modelsDir())
                .resolve(DemoModels.textureModel().getFileName()));
    sgsf.io.ModelBundle.writeThresholds(
        modelFile, sgsf.io.report.ThresholdsJson.toJson(result.thresholds()));
    LoadedModel m = LoadedModel.load(modelFile);
    Thresholds t = m.thresholds();
    List<ImageResult> flagged =
        result.images().stream().filter(i -> t.verdict(i.score()) != Verdict.OK).limit(3).toList();
    assertThat(flagged).isNotEmpty();
    // what the line's review sink files (tested in LineRunTest), here written directly
    try (ReviewStore s = ReviewStore.open(ws.reviewsDir().resolve(ReviewStore.FILE_NAME))) {
      for (ImageResult i : flagged) {
        s.request(
            new ReviewRequest(
                i.image().toString(),
                m.id(),
                m.file().toAbsolutePath().toString(),
                t.verdict(i.score()).name(),
                i.score(),
                null,
                "line folder:/hot " + i.fileName(),
                java.time.Instant.now()));
      }
    }

    vm = newViewModel();
    assertThat(vm.lineFindingsProperty().get()).isEqualTo(flagged.size());
    vm.openLineFindings();
    assertThat(notifier.errors).isEmpty();
    assertThat(state.getResult().source()).isEqualTo(LineFindings.SOURCE);
    assertThat(vm.queue())
        .extracting(q -> q.result().image())
        .containsExactlyInAnyOrderElementsOf(flagged.stream().map(ImageResult::image).toList());
    vm.decide(ReviewVerdict.FALSE_ALARM);
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.lineFindingsProperty().get()).isEqualTo(flagged.size() - 1);
  }

  @Test
  void reviewsAreExportedAsCsvJsonAndMvtecMasks() throws Exception {
    vm.defectTypeProperty().set("crack");
    vm.decide(ReviewVerdict.TRUE_DEFECT);
    vm.decide(ReviewVerdict.FALSE_ALARM);
    Path csv = tmp.resolve("out/reviews.csv");
    Path json = tmp.resolve("out/reviews.json");
    Path masks = tmp.resolve("out/masks");
    vm.export(ReviewViewModel.Export.CSV, csv);
    vm.export(ReviewViewModel.Export.JSON, json);
    vm.export(ReviewViewModel.Export.MASKS, masks);
    assertThat(notifier.errors).isEmpty();
    assertThat(Files.readAllLines(csv)).hasSize(3);
    JsonNode root = Json.mapper().readTree(json.toFile());
    assertThat(root.get("reviews")).hasSize(2);
    try (var files = Files.walk(masks.resolve("ground_truth"))) {
      assertThat(files.filter(Files::isRegularFile).toList())
          .singleElement()
          .satisfies(p -> assertThat(p.getParent().getFileName().toString()).isEqualTo("crack"));
    }
    assertThat(notifier.infos).anyMatch(s -> s.startsWith("1 masks written"));
  }

  @Test
  void savingWithoutAVerdictAsksForOne() {
    assertThat(vm.save()).isFalse();
    assertThat(notifier.infos).anyMatch(s -> s.contains("Choose a verdict"));
  }
}
