package sgsf.ui.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code spark-submit} command that scores an image archive with the current model on Apache
 * Spark (README, "Beyond one PC: Spark"), as the Evaluate section exports it. On a {@code local}
 * master the model is read where it is; on a cluster it is shipped with {@code --files} and the
 * executors get the settings that matter (cores, memory, off-heap overhead, OpenMP threads, the
 * JavaCPP cache).
 *
 * @param model the model bundle on this machine
 * @param archive the images: a folder on any Hadoop file system ({@code /data/x}, {@code
 *     hdfs://...}, {@code s3a://...})
 * @param out the output folder
 * @param master the Spark master ({@code local[*]}, {@code yarn}, {@code spark://host:7077}, {@code
 *     k8s://https://host:port})
 * @param jobJar the job jar ({@code mvn -Pspark -DskipTests package} builds it)
 * @param executorCores cores per executor (one scoring task per core)
 * @param executorMemoryGb heap per executor, in GiB; the off-heap overhead is set to the same
 * @param csv also write one scores.csv
 * @param heatmaps none, flagged or all
 */
public record SparkSubmitExport(
    Path model,
    String archive,
    String out,
    String master,
    String jobJar,
    int executorCores,
    int executorMemoryGb,
    boolean csv,
    String heatmaps) {

  /** The masters offered, the first the default. */
  public static final List<String> MASTERS =
      List.of("local[*]", "yarn", "spark://HOST:7077", "k8s://https://HOST:6443");

  /** The default job jar name. */
  public static final String JOB_JAR = "sgsf-spark-job.jar";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,\\-]+");

  public SparkSubmitExport {
    if (model == null) {
      throw new IllegalArgumentException("choose a model first");
    }
    archive = archive == null ? "" : archive.strip();
    out = out == null ? "" : out.strip();
    master = master == null || master.isBlank() ? MASTERS.get(0) : master.strip();
    jobJar = jobJar == null || jobJar.isBlank() ? JOB_JAR : jobJar.strip();
    heatmaps = heatmaps == null ? "none" : heatmaps.toLowerCase(Locale.ROOT);
    if (!List.of("none", "flagged", "all").contains(heatmaps)) {
      throw new IllegalArgumentException("heatmaps must be none, flagged or all, got " + heatmaps);
    }
    if (executorCores < 1 || executorCores > 256) {
      throw new IllegalArgumentException("executor cores must be in [1, 256]");
    }
    if (executorMemoryGb < 1 || executorMemoryGb > 1024) {
      throw new IllegalArgumentException("executor memory must be in [1, 1024] GiB");
    }
  }

  /** Settings for a model and an archive, with the defaults for everything else. */
  public static SparkSubmitExport of(Path model, String archive) {
    return new SparkSubmitExport(
        model, archive, defaultOut(archive, model), MASTERS.get(0), JOB_JAR, 4, 6, true, "flagged");
  }

  /** The archive's sibling folder {@code <archive>-scores-<model name>}, or "" without archive. */
  public static String defaultOut(String archive, Path model) {
    if (archive == null || archive.isBlank()) {
      return "";
    }
    String a = archive.strip().replaceAll("/+$", "");
    return a + "-scores-" + modelName(model);
  }

  private static String modelName(Path model) {
    String f = model.getFileName().toString();
    int dot = f.lastIndexOf('.');
    return dot > 0 ? f.substring(0, dot) : f;
  }

  /** True for a master that runs in this JVM (no cluster). */
  public boolean isLocal() {
    return master.startsWith("local");
  }

  /** What is missing before the command can run, or null when complete. */
  public String problem() {
    if (archive.isEmpty()) {
      return "give the archive of images to score";
    }
    if (out.isEmpty()) {
      return "give the output folder";
    }
    if (master.contains("HOST")) {
      return "replace HOST in the master with the cluster's address";
    }
    return null;
  }

  /** The arguments of the command, {@code spark-submit} first. */
  public List<String> arguments() {
    List<String> a = new ArrayList<>();
    a.add("spark-submit");
    a.add("--master");
    a.add(master);
    if (master.startsWith("yarn") || master.startsWith("k8s")) {
      a.add("--deploy-mode");
      a.add("cluster");
    }
    a.add("--class");
    a.add("sgsf.spark.SparkJobs");
    String modelArgument = model.toAbsolutePath().toString();
    if (!isLocal()) {
      a.add("--executor-cores");
      a.add(Integer.toString(executorCores));
      a.add("--executor-memory");
      a.add(executorMemoryGb + "g");
      conf(a, "spark.executor.memoryOverhead", executorMemoryGb + "g");
      conf(a, "spark.task.cpus", "1");
      conf(a, "spark.executorEnv.OMP_NUM_THREADS", "1");
      conf(
          a,
          "spark.executor.extraJavaOptions",
          "-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp -Dorg.bytedeco.javacpp.maxbytes="
              + executorMemoryGb
              + "G -Dorg.bytedeco.javacpp.maxphysicalbytes="
              + (2 * executorMemoryGb)
              + "G");
      a.add("--files");
      a.add(modelArgument);
      modelArgument = model.getFileName().toString();
    }
    a.add(jobJar);
    a.add("score");
    a.add("--images");
    a.add(archive);
    a.add("--model");
    a.add(modelArgument);
    a.add("--out");
    a.add(out);
    if (csv) {
      a.add("--csv");
    }
    if (!heatmaps.equals("none")) {
      a.add("--heatmaps");
      a.add(heatmaps);
    }
    return a;
  }

  private static void conf(List<String> a, String key, String value) {
    a.add("--conf");
    a.add(key + "=" + value);
  }

  /** The command as POSIX shell text, one option per line. */
  public String command() {
    List<String> args = arguments();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      String arg = quote(args.get(i));
      boolean startsLine =
          i > 0 && (args.get(i).startsWith("--") || args.get(i).equals(jobJar)) && !b.isEmpty();
      if (i > 0) {
        b.append(startsLine ? " \\\n  " : " ");
      }
      b.append(arg);
    }
    return b.append('\n').toString();
  }

  /** A shell word: as it is when safe, else in single quotes. */
  static String quote(String s) {
    if (!s.isEmpty() && SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }
}
