package sgsf.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.ForgeConfig;
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
                ForgeConfig.defaults())
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
  /**
   * The provenance's forging configuration only describes the training: a bundle whose one is an
   * empty object (as test models of this format wrote) or unreadable still loads, without it; the
   * round trip of a real one is exact.
   */
  @Test
  void aProvenanceWithoutAUsableForgingConfigurationStillLoads(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("m.zip");
    ModelBundle.save(model, null, file);
    assertThat(ModelBundle.load(file).model().provenance().forge())
        .isEqualTo(model.provenance().forge())
        .isNotNull();
    for (String stored : new String[] {"{}", "{\"strategy\":\"NOT_A_STRATEGY\"}"}) {
      Path odd = dir.resolve("odd.zip");
      try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
          ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(odd))) {
        for (ZipEntry e : java.util.Collections.list(in.entries())) {
          byte[] b = in.getInputStream(e).readAllBytes();
          if (e.getName().equals("manifest.json")) {
            ObjectNode m = (ObjectNode) Json.mapper().readTree(b);
            ((ObjectNode) m.get("provenance")).set("forgeConfig", Json.mapper().readTree(stored));
            b = Json.mapper().writeValueAsBytes(m);
          }
          out.putNextEntry(new ZipEntry(e.getName()));
          out.write(b);
          out.closeEntry();
        }
      }
      assertThat(ModelBundle.load(odd).model().provenance().forge()).as(stored).isNull();
    }
  }

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

  // ---- hostile bundles (issue 14, item 8) ------------------------------------------------------

  /** Writes one entry's bytes into a zip being built. */
  interface EntryWriter {
    void write(OutputStream out) throws IOException;
  }

  /** {@code n} zero bytes, written in chunks: a zip bomb without holding it in memory. */
  static EntryWriter zeros(long n) {
    return out -> {
      byte[] chunk = new byte[1 << 20];
      for (long left = n; left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    };
  }

  /**
   * A copy of {@code source} named {@code name} with the entries in {@code replaced} written by
   * their writers (entries the source lacks are added at the end).
   */
  static Path rewritten(Path source, Path dir, String name, Map<String, EntryWriter> replaced)
      throws IOException {
    Path out = dir.resolve(name);
    Map<String, EntryWriter> left = new LinkedHashMap<>(replaced);
    try (ZipFile in = new ZipFile(source.toFile());
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry e : Collections.list(in.entries())) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        EntryWriter w = left.remove(e.getName());
        if (w == null) {
          try (var is = in.getInputStream(e)) {
            is.transferTo(zip);
          }
        } else {
          w.write(zip);
        }
        zip.closeEntry();
      }
      for (Map.Entry<String, EntryWriter> e : left.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        e.getValue().write(zip);
        zip.closeEntry();
      }
    }
    return out;
  }

  static void assertRejected(ThrowingCallable load, Path file, String entry) {
    assertThatThrownBy(load)
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining(entry)
        .hasMessageNotContaining("\n");
  }

  /**
   * A model whose weights.bin inflates to 2 GiB (about 2 MB on disk), one whose manifest is padded
   * to 256 MiB, one with an extra 256 MiB entry, and a checkpoint whose updater state inflates to
   * 256 MiB: each is rejected in one line naming the file and the entry, before it is inflated.
   */
  @Test
  void zipBombsAreRejectedBeforeTheyAreInflated(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.zip");
    ModelBundle.save(model, null, good);
    Path weights = rewritten(good, dir, "w.zip", Map.of("weights.bin", zeros(2L << 30)));
    assertRejected(() -> ModelBundle.load(weights), weights, "weights.bin");
    byte[] manifest;
    try (ZipFile z = new ZipFile(good.toFile())) {
      manifest = z.getInputStream(z.getEntry("manifest.json")).readAllBytes();
    }
    Path padded =
        rewritten(
            good,
            dir,
            "m.zip",
            Map.of(
                "manifest.json",
                out -> {
                  byte[] spaces = new byte[1 << 20];
                  Arrays.fill(spaces, (byte) ' ');
                  for (int i = 0; i < 256; i++) {
                    out.write(spaces);
                  }
                  out.write(manifest);
                }));
    assertRejected(() -> ModelBundle.load(padded), padded, "manifest.json");
    assertRejected(() -> ModelBundle.readManifest(padded), padded, "manifest.json");
    Path extra = rewritten(good, dir, "x.zip", Map.of("bank/extra.bin", zeros(256L << 20)));
    assertRejected(() -> ModelBundle.load(extra), extra, "bank/extra.bin");
    Path ckpt = dir.resolve("c.sgsfckpt");
    ModelBundle.saveCheckpoint(checkpoints.get(0), ckpt);
    Path updater = rewritten(ckpt, dir, "u.sgsfckpt", Map.of("updater.bin", zeros(256L << 20)));
    assertRejected(() -> ModelBundle.loadCheckpoint(updater), updater, "updater.bin");
  }

  /**
   * An entry whose central directory claims the right size but which inflates to 256 MiB: the bytes
   * are counted as they are inflated and the read stops at the limit.
   */
  @Test
  void aLyingEntrySizeIsCaughtWhileInflating(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.zip");
    ModelBundle.save(model, null, good);
    long trueSize;
    try (ZipFile z = new ZipFile(good.toFile())) {
      trueSize = z.getEntry("weights.bin").getSize();
    }
    Path bomb = rewritten(good, dir, "liar.zip", Map.of("weights.bin", zeros(256L << 20)));
    byte[] bytes = Files.readAllBytes(bomb);
    byte[] name = "weights.bin".getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int patched = 0;
    for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
      if (b.getInt(i) == 0x02014b50
          && b.getShort(i + 28) == name.length
          && Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
        b.putInt(i + 24, (int) trueSize);
        patched++;
      }
    }
    assertThat(patched).isEqualTo(1);
    Files.write(bomb, bytes);
    try (ZipFile z = new ZipFile(bomb.toFile())) {
      assertThat(z.getEntry("weights.bin").getSize()).isEqualTo(trueSize);
    }
    assertRejected(() -> ModelBundle.load(bomb), bomb, "weights.bin");
  }

  /** Entries that could escape a folder, and entries a model does not have, are rejected. */
  @Test
  void unsafeAndUnknownEntriesAreRejected(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.zip");
    ModelBundle.save(model, null, good);
    EntryWriter small = out -> out.write("x".getBytes(StandardCharsets.UTF_8));
    int n = 0;
    for (String entry :
        List.of(
            "../escape.txt",
            "bank/../../escape.png",
            "/etc/cron.d/job",
            "C:/Windows/x.dll",
            "notes.txt",
            "bank/images/99999.png")) {
      Path bad = rewritten(good, dir, "bad" + n++ + ".zip", Map.of(entry, small));
      assertRejected(() -> ModelBundle.load(bad), bad, entry);
    }
    Path ckpt = dir.resolve("c.sgsfckpt");
    ModelBundle.saveCheckpoint(checkpoints.get(0), ckpt);
    Path bad = rewritten(ckpt, dir, "bad.sgsfckpt", Map.of("../state.json", small));
    assertRejected(() -> ModelBundle.loadCheckpoint(bad), bad, "../state.json");
  }

  /** A bank image whose PNG header is far larger than the model's 32 px input is not decoded. */
  @Test
  void aBankImageFarLargerThanTheModelIsRejected(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.zip");
    ModelBundle.save(model, null, good);
    BufferedImage huge = new BufferedImage(4096, 4096, BufferedImage.TYPE_BYTE_GRAY);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(huge, "png", png);
    Path bad =
        rewritten(good, dir, "big.zip", Map.of("bank/images/00000.png", out -> png.writeTo(out)));
    assertRejected(() -> ModelBundle.load(bad), bad, "bank/images/00000.png");
  }

  // ---- no absolute paths in a shared model (issue 14, item 11) ---------------------------------

  /**
   * A model trained on {@code /.../alice/datasets/tiles}: the bundle stores the root's folder name
   * and bank ids relative to it, never the user's folder layout; ids outside the root keep only
   * their file name.
   */
  @Test
  void bundlesStoreNoAbsolutePathsOfTheTrainingImages(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("alice").resolve("datasets").resolve("tiles").toAbsolutePath();
    var bank = model.bank();
    List<String> ids = new ArrayList<>();
    List<sgsf.engine.image.FloatImage> images = new ArrayList<>();
    float[][] embeddings = new float[bank.size()][];
    for (int i = 0; i < bank.size(); i++) {
      ids.add(
          i == 0
              ? dir.resolve("elsewhere").resolve("confirmed.png").toAbsolutePath().toString()
              : root.resolve("train").resolve("good").resolve(i + ".png").toString());
      images.add(bank.image(i));
      embeddings[i] = bank.embedding(i);
    }
    var p = model.provenance();
    SgsfModel abs =
        new SgsfModel(
            model.network(),
            new sgsf.engine.model.FeatureBank(ids, images, embeddings),
            p.withDatasetRoot(root.toString()));
    Path file = dir.resolve("shared.zip");
    ModelBundle.save(abs, null, file);
    String stored;
    try (ZipFile z = new ZipFile(file.toFile())) {
      stored =
          new String(z.getInputStream(z.getEntry("manifest.json")).readAllBytes(), UTF_8)
              + new String(z.getInputStream(z.getEntry("bank/ids.json")).readAllBytes(), UTF_8);
    }
    assertThat(stored).doesNotContain("alice").doesNotContain(dir.toString());
    assertThat(ModelBundle.readManifest(file).path("provenance").path("datasetRoot").asText())
        .isEqualTo("tiles");
    List<String> loaded = ModelBundle.load(file).model().bank().ids();
    assertThat(loaded.get(0)).isEqualTo("confirmed.png");
    assertThat(loaded.get(1)).isEqualTo("train/good/1.png");
    // a bundle of the current format written before, with absolute ids, still loads as it is
    byte[] absoluteIds = Json.mapper().writeValueAsBytes(ids);
    Path older =
        rewritten(file, dir, "older.zip", Map.of("bank/ids.json", out -> out.write(absoluteIds)));
    assertThat(ModelBundle.load(older).model().bank().ids()).isEqualTo(ids);
  }

  /**
   * The training images' sizes and channels travel in the bundle's fingerprint; a bundle written
   * before they were recorded loads without them (and its images then get no such warning).
   */
  @Test
  void theTrainingImagesShapesRoundTripAndOlderBundlesLoadWithout(@TempDir Path dir)
      throws IOException {
    var p = model.provenance();
    var shapes = new sgsf.engine.data.ImageShapes(12, 200, 320, 150, 240, List.of(1, 3));
    SgsfModel withShapes =
        new SgsfModel(
            model.network(),
            model.bank(),
            p.withFingerprint(
                new sgsf.engine.data.DataFingerprint(
                    List.of(new sgsf.engine.data.DataFingerprint.Entry("a.png", 3, "abc")),
                    "digest",
                    shapes)));
    Path file = dir.resolve("shapes.zip");
    ModelBundle.save(withShapes, null, file);
    SgsfModel loaded = ModelBundle.load(file).model();
    assertThat(loaded.provenance().fingerprint().shapes()).isEqualTo(shapes);
    assertThat(loaded.provenance().fingerprint().digest()).isEqualTo("digest");
    assertThat(sgsf.engine.infer.ImageWarnings.trainingShapes(loaded)).isEqualTo(shapes);

    byte[] older =
        "{\"files\":[{\"name\":\"a.png\",\"size\":3,\"sha256\":\"abc\"}],\"digest\":\"digest\"}"
            .getBytes(UTF_8);
    Path old = rewritten(file, dir, "old.zip", Map.of("fingerprint.json", out -> out.write(older)));
    SgsfModel loadedOld = ModelBundle.load(old).model();
    assertThat(loadedOld.provenance().fingerprint().shapes()).isNull();
    assertThat(loadedOld.provenance().fingerprint().files()).hasSize(1);
    assertThat(sgsf.engine.infer.ImageWarnings.trainingShapes(loadedOld)).isNull();
  }
}
