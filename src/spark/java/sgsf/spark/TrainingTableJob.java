package sgsf.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.Metric;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.train.TrainingControl;
import sgsf.engine.train.TrainingOutcome;
import sgsf.io.Csv;
import sgsf.io.Json;
import sgsf.workflow.EvaluationWorkflow;
import sgsf.workflow.ThresholdChoice;
import sgsf.workflow.TrainingWorkflow;

/**
 * The training job: a table of training specs, one training per Spark task (give each task the
 * executor's cores with {@code spark.task.cpus}), each run through {@link TrainingWorkflow} (as
 * {@code sgsf train} runs it) and its bundle saved atomically as {@code out/models/NAME.zip}; a
 * result row per spec, with the image and pixel metrics of the dataset's test split when it has
 * one. A spec that fails (bad configuration, unreadable dataset, diverged training) becomes a row
 * with the reason; the other specs finish.
 *
 * <p>The table is a CSV file with the header {@code name,dataset,config,seed}: {@code name} names
 * the bundle (letters, digits, {@code . _ -}); {@code dataset} is a dataset folder every executor
 * sees (shared storage); {@code config} is empty, a JSON object, or the location of a JSON file,
 * with any of {@code preset} ("lite", "standard", "paper"), {@code model}, {@code train} and {@code
 * forge}: fields of {@link ModelConfig}, {@link TrainConfig} and {@link ForgeConfig} that override
 * the preset's and the defaults' (e.g. {@code {"model":{"inputSize":64},"train":{"iterations":
 * 500}}}); {@code seed} replaces the training's and the forger's seed.
 *
 * <p>Results: {@code out/training-results.parquet} and {@code out/training-results.csv}.
 */
public final class TrainingTableJob {
  /** The spec table's columns. */
  public static final List<String> SPEC_COLUMNS = List.of("name", "dataset", "config", "seed");

  /** The result columns. */
  public static final StructType RESULT =
      new StructType()
          .add("name", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("model", DataTypes.StringType, true)
          .add("message", DataTypes.StringType, true)
          .add("iterations", DataTypes.IntegerType, true)
          .add("seconds", DataTypes.DoubleType, true)
          .add("test_images", DataTypes.IntegerType, true)
          .add("image_auroc", DataTypes.DoubleType, true)
          .add("pixel_auroc", DataTypes.DoubleType, true)
          .add("pixel_ap", DataTypes.DoubleType, true)
          .add("aupro", DataTypes.DoubleType, true);

  /** Status of a spec that could not be trained. */
  public static final String FAILED = "FAILED";

  /** One row of the spec table. */
  public record Spec(String name, String dataset, String config, String seed)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private TrainingTableJob() {}

  /** Reads the spec table (any Hadoop-compatible location). */
  public static List<Spec> readSpecs(String table) throws IOException {
    List<Map<String, String>> rows = Csv.parse(HadoopFiles.readString(table));
    if (!rows.isEmpty() && !rows.get(0).keySet().containsAll(SPEC_COLUMNS)) {
      throw new IOException(
          table + ": a training table needs the columns " + String.join(",", SPEC_COLUMNS));
    }
    return rows.stream()
        .map(r -> new Spec(r.get("name"), r.get("dataset"), r.get("config"), r.get("seed")))
        .toList();
  }

  /** Trains every spec; returns the result rows (also written under {@code out}). */
  public static List<Row> run(SparkSession spark, List<Spec> specs, String out) throws IOException {
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("the training table has no specs");
    }
    List<Spec> valid = new ArrayList<>();
    List<Row> results = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Spec s : specs) {
      String problem = nameProblem(s.name());
      if (problem == null && !names.add(s.name())) {
        problem = "the name '" + s.name() + "' appears twice in the table";
      }
      if (problem == null) {
        valid.add(s);
      } else {
        results.add(failed(s.name() == null ? "" : s.name(), problem));
      }
    }
    if (!valid.isEmpty()) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      String modelsDir = HadoopFiles.child(out, "models");
      results.addAll(
          jsc.parallelize(valid, valid.size())
              .mapPartitions(
                  (org.apache.spark.api.java.function.FlatMapFunction<Iterator<Spec>, Row>)
                      it -> {
                        List<Row> rows = new ArrayList<>();
                        it.forEachRemaining(s -> rows.add(train(s, modelsDir)));
                        return rows.iterator();
                      })
              .collect());
    }
    results.sort(Comparator.comparing(r -> r.getString(0)));
    Dataset<Row> table = spark.createDataFrame(results, RESULT).coalesce(1);
    table
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(HadoopFiles.child(out, "training-results.parquet"));
    String parts = HadoopFiles.child(out, ".training-results.csv.parts");
    table
        .write()
        .mode(SaveMode.Overwrite)
        .option("header", "true")
        .option("escape", "\"")
        .csv(parts);
    HadoopFiles.moveSinglePart(parts, HadoopFiles.child(out, "training-results.csv"));
    List<Row> withSchema = new ArrayList<>(table.collectAsList());
    withSchema.sort(Comparator.comparing(r -> r.getString(0)));
    return withSchema;
  }

  private static String nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return "a spec has no name";
    }
    if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
      return "the name '" + name + "' may use only letters, digits, '.', '_' and '-'";
    }
    return null;
  }

  /** One spec's training inside a task; every failure becomes a row. */
  static Row train(Spec spec, String modelsDir) {
    Path work = null;
    try {
      ModelPool.limitThreadsToTaskCpus();
      work = Files.createTempDirectory("sgsf-train-" + spec.name() + "-");
      Configs c = configs(spec);
      if (spec.dataset() == null || spec.dataset().isBlank()) {
        throw new IllegalArgumentException("no dataset given");
      }
      sgsf.engine.data.Dataset data =
          DatasetScanner.scan(HadoopFiles.localPath(spec.dataset().strip()));
      if (data.trainGood().isEmpty()) {
        throw new IllegalArgumentException(spec.dataset() + ": has no good training images");
      }
      String target = HadoopFiles.child(modelsDir, spec.name() + ".zip");
      boolean local = HadoopFiles.isLocal(target);
      Path bundle = local ? HadoopFiles.localPath(target) : work.resolve(spec.name() + ".zip");
      TrainingWorkflow.Result result =
          TrainingWorkflow.run(
              new TrainingWorkflow.Request(
                  data, c.model(), c.train(), c.forge(), bundle, work.resolve("checkpoints"), null),
              null,
              new TrainingControl(),
              null);
      TrainingOutcome outcome = result.outcome();
      if (outcome.status() != TrainingOutcome.Status.COMPLETED) {
        return RowFactory.create(
            spec.name(),
            outcome.status().name(),
            null,
            outcome.message(),
            outcome.iterations(),
            null,
            null,
            null,
            null,
            null,
            null);
      }
      if (!local) {
        HadoopFiles.publish(bundle, target);
      }
      Integer testImages = null;
      Double imageAuroc = null;
      Double pixelAuroc = null;
      Double pixelAp = null;
      Double aupro = null;
      if (!data.test().isEmpty()) {
        EvaluationWorkflow.Evaluated e =
            EvaluationWorkflow.evaluate(
                new Predictor(outcome.model()),
                data.test(),
                null,
                (d, t) -> {},
                CancellationToken.none());
        double[] scores = e.images().stream().mapToDouble(EvaluatedImage::score).toArray();
        MetricsSummary m =
            MetricsSummary.compute(
                e.images(), ThresholdChoice.choose(null, e.images(), scores).thresholds());
        testImages = e.images().size();
        if (m.image() != null) {
          imageAuroc = value(m.image().curves().auroc());
        }
        if (m.pixel() != null) {
          pixelAuroc = value(m.pixel().curves().auroc());
          pixelAp = value(m.pixel().curves().averagePrecision());
          aupro = value(m.pixel().curves().aupro());
        }
      }
      return RowFactory.create(
          spec.name(),
          outcome.status().name(),
          target,
          outcome.message(),
          outcome.iterations(),
          outcome.model().provenance().trainingSeconds(),
          testImages,
          imageAuroc,
          pixelAuroc,
          pixelAp,
          aupro);
    } catch (Exception | LinkageError e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      return failed(spec.name(), message);
    } finally {
      deleteQuietly(work);
    }
  }

  private static Double value(Metric m) {
    return m != null && m.defined() ? m.value() : null;
  }

  private static Row failed(String name, String reason) {
    return RowFactory.create(name, FAILED, null, reason, null, null, null, null, null, null, null);
  }

  /** The three configurations of a spec. */
  record Configs(ModelConfig model, TrainConfig train, ForgeConfig forge) {}

  static Configs configs(Spec spec) throws IOException {
    String text = spec.config() == null ? "" : spec.config().strip();
    JsonNode config;
    if (text.isEmpty()) {
      config = Json.mapper().createObjectNode();
    } else {
      String json = text.startsWith("{") ? text : HadoopFiles.readString(text);
      try {
        config = Json.mapper().readTree(json);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "config is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
      }
      if (!config.isObject()) {
        throw new IllegalArgumentException("config must be a JSON object");
      }
    }
    ModelConfig model =
        merge(
            ModelConfig.preset(config.path("preset").asText("lite")),
            config.get("model"),
            ModelConfig.class,
            "model");
    TrainConfig train =
        merge(TrainConfig.defaults(), config.get("train"), TrainConfig.class, "train");
    ForgeConfig forge =
        merge(ForgeConfig.defaults(), config.get("forge"), ForgeConfig.class, "forge");
    if (spec.seed() != null && !spec.seed().isBlank()) {
      long seed;
      try {
        seed = Long.parseLong(spec.seed().strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("seed '" + spec.seed() + "' is not a whole number");
      }
      train = train.withSeed(seed);
      forge = forge.withSeed(seed);
    }
    return new Configs(model, train, forge);
  }

  /** {@code base} with the fields of {@code override} replaced. */
  private static <T> T merge(T base, JsonNode override, Class<T> type, String what) {
    if (override == null || override.isNull()) {
      return base;
    }
    if (!override.isObject()) {
      throw new IllegalArgumentException("config." + what + " must be a JSON object");
    }
    ObjectNode merged = Json.mapper().valueToTree(base);
    merged.setAll((ObjectNode) override);
    try {
      return Json.mapper().treeToValue(merged, type);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw new IllegalArgumentException("config." + what + ": " + cause.getMessage());
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
