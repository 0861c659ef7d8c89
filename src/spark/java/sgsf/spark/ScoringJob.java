package sgsf.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.data.Split;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.infer.Prediction;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.Verdict;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.task.CancellationToken;
import sgsf.io.report.EvaluationReportWriter;
import sgsf.io.report.ScoresCsv;
import sgsf.workflow.EvaluationWorkflow;
import sgsf.workflow.PredictionImages;
import sgsf.workflow.ThresholdChoice;

/**
 * The scoring job: every image of an archive (a folder tree read with Spark's {@code binaryFile}
 * source, a manifest of image locations, or the test split of a labelled MVTec-layout tree) scored
 * by one or more model bundles, one output row per image and model.
 *
 * <p>Output, under {@code out}:
 *
 * <ul>
 *   <li>{@code scores.parquet/model=NAME/}: the columns of {@code scores.csv} ({@link
 *       ScoresCsv#COLUMNS}) plus {@code model}, {@code model_sha256} and {@code error} (the reason
 *       an image could not be scored; such a row has no score, and the task goes on);
 *   <li>{@code scores.csv} (with {@code --csv}): the same rows in one RFC 4180 file;
 *   <li>{@code heatmaps/NAME/...png} on request: every image's heatmap, or those of REVIEW and NG
 *       images only;
 *   <li>{@code eval/NAME/} with labels: {@code metrics.json}, {@code scores.csv} and {@code
 *       report.html}, computed on the driver by the same code as {@code sgsf eval}.
 * </ul>
 *
 * Executors load each model once per task slot ({@link ModelPool}); verdicts use the thresholds
 * stored in the model (empty without). With labels the report's thresholds follow {@code sgsf
 * eval}'s default policy ({@link ThresholdChoice}), so its scores.csv may show verdicts the Parquet
 * rows of an uncalibrated model leave empty.
 */
public final class ScoringJob {
  /** Which heatmaps to write. */
  public enum Heatmaps {
    NONE,
    /** REVIEW and NG images only (needs thresholds in the model). */
    FLAGGED,
    ALL
  }

  /**
   * What to score.
   *
   * @param images a folder (searched recursively) of images, or null
   * @param manifest a text file of image locations, one a line, or null
   * @param labels an MVTec-layout dataset (or category) whose test split is scored and evaluated,
   *     or null; a path every executor sees (shared storage)
   * @param models model bundle locations ({@link ModelRef})
   * @param out output folder (any Hadoop-compatible location)
   * @param csv also write one {@code scores.csv}
   * @param heatmaps which heatmaps to write (not with labels: the report shows the worst cases)
   * @param neighbours good training images guiding each map (as {@code sgsf infer --neighbours})
   * @param partitions repartition the input into this many partitions, or 0 to keep Spark's
   */
  public record Options(
      String images,
      String manifest,
      String labels,
      List<String> models,
      String out,
      boolean csv,
      Heatmaps heatmaps,
      int neighbours,
      int partitions) {
    public Options {
      int sources =
          (images == null ? 0 : 1) + (manifest == null ? 0 : 1) + (labels == null ? 0 : 1);
      if (sources != 1) {
        throw new IllegalArgumentException(
            "give exactly one of --images, --manifest and --labels (got " + sources + ")");
      }
      if (models == null || models.isEmpty()) {
        throw new IllegalArgumentException("give at least one --model");
      }
      models = List.copyOf(models);
      if (out == null) {
        throw new IllegalArgumentException("give --out");
      }
      heatmaps = heatmaps == null ? Heatmaps.NONE : heatmaps;
      if (labels != null && heatmaps != Heatmaps.NONE) {
        throw new IllegalArgumentException(
            "--heatmaps is for unlabelled archives; with --labels the report shows the worst cases");
      }
      if (neighbours < 1 || neighbours > 16) {
        throw new IllegalArgumentException("--neighbours must be in [1, 16], got " + neighbours);
      }
      if (partitions < 0) {
        throw new IllegalArgumentException("--partitions must not be negative");
      }
    }
  }

  /**
   * What the job did.
   *
   * @param rows output rows (images times models)
   * @param errors rows with an error instead of a score
   * @param parquet the Parquet folder
   * @param csv the CSV file, or null
   * @param evaluations per model name, the folder of its metrics.json and report.html (with labels)
   * @param imageAuroc per model name, the image AUROC (with labels; NaN when undefined)
   */
  public record Summary(
      long rows,
      long errors,
      String parquet,
      String csv,
      Map<String, String> evaluations,
      Map<String, Double> imageAuroc) {}

  /** Output column: the model's name (bundle file name without extension; the partition). */
  public static final String MODEL = "model";

  /** Output column: the SHA-256 of the model bundle. */
  public static final String MODEL_SHA256 = "model_sha256";

  /** Output column: why the image has no score, or null. */
  public static final String ERROR = "error";

  /**
   * Every output column, in order: {@link ScoresCsv#COLUMNS} (its {@code error} column holds why an
   * image has no score), then the model's name and hash.
   */
  public static final List<String> COLUMNS =
      Stream.concat(ScoresCsv.COLUMNS.stream(), Stream.of(MODEL, MODEL_SHA256)).toList();

  /** Folder of the Parquet output inside {@code out}. */
  public static final String PARQUET = "scores.parquet";

  private static final List<String> MAP_COLUMNS =
      List.of("map_width", "map_height", "anomaly_map", "ground_truth");

  private static final StructType INPUT =
      new StructType()
          .add("path", DataTypes.StringType, false)
          .add("content", DataTypes.BinaryType, true)
          .add("read_error", DataTypes.StringType, true)
          .add("type", DataTypes.StringType, true)
          .add("label", DataTypes.IntegerType, true)
          .add("mask", DataTypes.StringType, true);

  private ScoringJob() {}

  /** The output schema; with the hidden map columns the driver evaluates from. */
  static StructType schema(boolean withMaps) {
    List<StructField> fields = new ArrayList<>();
    for (String c : COLUMNS) {
      fields.add(DataTypes.createStructField(c, typeOf(c), !c.equals("path") && !c.equals(MODEL)));
    }
    if (withMaps) {
      fields.add(DataTypes.createStructField("map_width", DataTypes.IntegerType, true));
      fields.add(DataTypes.createStructField("map_height", DataTypes.IntegerType, true));
      fields.add(DataTypes.createStructField("anomaly_map", DataTypes.BinaryType, true));
      fields.add(DataTypes.createStructField("ground_truth", DataTypes.BinaryType, true));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType typeOf(String column) {
    return switch (column) {
      case "label" -> DataTypes.IntegerType;
      case "score", "normalised_score", "similarity" -> DataTypes.DoubleType;
      default -> DataTypes.StringType;
    };
  }

  /** Runs the job. */
  public static Summary run(SparkSession spark, Options o) throws IOException {
    List<ModelRef> models = new ArrayList<>();
    for (String m : o.models()) {
      ModelRef ref = ModelRef.of(m);
      if (models.stream().anyMatch(r -> r.name().equals(ref.name()))) {
        throw new IllegalArgumentException(
            m + ": two models are named '" + ref.name() + "'; rename one of the files");
      }
      models.add(ref);
    }
    boolean labelled = o.labels() != null;
    sgsf.engine.data.Dataset labelledSet = null;
    Dataset<Row> input;
    if (o.images() != null) {
      input =
          spark
              .read()
              .format("binaryFile")
              .option("recursiveFileLookup", "true")
              .option("pathGlobFilter", imageGlob())
              .load(o.images())
              .select(
                  col("path"),
                  col("content"),
                  lit(null).cast("string").as("read_error"),
                  lit(null).cast("string").as("type"),
                  lit(null).cast("int").as("label"),
                  lit(null).cast("string").as("mask"));
    } else if (o.manifest() != null) {
      Dataset<String> lines =
          spark
              .read()
              .textFile(o.manifest())
              .map(
                  (org.apache.spark.api.java.function.MapFunction<String, String>) String::strip,
                  Encoders.STRING())
              .filter(
                  (org.apache.spark.api.java.function.FilterFunction<String>)
                      s -> !s.isEmpty() && !s.startsWith("#"));
      int n = o.partitions() > 0 ? o.partitions() : spark.sparkContext().defaultParallelism();
      input =
          lines
              .repartition(n)
              .mapPartitions(
                  (MapPartitionsFunction<String, Row>) ScoringJob::readManifestPartition,
                  Encoders.row(INPUT));
    } else {
      labelledSet = DatasetScanner.scan(HadoopFiles.localPath(o.labels()));
      if (labelledSet.test().isEmpty()) {
        throw new IllegalArgumentException(o.labels() + ": has no test images to evaluate on");
      }
      List<Row> samples = new ArrayList<>();
      for (Sample s : labelledSet.test()) {
        samples.add(
            RowFactory.create(
                s.image().toAbsolutePath().toString(),
                null,
                null,
                s.defectType(),
                s.label(),
                s.mask() == null ? null : s.mask().toAbsolutePath().toString()));
      }
      int n = o.partitions() > 0 ? o.partitions() : spark.sparkContext().defaultParallelism();
      input = spark.createDataFrame(samples, INPUT).repartition(n);
    }
    if (o.images() != null && o.partitions() > 0) {
      input = input.repartition(o.partitions());
    }
    List<ModelRef> refs = List.copyOf(models);
    int neighbours = o.neighbours();
    Heatmaps heatmaps = o.heatmaps();
    String out = o.out();
    Dataset<Row> scored =
        input
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                    rows -> scorePartition(rows, refs, neighbours, heatmaps, out, labelled),
                Encoders.row(schema(labelled)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> rows = labelled ? scored.drop(MAP_COLUMNS.toArray(String[]::new)) : scored;
      String parquet = HadoopFiles.child(out, PARQUET);
      rows.write().mode(SaveMode.Overwrite).partitionBy(MODEL).parquet(parquet);
      String csv = null;
      if (o.csv()) {
        String parts = HadoopFiles.child(out, ".scores.csv.parts");
        rows.coalesce(1)
            .write()
            .mode(SaveMode.Overwrite)
            .option("header", "true")
            .option("escape", "\"")
            .csv(parts);
        csv = HadoopFiles.child(out, ScoresCsv.FILE_NAME);
        HadoopFiles.moveSinglePart(parts, csv);
      }
      Map<String, String> evaluations = new LinkedHashMap<>();
      Map<String, Double> auroc = new LinkedHashMap<>();
      if (labelled) {
        for (ModelRef m : refs) {
          evaluate(scored, m, labelledSet, o, evaluations, auroc);
        }
      }
      long total = rows.count();
      long errors = rows.filter(col(ERROR).isNotNull()).count();
      return new Summary(total, errors, parquet, csv, evaluations, auroc);
    } finally {
      scored.unpersist();
    }
  }

  /** A glob of the image extensions {@code sgsf infer} reads, in both cases. */
  private static String imageGlob() {
    List<String> ext = new ArrayList<>();
    for (String e : ImageIo.IMAGE_EXTENSIONS) {
      ext.add(e.toLowerCase(Locale.ROOT));
      ext.add(e.toUpperCase(Locale.ROOT));
    }
    return "*.{" + String.join(",", ext) + "}";
  }

  private static Iterator<Row> readManifestPartition(Iterator<String> locations) {
    List<Row> out = new ArrayList<>();
    while (locations.hasNext()) {
      String location = locations.next();
      byte[] content = null;
      String error = null;
      try {
        content = HadoopFiles.readBytes(location);
      } catch (IOException | RuntimeException e) {
        error = "cannot read file (" + e + ")";
      }
      out.add(RowFactory.create(location, content, error, null, null, null));
    }
    return out.iterator();
  }

  /** Scores one partition with every model; never throws for a bad image. */
  private static Iterator<Row> scorePartition(
      Iterator<Row> input,
      List<ModelRef> models,
      int neighbours,
      Heatmaps heatmaps,
      String out,
      boolean labelled)
      throws IOException {
    List<ModelPool.Scorer> scorers = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    try {
      for (ModelRef m : models) {
        scorers.add(ModelPool.borrow(m, neighbours));
      }
      List<Row> chunk = new ArrayList<>();
      while (input.hasNext()) {
        chunk.add(input.next());
        if (chunk.size() == sgsf.engine.infer.Predictor.BATCH || !input.hasNext()) {
          for (ModelPool.Scorer s : scorers) {
            if (labelled) {
              evaluateChunk(chunk, s, rows);
            } else {
              scoreChunk(chunk, s, heatmaps, out, rows);
            }
          }
          chunk.clear();
        }
      }
    } finally {
      scorers.forEach(ModelPool::giveBack);
    }
    return rows.iterator();
  }

  private static void scoreChunk(
      List<Row> chunk, ModelPool.Scorer s, Heatmaps heatmaps, String out, List<Row> rows)
      throws IOException {
    List<String> paths = new ArrayList<>();
    List<FloatImage> images = new ArrayList<>();
    for (Row r : chunk) {
      String path = r.getString(0);
      String error = r.getString(2);
      if (error == null) {
        try {
          images.add(ImageIo.decode((byte[]) r.get(1), Path.of(path)));
          paths.add(path);
          continue;
        } catch (ImageReadException e) {
          error = e.reason();
        }
      }
      rows.add(errorRow(path, null, null, s.ref(), error, false));
    }
    List<Prediction> predictions;
    try {
      predictions = images.isEmpty() ? List.of() : s.predictor().predict(images);
    } catch (RuntimeException e) {
      for (String p : paths) {
        rows.add(errorRow(p, null, null, s.ref(), "prediction failed (" + e + ")", false));
      }
      return;
    }
    for (int k = 0; k < predictions.size(); k++) {
      Prediction p = predictions.get(k);
      boolean known = !p.neighbours().isEmpty();
      ScoresCsv.Row r =
          ScoresCsv.Row.scored(
              paths.get(k),
              p.score(),
              s.thresholds(),
              known ? p.neighbours().get(0).id() : null,
              known ? p.neighbours().get(0).similarity() : null);
      rows.add(row(r, s.ref(), null));
      if (heatmaps == Heatmaps.ALL
          || (heatmaps == Heatmaps.FLAGGED
              && (r.verdict() == Verdict.REVIEW || r.verdict() == Verdict.NG))) {
        FloatImage overlay =
            PredictionImages.overlay(images.get(k), PredictionImages.map(p), s.thresholds());
        HadoopFiles.writeBytes(
            HadoopFiles.child(out, "heatmaps/" + s.ref().name() + "/" + fileName(paths.get(k))),
            ImageIo.encodePng(overlay));
      }
    }
  }

  /** A flat PNG name for an image location: its path with separators as "__". */
  static String fileName(String location) {
    String path = new org.apache.hadoop.fs.Path(location).toUri().getPath();
    return path.replaceFirst("^/+", "").replaceAll("[/\\\\:]", "__").replaceAll("\\.[^._]+$", "")
        + ".png";
  }

  private static void evaluateChunk(List<Row> chunk, ModelPool.Scorer s, List<Row> rows) {
    List<Sample> samples = new ArrayList<>();
    for (Row r : chunk) {
      samples.add(
          new Sample(
              Path.of(r.getString(0)),
              Split.TEST,
              r.getString(3),
              r.isNullAt(5) ? null : Path.of(r.getString(5))));
    }
    EvaluationWorkflow.Evaluated e;
    try {
      e =
          EvaluationWorkflow.evaluate(
              s.predictor(), samples, null, (d, t) -> {}, CancellationToken.none());
    } catch (RuntimeException failed) {
      for (Sample sample : samples) {
        rows.add(
            errorRow(
                sample.image().toString(),
                sample.defectType(),
                sample.label(),
                s.ref(),
                "prediction failed (" + failed + ")",
                true));
      }
      return;
    }
    Map<String, EvaluatedImage> byPath = new LinkedHashMap<>();
    e.images().forEach(i -> byPath.put(i.path(), i));
    for (Sample sample : samples) {
      EvaluatedImage img = byPath.get(sample.image().toString());
      if (img == null) {
        String reason =
            e.skipped().stream()
                .filter(k -> k.path().equals(sample.image()) || k.path().equals(sample.mask()))
                .map(SkippedFile::toString)
                .findFirst()
                .orElse("not evaluated");
        rows.add(
            errorRow(
                sample.image().toString(),
                sample.defectType(),
                sample.label(),
                s.ref(),
                reason,
                true));
        continue;
      }
      ScoresCsv.Row r =
          s.thresholds() == null
              ? new ScoresCsv.Row(
                  img.path(),
                  img.defectType(),
                  img.label(),
                  img.score(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  List.of(),
                  null)
              : ScoresCsv.Row.evaluated(img, s.thresholds());
      Row base = row(r, s.ref(), null);
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < base.length(); i++) {
        values.add(base.get(i));
      }
      values.add(img.width());
      values.add(img.height());
      values.add(floatBytes(img.anomalyMap()));
      values.add(img.groundTruth());
      rows.add(RowFactory.create(values.toArray()));
    }
  }

  private static Row row(ScoresCsv.Row r, ModelRef m, String error) {
    return RowFactory.create(
        r.path(),
        r.type(),
        r.label(),
        r.score(),
        r.normalisedScore(),
        r.verdict() == null ? null : r.verdict().name(),
        r.neighbour(),
        r.similarity(),
        r.output(),
        r.warnings().isEmpty() ? null : String.join("; ", r.warnings()),
        error != null ? error : r.error(),
        m.name(),
        m.sha256());
  }

  private static Row errorRow(
      String path, String type, Integer label, ModelRef m, String error, boolean withMaps) {
    List<Object> values =
        new ArrayList<>(
            java.util.Arrays.asList(
                path,
                type,
                label,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                error,
                m.name(),
                m.sha256()));
    if (withMaps) {
      values.addAll(java.util.Collections.nCopies(MAP_COLUMNS.size(), null));
    }
    return RowFactory.create(values.toArray());
  }

  private static byte[] floatBytes(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return b.array();
  }

  private static float[] floats(byte[] bytes) {
    float[] f = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
    return f;
  }

  /** The evaluation of one model on the driver: the files of {@code sgsf eval}. */
  private static void evaluate(
      Dataset<Row> scored,
      ModelRef m,
      sgsf.engine.data.Dataset data,
      Options o,
      Map<String, String> evaluations,
      Map<String, Double> auroc)
      throws IOException {
    List<Row> collected =
        scored
            .filter(col(MODEL).equalTo(m.name()).and(col(ERROR).isNull()))
            .select(
                "path",
                "type",
                "label",
                "score",
                "map_width",
                "map_height",
                "anomaly_map",
                "ground_truth")
            .collectAsList();
    List<EvaluatedImage> images = new ArrayList<>(collected.size());
    for (Row r : collected) {
      images.add(
          new EvaluatedImage(
              r.getString(0),
              r.getString(1),
              r.getInt(2),
              r.getDouble(3),
              r.getInt(4),
              r.getInt(5),
              floats((byte[]) r.get(6)),
              (byte[]) r.get(7)));
    }
    images.sort(java.util.Comparator.comparing(EvaluatedImage::path));
    ModelPool.Scorer s = ModelPool.borrow(m, o.neighbours());
    SgsfModel model = s.predictor().model();
    ThresholdChoice chosen;
    try {
      double[] scores = images.stream().mapToDouble(EvaluatedImage::score).toArray();
      chosen = ThresholdChoice.choose(s.thresholds(), images, scores);
    } finally {
      ModelPool.giveBack(s);
    }
    MetricsSummary summary = MetricsSummary.compute(images, chosen.thresholds());
    // the run object sgsf eval and the Evaluate view write, and what only a Spark run knows
    Map<String, Object> run =
        new LinkedHashMap<>(
            EvaluationWorkflow.RunInfo.of(
                    m.location(),
                    model,
                    data.root().toString(),
                    EvaluationWorkflow.THRESHOLDS_FROM_MODEL,
                    chosen.origin())
                .asMap());
    run.put("model_sha256", m.sha256());
    run.put("runner", "spark " + scored.sparkSession().version());
    String target = HadoopFiles.child(o.out(), "eval/" + m.name());
    Path local =
        HadoopFiles.isLocal(target)
            ? HadoopFiles.localPath(target)
            : Files.createTempDirectory("sgsf-eval-");
    EvaluationReportWriter.write(
        local,
        images,
        summary,
        EvaluationReportWriter.Options.titled(
            "SGSF evaluation: " + data.name() + " (" + m.name() + ")", run));
    if (!HadoopFiles.isLocal(target)) {
      HadoopFiles.publishFolder(local, target);
    }
    evaluations.put(m.name(), target);
    auroc.put(
        m.name(),
        summary.image() == null ? Double.NaN : summary.image().curves().auroc().orElse(Double.NaN));
  }
}
