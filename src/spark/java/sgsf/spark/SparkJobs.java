package sgsf.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sgsf.engine.backend.Backend;

/**
 * The job jar's entry point: {@code spark-submit ... sgsf-spark-job.jar score|train ...}. Without a
 * master (no {@code --master}, no {@code spark.master}) it runs in {@code local[*]}, so the jar
 * works on a workstation with {@code java -jar} too (with Spark on the class path).
 */
@Command(
    name = "sgsf-spark-job",
    mixinStandardHelpOptions = true,
    subcommands = {SparkJobs.Score.class, SparkJobs.Train.class},
    description = "Score image archives or train many models with Apache Spark.")
public final class SparkJobs {
  /** The master used when none is configured. */
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkJobs() {}

  /** Runs a subcommand; exits with its code. */
  public static void main(String[] args) {
    Backend.configureProperties();
    System.exit(new CommandLine(SparkJobs.class).execute(args));
  }

  /**
   * The session: the configured master, else {@value #DEFAULT_MASTER}; executors' OpenMP threads
   * default to the task's cores ({@code spark.executorEnv.OMP_NUM_THREADS = spark.task.cpus}).
   */
  public static SparkSession session(String appName) {
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      conf.setMaster(DEFAULT_MASTER);
    }
    if (!conf.contains("spark.executorEnv.OMP_NUM_THREADS")) {
      conf.set("spark.executorEnv.OMP_NUM_THREADS", conf.get("spark.task.cpus", "1"));
    }
    return SparkSession.builder().appName(appName).config(conf).getOrCreate();
  }

  @Command(
      name = "score",
      mixinStandardHelpOptions = true,
      description = {
        "Score an image archive with one or more models: OUT/scores.parquet (partitioned by",
        "model; the columns of sgsf eval's scores.csv plus model, model_sha256 and error),",
        "optionally OUT/scores.csv and heatmaps; with --labels also OUT/eval/MODEL/ (metrics.json,",
        "scores.csv and report.html, as sgsf eval writes them)."
      })
  static final class Score implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--images",
        paramLabel = "PATH",
        description = "Folder of images (any Hadoop path; searched recursively).")
    String images;

    @Option(
        names = "--manifest",
        paramLabel = "FILE",
        description = "Text file of image locations, one a line ('#' starts a comment).")
    String manifest;

    @Option(
        names = "--labels",
        paramLabel = "DIR",
        description =
            "An MVTec-layout dataset on shared storage: its test split is scored and evaluated.")
    String labels;

    @Option(
        names = "--model",
        required = true,
        paramLabel = "MODEL.zip",
        description = "A model bundle: path, Hadoop URI, or the name of a file sent with --files.")
    List<String> models;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "Output folder.")
    String out;

    @Option(names = "--csv", description = "Also write OUT/scores.csv (one file).")
    boolean csv;

    @Option(
        names = "--heatmaps",
        defaultValue = "none",
        paramLabel = "WHICH",
        description = "none, flagged (REVIEW and NG images) or all. Default: ${DEFAULT-VALUE}.")
    String heatmaps;

    @Option(
        names = "--neighbours",
        defaultValue = "1",
        description = "Good training images guiding each map (default ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(
        names = "--partitions",
        defaultValue = "0",
        description = "Repartition the input into N partitions (default: Spark's split).")
    int partitions;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter o = spec.commandLine().getOut();
      ScoringJob.Options options;
      try {
        options =
            new ScoringJob.Options(
                images,
                manifest,
                labels,
                models,
                out,
                csv,
                ScoringJob.Heatmaps.valueOf(heatmaps.toUpperCase(Locale.ROOT)),
                neighbours,
                partitions);
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return 1;
      }
      SparkSession spark = session("sgsf score");
      try {
        long start = System.nanoTime();
        ScoringJob.Summary s = ScoringJob.run(spark, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        o.printf(
            Locale.ROOT,
            "%d rows (%d errors) in %s; %.1f s, %.2f rows/s on %s%n",
            s.rows(),
            s.errors(),
            s.parquet(),
            seconds,
            s.rows() / seconds,
            spark.sparkContext().master());
        if (s.csv() != null) {
          o.println("csv: " + s.csv());
        }
        s.evaluations()
            .forEach(
                (model, dir) ->
                    o.printf(
                        Locale.ROOT,
                        "%s: image AUROC %.4f, report in %s%n",
                        model,
                        s.imageAuroc().get(model),
                        dir));
        o.flush();
        return 0;
      } catch (Exception e) {
        err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return 2;
      } finally {
        spark.stop();
      }
    }
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Train one model per row of a table (CSV: name,dataset,config,seed), one per Spark task:",
        "OUT/models/NAME.zip and OUT/training-results.{parquet,csv}. Give each task the",
        "executor's cores: --conf spark.task.cpus=N."
      })
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--specs",
        required = true,
        paramLabel = "TABLE.csv",
        description = "The training table.")
    String specs;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "Output folder.")
    String out;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter o = spec.commandLine().getOut();
      List<TrainingTableJob.Spec> table;
      try {
        table = TrainingTableJob.readSpecs(specs);
      } catch (Exception e) {
        err.println("error: " + e.getMessage());
        return 1;
      }
      SparkSession spark = session("sgsf train");
      try {
        List<Row> results = TrainingTableJob.run(spark, table, out);
        long failed = 0;
        for (Row r : results) {
          boolean ok = "COMPLETED".equals(r.getString(1));
          failed += ok ? 0 : 1;
          o.printf(
              Locale.ROOT,
              "%-20s %-9s %s%n",
              r.getString(0),
              r.getString(1),
              ok ? r.getString(2) : r.getString(3));
        }
        o.flush();
        return failed == 0 ? 0 : 3;
      } catch (Exception e) {
        err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return 2;
      } finally {
        spark.stop();
      }
    }
  }
}
