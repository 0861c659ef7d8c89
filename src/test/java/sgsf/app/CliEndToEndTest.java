package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.backend.Backend;
import sgsf.engine.data.DemoDataset;
import sgsf.io.report.ScoresCsv;

/**
 * The golden end-to-end test: the CLI trains a tiny model on the demo data, evaluates it, scores a
 * folder, resumes from a checkpoint, and rejects bad input with clear messages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliEndToEndTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;

  @BeforeAll
  static void demoData() {
    Backend.configureProperties();
    data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.OBJECT);
    model = dir.resolve("tiny.zip");
  }

  @Test
  @Order(1)
  void trainWritesAModelAndCheckpoints() throws Exception {
    Sgsf.Run r =
        Sgsf.run(
            "train",
            "--data",
            data.toString(),
            "--size",
            "32",
            "--width",
            "4",
            "--iterations",
            "6",
            "--warmup",
            "2",
            "--batch",
            "4",
            "--lr",
            "1e-3",
            "--guidance",
            "joint",
            "--checkpoint-every",
            "4",
            "--loss-log",
            dir.resolve("losses.csv").toString(),
            "--out",
            model.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("model saved to");
    assertThat(model).isRegularFile();
    assertThat(dir.resolve("tiny.zip.checkpoints")).isDirectoryContaining("glob:**.sgsfckpt");
    // one CSV line per iteration: 2 warm-up (L_self only), then 6 main (L_seg finite)
    List<String> log = Files.readAllLines(dir.resolve("losses.csv"));
    assertThat(log.get(0)).startsWith("iteration,phase,loss,loss_self,loss_seg,learning_rate");
    assertThat(log).hasSize(1 + 8);
    assertThat(log.get(1)).startsWith("1,WARMUP,").contains(",NaN,");
    String[] last = log.get(8).split(",");
    assertThat(last[0]).isEqualTo("8");
    assertThat(last[1]).isEqualTo("MAIN");
    assertThat(Double.parseDouble(last[4])).isFinite().isPositive();
    assertThat(Double.parseDouble(last[2]))
        .isCloseTo(
            Double.parseDouble(last[3]) + Double.parseDouble(last[4]),
            org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  @Order(2)
  void evalWritesSaneMetricsScoresAndReport() throws Exception {
    Path out = dir.resolve("eval");
    Sgsf.Run r = Sgsf.eval(model, data, out);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    for (String key : List.of("image_auroc", "pixel_auroc", "pixel_ap", "aupro", "image_f1_max")) {
      assertThat(m.get(key).isNumber()).as(key).isTrue();
      assertThat(m.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
    }
    List<String> csv = Files.readAllLines(out.resolve("scores.csv"));
    assertThat(csv.get(0)).startsWith("path,type,label,score");
    assertThat(csv).hasSize(1 + 50);
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<svg").contains("ROC");
  }

  @Test
  @Order(3)
  void evalCanStoreThresholdsThatInferThenUses() throws Exception {
    Sgsf.Run r =
        Sgsf.eval(
            model, data, dir.resolve("eval2"), "--thresholds", "frr:0.05", "--save-thresholds");
    assertThat(r.code()).as(r.err()).isZero();
    Path images = data.resolve("test").resolve("spot");
    Path out = dir.resolve("infer");
    Sgsf.Run i = Sgsf.infer(model, images, out);
    assertThat(i.code()).as(i.err()).isZero();
    List<String> csv = Files.readAllLines(out.resolve("scores.csv"));
    assertThat(csv).hasSize(11);
    ScoresCsv.Row row = ScoresCsv.read(out.resolve("scores.csv")).get(0);
    assertThat(row.verdict().name()).isIn("OK", "REVIEW", "NG");
    assertThat(row.normalisedScore()).isBetween(0.0, 1.0);
    try (var s = Files.list(out.resolve("overlays"))) {
      assertThat(s.count()).isEqualTo(10);
    }
    try (var s = Files.list(out.resolve("maps"))) {
      assertThat(s.count()).isEqualTo(10);
    }
  }

  @Test
  @Order(4)
  void trainingResumesFromACheckpoint() throws Exception {
    Path ckpt = firstCheckpoint();
    Path resumed = dir.resolve("resumed.zip");
    Sgsf.Run r = resume(ckpt, resumed);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(resumed).isRegularFile();
  }

  /** {@code sgsf train --data DEMO --resume CKPT --out OUT}. */
  private static Sgsf.Run resume(Path checkpoint, Path out) {
    return Sgsf.run(
        "train",
        "--data",
        data.toString(),
        "--resume",
        checkpoint.toString(),
        "--out",
        out.toString());
  }

  private static Path firstCheckpoint() throws java.io.IOException {
    try (var s = Files.list(dir.resolve("tiny.zip.checkpoints"))) {
      return s.sorted().findFirst().orElseThrow();
    }
  }

  /** A truncated or garbled checkpoint given to --resume: one line naming the file, no trace. */
  @Test
  @Order(5)
  void aDamagedCheckpointIsOneErrorLine() throws Exception {
    Path ckpt = firstCheckpoint();
    byte[] bytes = Files.readAllBytes(ckpt);
    Path cut = dir.resolve("cut.sgsfckpt");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
    byte[] garbled = bytes.clone();
    for (int i = bytes.length / 4; i < bytes.length / 4 + 200 && i < bytes.length; i++) {
      garbled[i] ^= 0x3C;
    }
    Path bad = dir.resolve("garbled.sgsfckpt");
    Files.write(bad, garbled);
    for (Path damaged : List.of(cut, bad)) {
      Sgsf.Run r = resume(damaged, dir.resolve("never.zip"));
      assertThat(r.code()).as(r.err()).isNotZero();
      List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
      assertThat(errors).as(r.err()).hasSize(1);
      assertThat(errors.get(0)).contains(damaged.getFileName().toString());
      assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
    assertThat(dir.resolve("never.zip")).doesNotExist();
  }

  @Test
  @Order(5)
  void badInputGetsAClearErrorNamingTheProblem() throws Exception {
    Sgsf.Run absurd =
        Sgsf.run(
            "train",
            "--data",
            data.toString(),
            "--batch",
            "0",
            "--out",
            dir.resolve("x.zip").toString());
    assertThat(absurd.code()).isEqualTo(1);
    assertThat(absurd.err()).contains("batchSize must be in [1, 256], got 0");
    Sgsf.Run size =
        Sgsf.run(
            "train",
            "--data",
            data.toString(),
            "--size",
            "100",
            "--out",
            dir.resolve("x.zip").toString());
    assertThat(size.err()).contains("multiple of 16");
    Sgsf.Run noData =
        Sgsf.run(
            "train",
            "--data",
            dir.resolve("nowhere").toString(),
            "--out",
            dir.resolve("x.zip").toString());
    assertThat(noData.code()).isEqualTo(1);
    assertThat(noData.err()).contains("nowhere");
    Path broken = dir.resolve("broken.zip");
    Files.write(broken, new byte[] {1, 2, 3});
    Sgsf.Run badModel = Sgsf.eval(broken, data, dir.resolve("e"));
    assertThat(badModel.code()).isNotZero();
    assertThat(badModel.err()).contains("broken.zip").contains("not an SGSF model");
    Sgsf.Run noImages = Sgsf.infer(model, dir.resolve("empty-dir"), dir.resolve("i"));
    assertThat(noImages.code()).isEqualTo(1);
    assertThat(noImages.err()).contains("empty-dir");
  }

  /**
   * {@code bench scoring} re-scores the maps of one evaluation: its row for the default rule must
   * give the image AUROC that {@code eval} computed and wrote (order 2), and every rule is listed
   * for both borders.
   */
  @Test
  @Order(6)
  void benchScoringReproducesEvalsImageAurocForTheDefaultRule() throws Exception {
    Sgsf.Run r =
        Sgsf.run(
            "bench", "scoring", "--model", model.toString(), "--data", data.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode rules = root.get("rules");
    double expected =
        new ObjectMapper()
            .readTree(dir.resolve("eval").resolve("metrics.json").toFile())
            .get("image_auroc")
            .asDouble();
    int defaults = 0;
    java.util.Set<String> borders = new java.util.HashSet<>();
    for (JsonNode rule : rules) {
      borders.add(rule.get("border").asText());
      assertThat(rule.get("auroc").asDouble()).isBetween(0.0, 1.0);
      if (rule.get("default").asBoolean()) {
        defaults++;
        assertThat(rule.get("auroc").asDouble())
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
      }
    }
    assertThat(defaults).isEqualTo(1);
    assertThat(borders).containsExactlyInAnyOrder("reflect", "zero");
    Sgsf.Run table =
        Sgsf.run("bench", "scoring", "--model", model.toString(), "--data", data.toString());
    assertThat(table.out()).contains(" * ").contains(" D ").contains("images, maps of 32 px");
  }

  /**
   * {@code --resume} with an architecture option that differs from the checkpoint's is an error
   * naming both values; a new {@code --iterations} is applied and reported; the files the scan
   * skipped are listed (issue 14 items 10 and 12).
   */
  @Test
  @Order(7)
  void resumeRefusesConflictingOptionsAndAppliesANewBudget() throws Exception {
    Path ckpt = firstCheckpoint();
    Sgsf.Run conflict =
        Sgsf.run(
            "train",
            "--data",
            data.toString(),
            "--size",
            "64",
            "--guidance",
            "none",
            "--forge-a",
            "0.45",
            "--resume",
            ckpt.toString(),
            "--out",
            dir.resolve("conflict.zip").toString());
    assertThat(conflict.code()).isEqualTo(1);
    List<String> errors = conflict.err().lines().filter(l -> l.startsWith("error: ")).toList();
    assertThat(errors).as(conflict.err()).singleElement();
    assertThat(errors.get(0))
        .contains(ckpt.getFileName().toString())
        .contains("--size 64 but the checkpoint has 32")
        .contains("--guidance none but the checkpoint has joint")
        .contains("--forge-a 0.45 but the checkpoint has 0.4");
    assertThat(dir.resolve("conflict.zip")).doesNotExist();

    // the same good images plus two files the scan skips: the fingerprint still matches
    Path copy = dir.resolve("demo-copy");
    try (var files = Files.walk(data)) {
      for (Path f : files.toList()) {
        Path target = copy.resolve(data.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Files.writeString(copy.resolve("train/good/notes.png"), "not an image");
    Path anyGood;
    try (var s = Files.list(copy.resolve("train/good"))) {
      anyGood = s.filter(f -> f.toString().endsWith("000.png")).findFirst().orElseThrow();
    }
    byte[] png = Files.readAllBytes(anyGood);
    Files.write(copy.resolve("train/good/cut.png"), java.util.Arrays.copyOf(png, png.length / 2));

    Path longer = dir.resolve("longer.zip");
    Sgsf.Run r =
        Sgsf.run(
            "train",
            "--data",
            copy.toString(),
            "--resume",
            ckpt.toString(),
            "--iterations",
            "9",
            "--checkpoint-every",
            "3",
            "--out",
            longer.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("--iterations 9 main iterations (was 6)")
        .contains("with a checkpoint every 3 iterations (was 4)")
        .contains("2 files skipped by the scan")
        .contains("notes.png: not a decodable image")
        .contains("cut.png: truncated PNG");
    assertThat(sgsf.io.ModelBundle.load(longer).model().provenance().iterationsTrained())
        .isEqualTo(2 + 9);
    // resumed at iteration 4 of 11: periodic checkpoints at 6 and 9 (every 3), then the final one
    try (var s = Files.list(dir.resolve("longer.zip.checkpoints"))) {
      assertThat(s.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly("ckpt-000006.sgsfckpt", "ckpt-000009.sgsfckpt", "ckpt-000011.sgsfckpt");
    }
  }
}
