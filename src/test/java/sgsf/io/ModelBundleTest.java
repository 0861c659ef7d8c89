package sgsf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.train.SyntheticSurfaces;
import sgsf.engine.train.Trainer;
import sgsf.engine.train.TrainingControl;
import sgsf.engine.train.TrainingOutcome;
import sgsf.engine.train.TrainingState;

class ModelBundleTest {
  static SgsfModel model;
  static List<TrainingState> checkpoints = new ArrayList<>();

  @BeforeAll
  static void trainTinyModel() {
    Backend.configureProperties();
    ModelConfig m = new ModelConfig("test", 32, 4, false, GuidanceMode.JOINT);
    TrainConfig t = new TrainConfig(4, 0, 2, 4, 1e-3, 1.0, 2.0, 2, 0, 3, 5L);
    TrainingOutcome out =
        new Trainer(
                m,
                t,
                SyntheticSurfaces.goodSet(6, 32, 1),
                SyntheticSurfaces.rectangleForger(),
                null,
                s -> {
                  checkpoints.add(s);
                  return null;
                },
                "synthetic",
                "memory",
                "{\"strategy\":\"test\"}")
            .run(new TrainingControl());
    model = out.model();
  }

  @Test
  void saveAndLoadGiveIdenticalMaps(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.zip");
    ObjectNode thresholds = Json.mapper().createObjectNode().put("imageUpper", 0.42);
    ModelBundle.save(model, thresholds, file);
    ModelBundle.Loaded loaded = ModelBundle.load(file);
    assertThat(loaded.thresholds().get("imageUpper").asDouble()).isEqualTo(0.42);
    assertThat(loaded.model().config()).isEqualTo(model.config());
    assertThat(loaded.model().bank().ids()).isEqualTo(model.bank().ids());
    assertThat(loaded.model().provenance().history()).hasSize(model.provenance().history().size());
    var probe = SyntheticSurfaces.plantDefect(SyntheticSurfaces.surface(32, 77), 3).image();
    Prediction a = new Predictor(model).predict(probe);
    Prediction b = new Predictor(loaded.model()).predict(probe);
    assertThat(b.map().data()).containsExactly(a.map().data());
    assertThat(b.score()).isEqualTo(a.score());
    assertThat(b.neighbours()).isEqualTo(a.neighbours());
  }

  @Test
  void thresholdsCanBeRewrittenInPlace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.zip");
    ModelBundle.save(model, null, file);
    assertThat(ModelBundle.load(file).thresholds()).isNull();
    ModelBundle.writeThresholds(file, Json.mapper().createObjectNode().put("pixel", 0.3));
    assertThat(ModelBundle.load(file).thresholds().get("pixel").asDouble()).isEqualTo(0.3);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("m.zip");
    }
  }

  @Test
  void aDamagedBundleIsRejectedNamingTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.zip");
    ModelBundle.save(model, null, file);
    byte[] bytes = Files.readAllBytes(file);
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    Path cut = dir.resolve("cut.zip");
    Files.write(cut, truncated);
    assertThatThrownBy(() -> ModelBundle.load(cut))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("cut.zip");
    byte[] flipped = bytes.clone();
    for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
      flipped[i] ^= 0x5A;
    }
    Path bad = dir.resolve("flipped.zip");
    Files.write(bad, flipped);
    assertThatThrownBy(() -> ModelBundle.load(bad))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("flipped.zip");
  }

  /**
   * A bundle of format version 1 holds the network without ReLUs (DL4J's batch norm dropped them):
   * its weights belong to another function and it must be retrained, which the message says.
   */
  @Test
  void aBundleOfTheReluLessFormatAsksToBeRetrained(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.zip");
    ModelBundle.save(model, null, file);
    Path old = dir.resolve("old-model.zip");
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(old))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] b = in.getInputStream(e).readAllBytes();
        if (e.getName().equals("manifest.json")) {
          ObjectNode m = (ObjectNode) Json.mapper().readTree(b);
          m.put("formatVersion", 1);
          b = Json.mapper().writeValueAsBytes(m);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(b);
        out.closeEntry();
      }
    }
    assertThatThrownBy(() -> ModelBundle.load(old))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("old-model.zip")
        .hasMessageContaining("must be retrained");
  }

  @Test
  void foreignFilesAreRejectedWithAClearMessage(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("notes.zip");
    Files.writeString(text, "hello");
    assertThatThrownBy(() -> ModelBundle.load(text)).hasMessageContaining("not an SGSF model");
    Path zip = dir.resolve("other.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("manifest.json"));
      z.write("{\"format\":\"something-else\"}".getBytes());
      z.closeEntry();
    }
    assertThatThrownBy(() -> ModelBundle.load(zip)).hasMessageContaining("not an SGSF file");
    assertThatThrownBy(() -> ModelBundle.load(dir.resolve("missing.zip")))
        .hasMessageContaining("file not found");
  }

  @Test
  void aCheckpointIsNotAModelAndRoundTrips(@TempDir Path dir) throws IOException {
    TrainingState s = checkpoints.get(0);
    Path file = dir.resolve("c.sgsfckpt");
    ModelBundle.saveCheckpoint(s, file);
    assertThatThrownBy(() -> ModelBundle.load(file)).hasMessageContaining("training checkpoint");
    TrainingState r = ModelBundle.loadCheckpoint(file);
    assertThat(r.nextIteration()).isEqualTo(s.nextIteration());
    assertThat(r.activeGraph()).isEqualTo(s.activeGraph());
    assertThat(r.updaterState()).containsExactly(s.updaterState());
    assertThat(r.optimizerSteps()).isEqualTo(s.optimizerSteps()).isPositive();
    assertThat(r.parameters().keySet()).isEqualTo(s.parameters().keySet());
    for (String k : s.parameters().keySet()) {
      assertThat(r.parameters().get(k)).containsExactly(s.parameters().get(k));
    }
    assertThat(r.contrastSets()).isDeepEqualTo(s.contrastSets());
    assertThat(r.fingerprint()).isEqualTo(s.fingerprint());
    assertThat(r.model()).isEqualTo(s.model());
    assertThat(r.train()).isEqualTo(s.train());
  }

  @Test
  void checkpointStoreKeepsTheNewest(@TempDir Path dir) throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 1);
    for (TrainingState s : checkpoints) {
      store.save(s);
    }
    assertThat(CheckpointStore.list(dir)).hasSize(1);
  }
}
