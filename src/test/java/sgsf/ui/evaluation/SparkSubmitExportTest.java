package sgsf.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit command the Evaluate section exports. */
class SparkSubmitExportTest {
  @TempDir Path dir;

  private static final Path MODEL = Path.of("/work/models/texture v2.zip");

  @Test
  void aLocalMasterReadsTheModelWhereItIs() {
    SparkSubmitExport e =
        new SparkSubmitExport(
            MODEL,
            "/data/line3/2024",
            "/data/line3/2024-scores",
            "local[*]",
            null,
            4,
            6,
            true,
            "flagged");
    assertThat(e.problem()).isNull();
    assertThat(e.command())
        .isEqualTo(
            """
            spark-submit \\
              --master 'local[*]' \\
              --class sgsf.spark.SparkJobs \\
              sgsf-spark-job.jar score \\
              --images /data/line3/2024 \\
              --model '/work/models/texture v2.zip' \\
              --out /data/line3/2024-scores \\
              --csv \\
              --heatmaps flagged
            """);
  }

  @Test
  void aClusterGetsTheModelWithFilesAndTheExecutorSettings() {
    SparkSubmitExport e =
        new SparkSubmitExport(
            MODEL,
            "hdfs:///archive/line3",
            "hdfs:///scores/line3",
            "yarn",
            "/opt/sgsf/job.jar",
            8,
            10,
            false,
            "none");
    List<String> a = e.arguments();
    assertThat(String.join(" ", a))
        .contains("--master yarn --deploy-mode cluster")
        .contains("--executor-cores 8 --executor-memory 10g")
        .contains("--conf spark.executor.memoryOverhead=10g")
        .contains("--conf spark.task.cpus=1 --conf spark.executorEnv.OMP_NUM_THREADS=1")
        .contains("-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp")
        .contains("--files /work/models/texture v2.zip /opt/sgsf/job.jar score")
        .contains("--model texture v2.zip --out hdfs:///scores/line3")
        .doesNotContain("--csv")
        .doesNotContain("--heatmaps");
  }

  @Test
  void theShellReadsBackExactlyTheArguments() throws Exception {
    SparkSubmitExport e =
        new SparkSubmitExport(
            Path.of("/tmp/it's a \"model\" $HOME.zip"),
            "/data/a b/`x`",
            "/data/out;rm -rf x",
            "spark://10.0.0.1:7077",
            null,
            2,
            4,
            true,
            "all");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fake = bin.resolve("spark-submit");
    Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    assertThat(fake.toFile().setExecutable(true)).isTrue();
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", e.command()).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(printed.lines().toList()).isEqualTo(e.arguments().subList(1, e.arguments().size()));
  }

  @Test
  void saysWhatIsMissingAndDerivesTheOutputFolder() {
    assertThat(SparkSubmitExport.of(MODEL, "").problem()).contains("archive");
    assertThat(SparkSubmitExport.of(MODEL, "/data/x/").out())
        .isEqualTo("/data/x-scores-texture v2");
    assertThat(
            new SparkSubmitExport(MODEL, "/a", "/b", "spark://HOST:7077", null, 4, 6, false, "none")
                .problem())
        .contains("HOST");
    assertThatThrownBy(() -> SparkSubmitExport.of(null, "/a")).hasMessageContaining("model");
  }
}
