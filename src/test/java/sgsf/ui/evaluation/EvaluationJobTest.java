package sgsf.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.data.Dataset;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.Verdict;
import sgsf.engine.task.CancellationToken;
import sgsf.ui.DemoModels;

class EvaluationJobTest {
  static LoadedModel model;
  static Dataset data;

  @BeforeAll
  static void load() throws Exception {
    long t0 = System.nanoTime();
    model = LoadedModel.load(DemoModels.textureModel());
    data = DemoModels.texture();
    System.out.printf("demo model ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @Test
  void evaluatesTheTestSplitWithGroundTruthAndCalibratedThresholds() {
    List<EvaluationTarget> targets = EvaluationTarget.testSplit(data);
    List<int[]> progress = new ArrayList<>();
    EvaluationResult r =
        EvaluationJob.run(
            model,
            "demo texture",
            targets,
            (d, t) -> progress.add(new int[] {d, t}),
            CancellationToken.none());
    assertThat(r.images()).hasSize(targets.size()).hasSize(50);
    assertThat(r.skipped()).isEmpty();
    assertThat(progress.get(progress.size() - 1)).containsExactly(50, 50);
    assertThat(progress).hasSize((50 + Predictor.BATCH - 1) / Predictor.BATCH);
    ImageResult first = r.images().get(0);
    assertThat(first.map().width()).isEqualTo(32);
    assertThat(first.map().data()).isSameAs(first.evaluated().anomalyMap());
    assertThat(r.images()).allSatisfy(i -> assertThat(i.evaluated()).isNotNull());
    assertThat(r.images().stream().filter(ImageResult::defective).count()).isEqualTo(30);
    assertThat(r.images().stream().filter(i -> i.evaluated().pixelUsable()).count()).isEqualTo(50);
    assertThat(r.explorer()).isNotNull();
    assertThat(r.thresholdsOrigin()).startsWith("review band calibrated");
    // the band: NG above 5 % false rejects, OK below 5 % misses
    assertThat(r.thresholds().imageLower()).isLessThanOrEqualTo(r.thresholds().imageUpper());
    long verdictsNg =
        r.images().stream().filter(i -> r.thresholds().verdict(i.score()) == Verdict.NG).count();
    assertThat(r.explorer().at(r.thresholds()).review().ng()).isEqualTo((int) verdictsNg);
  }

  @Test
  void aPlainFolderIsEvaluatedWithoutGroundTruthAndUnreadableFilesAreListed(@TempDir Path dir)
      throws Exception {
    List<EvaluationTarget> some = EvaluationTarget.testSplit(data).subList(0, 3);
    for (int i = 0; i < some.size(); i++) {
      Files.copy(some.get(i).image(), dir.resolve("img" + i + ".png"));
    }
    Files.writeString(dir.resolve("broken.png"), "not a png");
    List<EvaluationTarget> targets = EvaluationTarget.folder(dir);
    assertThat(targets).hasSize(4).allSatisfy(t -> assertThat(t.defectType()).isNull());
    EvaluationResult r =
        EvaluationJob.run(model, dir.toString(), targets, (d, t) -> {}, CancellationToken.none());
    assertThat(r.images()).hasSize(3);
    assertThat(r.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.path()).isEqualTo(dir.resolve("broken.png"));
              assertThat(s.reason()).isNotBlank();
            });
    assertThat(r.explorer()).isNull();
    assertThat(r.hasGroundTruth()).isFalse();
    assertThat(r.thresholdsOrigin()).startsWith("defaults");
  }

  @Test
  void cancellingStopsBetweenBatches() {
    AtomicInteger batches = new AtomicInteger();
    List<EvaluationTarget> targets = EvaluationTarget.testSplit(data);
    CancellationToken cancellation = new CancellationToken();
    assertThatThrownBy(
            () ->
                EvaluationJob.run(
                    model,
                    "demo",
                    targets,
                    (d, t) -> {
                      if (batches.incrementAndGet() >= 2) {
                        cancellation.cancel();
                      }
                    },
                    cancellation))
        .isInstanceOf(CancellationException.class);
    assertThat(batches.get()).isEqualTo(2);
  }

  /**
   * With the training images' shapes in the model's provenance, an image far larger than them or
   * with channels they never had is warned about, whether it has ground truth (the evaluation path)
   * or not (the inference path); like images get no warning (issue 14 item 4).
   */
  @Test
  void imagesFarFromTheTrainingImagesCarryWarnings(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    List<Path> train = data.trainGood().stream().map(sgsf.engine.data.Sample::image).toList();
    var shapes = sgsf.engine.data.DataFingerprint.of(train).shapes();
    assertThat(shapes).isNotNull();
    LoadedModel m = withTrainingShapes(shapes);
    List<EvaluationTarget> split = EvaluationTarget.testSplit(data);
    var source = sgsf.engine.image.ImageIo.read(split.get(0).image());
    Path big = dir.resolve("big.png");
    sgsf.engine.image.ImageIo.writePng(
        sgsf.engine.image.ImageIo.resize(source, shapes.maxHeight() * 3, shapes.maxWidth() * 3),
        big);
    Path other = dir.resolve("other-channels.png");
    sgsf.engine.image.ImageIo.writePng(
        source.withChannels(shapes.channels().contains(3) ? 1 : 3), other);
    List<EvaluationTarget> targets =
        List.of(
            split.get(0),
            new EvaluationTarget(big, "good", null),
            new EvaluationTarget(split.get(1).image(), null, null),
            new EvaluationTarget(other, null, null));
    EvaluationResult r =
        EvaluationJob.run(m, "mixed", targets, (d, t) -> {}, CancellationToken.none());
    java.util.Map<String, List<String>> warnings = new java.util.HashMap<>();
    for (ImageResult i : r.images()) {
      warnings.put(i.fileName(), i.warnings());
    }
    assertThat(warnings).hasSize(4);
    assertThat(warnings.get(split.get(0).image().getFileName().toString())).isEmpty();
    assertThat(warnings.get(split.get(1).image().getFileName().toString())).isEmpty();
    assertThat(warnings.get("big.png"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("far larger than the training images (" + shapes.sizes() + ")");
    assertThat(warnings.get("other-channels.png"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("image, but the model was trained on");
    // the same model without the shapes (an older bundle): no such warnings
    EvaluationResult older =
        EvaluationJob.run(
            withTrainingShapes(null), "mixed", targets, (d, t) -> {}, CancellationToken.none());
    assertThat(older.images()).allSatisfy(i -> assertThat(i.warnings()).isEmpty());
  }

  /** The demo model with {@code shapes} as its training images' shapes (null: not recorded). */
  private static LoadedModel withTrainingShapes(sgsf.engine.data.ImageShapes shapes) {
    var p = model.model().provenance();
    var provenance =
        p.withFingerprint(new sgsf.engine.data.DataFingerprint(List.of(), "test", shapes));
    return new LoadedModel(
        model.file(),
        new sgsf.engine.model.SgsfModel(model.model().network(), model.model().bank(), provenance),
        model.thresholds(),
        model.id());
  }
}
