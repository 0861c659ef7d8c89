package sgsf.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.Sample;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;
import sgsf.engine.task.CancellationToken;
import sgsf.io.Csv;
import sgsf.io.Json;
import sgsf.io.ModelBundle;
import sgsf.io.report.ScoresCsv;
import sgsf.io.report.ThresholdsJson;
import sgsf.ui.DemoModels;
import sgsf.workflow.EvaluationWorkflow;
import sgsf.workflow.InferenceWorkflow;
import sgsf.workflow.ThresholdChoice;

/**
 * The Spark jobs in a real {@code local[2]} session (one for the class, UI off) on the tiny demo
 * model: the scores equal the in-process predictor's, Parquet and CSV are written, unreadable
 * images become error rows, a labelled run writes sgsf eval's files with the same metrics, and a
 * training table yields loadable bundles and a reason for the spec that fails.
 */
class SparkJobsTest {
  private static SparkSession spark;
  private static Path model;
  private static Dataset demo;

  @TempDir Path dir;

  @BeforeAll
  static void startSession() throws Exception {
    model = DemoModels.textureModel();
    demo = DemoModels.texture();
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("sgsf-spark-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
  }

  @AfterAll
  static void stopSession() {
    if (spark != null) {
      spark.stop();
    }
  }

  private List<Path> sixteenImages(Path folder) throws Exception {
    Files.createDirectories(folder.resolve("sub"));
    List<Path> copies = new ArrayList<>();
    List<Sample> test = demo.test();
    for (int i = 0; i < 16; i++) {
      Path from = test.get(i * test.size() / 16).image();
      Path to = folder.resolve(i % 2 == 0 ? "sub" : ".").resolve(String.format("img%02d.png", i));
      copies.add(Files.copy(from, to.normalize()));
    }
    return copies;
  }

  private static Map<String, Double> inProcessScores(List<Path> files) throws Exception {
    Predictor predictor = new Predictor(ModelBundle.load(model).model());
    Map<String, Double> scores = new HashMap<>();
    InferenceWorkflow.predict(
        predictor,
        files,
        null,
        (d, t) -> {},
        CancellationToken.none(),
        (file, image, p, warnings) -> scores.put(file.getFileName().toString(), p.score()));
    return scores;
  }

  private static String modelName() {
    String f = model.getFileName().toString();
    return f.substring(0, f.lastIndexOf('.'));
  }

  @Test
  void scoresAnImageFolderLikeThePredictorAndTurnsACorruptImageIntoAnErrorRow() throws Exception {
    Path images = dir.resolve("archive");
    List<Path> files = sixteenImages(images);
    Files.writeString(images.resolve("sub/corrupt.png"), "not a png");
    Files.writeString(images.resolve("notes.txt"), "not an image either, and not picked up");
    Path out = dir.resolve("out");
    int loadsBefore = ModelPool.loads();

    ScoringJob.Summary s =
        ScoringJob.run(
            spark,
            new ScoringJob.Options(
                images.toString(),
                null,
                null,
                List.of(model.toString()),
                out.toString(),
                true,
                ScoringJob.Heatmaps.ALL,
                1,
                8));

    // eight tasks on two task threads: the model is loaded at most once per thread, not per task
    assertThat(ModelPool.loads() - loadsBefore).isBetween(0, 2);
    assertThat(s.rows()).isEqualTo(17);
    assertThat(s.errors()).isEqualTo(1);
    assertThat(out.resolve("scores.parquet").resolve("model=" + modelName())).isDirectory();
    List<Row> rows = spark.read().parquet(s.parquet()).collectAsList();
    assertThat(rows).hasSize(17);
    Map<String, Double> expected = inProcessScores(files);
    for (Row r : rows) {
      String name = Path.of(r.<String>getAs("path")).getFileName().toString();
      assertThat(r.<String>getAs(ScoringJob.MODEL)).isEqualTo(modelName());
      assertThat(r.<String>getAs(ScoringJob.MODEL_SHA256)).hasSize(64);
      if (name.equals("corrupt.png")) {
        assertThat(r.<String>getAs(ScoringJob.ERROR)).contains("not a decodable image");
        assertThat(r.<Object>getAs("score")).isNull();
      } else {
        assertThat(r.<String>getAs(ScoringJob.ERROR)).isNull();
        assertThat(r.<Double>getAs("score")).isCloseTo(expected.get(name), within(1e-6));
        assertThat(r.<String>getAs("neighbour")).isNotEmpty();
      }
    }

    List<Map<String, String>> csv =
        Csv.parse(Files.readString(Path.of(s.csv()), StandardCharsets.UTF_8));
    assertThat(csv).hasSize(17);
    assertThat(new ArrayList<>(csv.get(0).keySet())).isEqualTo(ScoringJob.COLUMNS);
    for (Map<String, String> r : csv) {
      String name = Path.of(r.get("path")).getFileName().toString();
      if (!name.equals("corrupt.png")) {
        assertThat(Double.parseDouble(r.get("score"))).isEqualTo(expected.get(name));
      } else {
        assertThat(r.get("score")).isEmpty();
      }
    }
    try (Stream<Path> heatmaps = Files.list(out.resolve("heatmaps").resolve(modelName()))) {
      assertThat(heatmaps.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(16);
    }
  }

  @Test
  void withThresholdsInTheModelRowsCarryVerdictsAndOnlyFlaggedImagesGetHeatmaps() throws Exception {
    Path calibrated = Files.copy(model, dir.resolve("calibrated.zip"));
    Predictor predictor = new Predictor(ModelBundle.load(calibrated).model());
    EvaluationWorkflow.Evaluated e =
        EvaluationWorkflow.evaluate(
            predictor, demo.test(), null, (d, t) -> {}, CancellationToken.none());
    double[] all = e.images().stream().mapToDouble(EvaluatedImage::score).toArray();
    Thresholds thresholds = ThresholdChoice.choose(null, e.images(), all).thresholds();
    ModelBundle.writeThresholds(calibrated, ThresholdsJson.toJson(thresholds));
    Path images = dir.resolve("archive");
    List<Path> files = sixteenImages(images);
    Path out = dir.resolve("out");

    ScoringJob.Summary s =
        ScoringJob.run(
            spark,
            new ScoringJob.Options(
                images.toString(),
                null,
                null,
                List.of(calibrated.toString()),
                out.toString(),
                false,
                ScoringJob.Heatmaps.FLAGGED,
                1,
                0));

    Map<String, Double> expected = inProcessScores(files);
    long flagged = 0;
    for (Row r : spark.read().parquet(s.parquet()).collectAsList()) {
      String name = Path.of(r.<String>getAs("path")).getFileName().toString();
      ScoresCsv.Row want =
          ScoresCsv.Row.scored(r.getAs("path"), expected.get(name), thresholds, null, null);
      assertThat(r.<String>getAs("verdict")).isEqualTo(want.verdict().name());
      assertThat(r.<Double>getAs("normalised_score"))
          .isCloseTo(want.normalisedScore(), within(1e-6));
      flagged += want.verdict() == Verdict.OK ? 0 : 1;
    }
    assertThat(flagged).isPositive();
    Path heatmaps = out.resolve("heatmaps").resolve("calibrated");
    long written;
    try (Stream<Path> h = Files.exists(heatmaps) ? Files.list(heatmaps) : Stream.empty()) {
      written = h.count();
    }
    assertThat(written).isEqualTo(flagged);
  }

  @Test
  void aManifestNamesImagesAndAMissingOneBecomesAnErrorRow() throws Exception {
    List<Path> files = sixteenImages(dir.resolve("archive")).subList(0, 3);
    Path missing = dir.resolve("gone.png");
    Path manifest = dir.resolve("manifest.txt");
    Files.writeString(
        manifest,
        "# three images and a missing one\n"
            + files.get(0)
            + "\n"
            + files.get(1).toUri()
            + "\n\n"
            + files.get(2)
            + "\n"
            + missing
            + "\n");
    ScoringJob.Summary s =
        ScoringJob.run(
            spark,
            new ScoringJob.Options(
                null,
                manifest.toString(),
                null,
                List.of(model.toString()),
                dir.resolve("out").toString(),
                false,
                ScoringJob.Heatmaps.NONE,
                1,
                2));
    assertThat(s.rows()).isEqualTo(4);
    assertThat(s.errors()).isEqualTo(1);
    assertThat(s.csv()).isNull();
    Row gone = spark.read().parquet(s.parquet()).filter("error is not null").collectAsList().get(0);
    assertThat(gone.<String>getAs("path")).isEqualTo(missing.toString());
    assertThat(gone.<String>getAs("error")).startsWith("cannot read file");
  }

  @Test
  void labelledImagesAreEvaluatedOnTheDriverAsSgsfEvalDoes() throws Exception {
    Path out = dir.resolve("eval-out");
    ScoringJob.Summary s =
        ScoringJob.run(
            spark,
            new ScoringJob.Options(
                null,
                null,
                demo.root().toString(),
                List.of(model.toString()),
                out.toString(),
                false,
                ScoringJob.Heatmaps.NONE,
                1,
                0));
    assertThat(s.rows()).isEqualTo(demo.test().size());
    assertThat(s.errors()).isZero();
    Path eval = out.resolve("eval").resolve(modelName());
    assertThat(eval.resolve("metrics.json")).isRegularFile();
    assertThat(eval.resolve("scores.csv")).isRegularFile();
    assertThat(eval.resolve("report.html")).isRegularFile();

    Predictor predictor = new Predictor(ModelBundle.load(model).model());
    EvaluationWorkflow.Evaluated e =
        EvaluationWorkflow.evaluate(
            predictor, demo.test(), null, (d, t) -> {}, CancellationToken.none());
    double[] scores = e.images().stream().mapToDouble(EvaluatedImage::score).toArray();
    MetricsSummary expected =
        MetricsSummary.compute(
            e.images(), ThresholdChoice.choose(null, e.images(), scores).thresholds());
    double auroc = expected.image().curves().auroc().value();
    assertThat(s.imageAuroc().get(modelName())).isCloseTo(auroc, within(1e-9));
    var json = Json.mapper().readTree(eval.resolve("metrics.json").toFile());
    assertThat(json.toString()).contains("\"images\":" + demo.test().size());
    assertThat(json.path("run").path("model_sha256").asText()).hasSize(64);
    // the run object of sgsf eval and the Evaluate view (RunInfo), then what only Spark knows
    List<String> runKeys = new ArrayList<>();
    json.path("run").fieldNames().forEachRemaining(runKeys::add);
    List<String> expectedKeys = new ArrayList<>(EvaluationWorkflow.RunInfo.KEYS);
    expectedKeys.addAll(List.of("model_sha256", "runner"));
    assertThat(runKeys).isEqualTo(expectedKeys);
    assertThat(json.path("run").path("thresholds_from").asText())
        .isEqualTo(EvaluationWorkflow.THRESHOLDS_FROM_MODEL);
    double pixelAuroc = expected.pixel().curves().auroc().value();
    assertThat(json.toString()).contains(Double.toString(pixelAuroc));
  }

  @Test
  void aTrainingTableYieldsOneLoadableBundlePerSpecAndTheReasonForOneThatFails() throws Exception {
    String tiny =
        "{\"\"model\"\":{\"\"inputSize\"\":32,\"\"baseWidth\"\":4},"
            + "\"\"train\"\":{\"\"iterations\"\":12,\"\"warmupIterations\"\":4,"
            + "\"\"batchSize\"\":4,\"\"contrastSetSize\"\":2,\"\"checkpointEvery\"\":0}}";
    Path table = dir.resolve("specs.csv");
    Files.writeString(
        table,
        "name,dataset,config,seed\n"
            + "texture-a,"
            + demo.root()
            + ",\""
            + tiny
            + "\",1\n"
            + "texture-b,"
            + demo.root()
            + ",\""
            + tiny
            + "\",2\n"
            + "nowhere,"
            + dir.resolve("no-such-dataset")
            + ",\""
            + tiny
            + "\",3\n");
    Path out = dir.resolve("trained");
    List<Row> results =
        TrainingTableJob.run(spark, TrainingTableJob.readSpecs(table.toString()), out.toString());

    assertThat(results)
        .extracting(r -> r.getString(0))
        .containsExactly("nowhere", "texture-a", "texture-b");
    Row failed = results.get(0);
    assertThat(failed.getString(1)).isEqualTo(TrainingTableJob.FAILED);
    assertThat(failed.getString(3)).contains("no-such-dataset");
    for (Row r : results.subList(1, 3)) {
      assertThat(r.getString(1)).isEqualTo("COMPLETED");
      Path bundle = Path.of(r.getString(2));
      assertThat(bundle).isEqualTo(out.resolve("models").resolve(r.getString(0) + ".zip"));
      ModelBundle.Loaded loaded = ModelBundle.load(bundle);
      assertThat(loaded.model().config().inputSize()).isEqualTo(32);
      assertThat(r.<Integer>getAs("test_images")).isEqualTo(demo.test().size());
      assertThat(r.<Double>getAs("image_auroc")).isBetween(0.0, 1.0);
    }
    assertThat(out.resolve("training-results.csv")).isRegularFile();
    assertThat(out.resolve("training-results.parquet")).isDirectory();
  }
}
