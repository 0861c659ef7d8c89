package sgsf.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import sgsf.engine.backend.SoftwareVersion;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.DataFingerprint;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.model.FeatureBank;
import sgsf.engine.model.HistoryPoint;
import sgsf.engine.model.ModelProvenance;
import sgsf.engine.model.SgsfGraphs;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.model.SgsfNetwork;
import sgsf.engine.train.TrainingState;

/**
 * The one-file model bundle (a zip) and training checkpoints (the same format with the optimiser
 * state added).
 *
 * <p>Entries: {@code manifest.json} (format, version, configs, provenance, thresholds, the list of
 * parameter blocks), {@code weights.bin} (little-endian float32 blocks in manifest order), {@code
 * history.json}, {@code fingerprint.json}, and for models {@code bank/embeddings.bin}, {@code
 * bank/ids.json}, {@code bank/images/NNNNN.png}; for checkpoints {@code state.json} and {@code
 * updater.bin}. Only JSON, raw floats and PNG are read back: no Java object deserialisation. Zip
 * CRCs are verified on reading. A hostile file is rejected naming the file and the entry: unknown
 * entries, names with {@code ..} or absolute ones, and entries (or bank images) larger than the
 * manifest's model allows, checked before and while inflating. Files are written to a temporary
 * file and renamed, so a crash never leaves a half-written bundle under the real name.
 */
public final class ModelBundle {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelBundle.class);

  public static final String FORMAT = "sgsf-model";
  public static final String CHECKPOINT_FORMAT = "sgsf-checkpoint";

  /**
   * Version 2: conv blocks carry their ReLU as a layer of its own ({@code X_reluN}); version 1
   * bundles hold a network without any ReLU (DL4J's batch norm dropped it) and must be retrained.
   */
  public static final int FORMAT_VERSION = 2;

  private static final ObjectMapper JSON = Json.mapper();

  private ModelBundle() {}

  /** A loaded model with the thresholds stored beside it (null when not yet evaluated). */
  public record Loaded(SgsfModel model, JsonNode thresholds) {}

  /** Writes a trained model, with optional thresholds (any JSON object, or null). */
  public static void save(SgsfModel model, JsonNode thresholds, Path file) throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("formatVersion", FORMAT_VERSION);
    manifest.put("softwareVersion", SoftwareVersion.get());
    manifest.set("model", JSON.valueToTree(model.config()));
    ModelProvenance p = model.provenance();
    ObjectNode prov = JSON.createObjectNode();
    prov.put("datasetName", p.datasetName());
    // only the root's folder name: a shared model must not reveal the user's folder layout
    prov.put("datasetRoot", rootName(p.datasetRoot()));
    prov.put("dataDigest", p.fingerprint().digest());
    prov.set("train", JSON.valueToTree(p.train()));
    prov.set("forgeConfig", p.forge() == null ? JSON.nullNode() : JSON.valueToTree(p.forge()));
    prov.put("forger", p.forger());
    prov.put("trainedWith", p.softwareVersion());
    prov.put("createdAt", p.createdAt());
    prov.put("iterations", p.iterationsTrained());
    prov.put("trainingSeconds", p.trainingSeconds());
    manifest.set("provenance", prov);
    if (thresholds != null && !thresholds.isNull()) {
      manifest.set("thresholds", thresholds);
    }
    Map<String, INDArray> params = model.network().parametersByLayer();
    manifest.set("parameters", layerIndex(params));
    FeatureBank bank = model.bank();
    ObjectNode b = JSON.createObjectNode();
    b.put("count", bank.size());
    b.put("dimension", bank.dimension());
    manifest.set("bank", b);

    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    entries.put("weights.bin", floats(params));
    entries.put("history.json", JSON.writeValueAsBytes(p.history()));
    entries.put("fingerprint.json", JSON.writeValueAsBytes(p.fingerprint()));
    entries.put("bank/ids.json", JSON.writeValueAsBytes(relativeIds(bank.ids(), p.datasetRoot())));
    ByteBuffer emb =
        ByteBuffer.allocate(4 * bank.size() * bank.dimension()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < bank.size(); i++) {
      for (float v : bank.embedding(i)) {
        emb.putFloat(v);
      }
    }
    entries.put("bank/embeddings.bin", emb.array());
    for (int i = 0; i < bank.size(); i++) {
      entries.put(String.format("bank/images/%05d.png", i), ImageIo.encodePng(bank.image(i)));
    }
    AtomicFiles.write(file, out -> writeZip(out, entries));
  }

  /** The last element of a dataset root ("tiles" for {@code /home/u/data/tiles}). */
  static String rootName(String datasetRoot) {
    if (datasetRoot == null || datasetRoot.isBlank()) {
      return datasetRoot;
    }
    try {
      Path name = Path.of(datasetRoot).getFileName();
      return name == null ? "" : name.toString();
    } catch (java.nio.file.InvalidPathException e) {
      return "";
    }
  }

  /**
   * Bank ids as stored: an absolute path under the dataset root becomes relative to it (with {@code
   * /} separators), any other absolute path keeps only its file name; relative ids are kept.
   * Bundles written before this stored absolute ids and still load (ids are labels, never opened).
   */
  static List<String> relativeIds(List<String> ids, String datasetRoot) {
    Path root = null;
    try {
      if (datasetRoot != null && !datasetRoot.isBlank()) {
        root = Path.of(datasetRoot).toAbsolutePath().normalize();
      }
    } catch (java.nio.file.InvalidPathException e) {
      root = null;
    }
    List<String> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      Path p;
      try {
        p = Path.of(id);
      } catch (java.nio.file.InvalidPathException e) {
        out.add(id);
        continue;
      }
      if (!p.isAbsolute()) {
        out.add(id);
      } else if (root != null && p.normalize().startsWith(root) && !p.normalize().equals(root)) {
        out.add(root.relativize(p.normalize()).toString().replace('\\', '/'));
      } else {
        Path name = p.getFileName();
        out.add(name == null ? id : name.toString());
      }
    }
    return out;
  }

  /**
   * Reads a model.
   *
   * @throws BundleFormatException naming the file when it is not a model bundle, is damaged, or was
   *     written by an incompatible version
   */
  public static Loaded load(Path file) throws IOException {
    Map<String, byte[]> e = readZip(file, FORMAT);
    JsonNode manifest = manifest(file, e, FORMAT);
    try {
      ModelConfig config = JSON.treeToValue(manifest.get("model"), ModelConfig.class);
      JsonNode prov = manifest.get("provenance");
      TrainConfig train = JSON.treeToValue(prov.get("train"), TrainConfig.class);
      Map<String, float[]> params =
          readFloats(file, manifest.get("parameters"), entry(file, e, "weights.bin"));
      SgsfNetwork network = SgsfNetwork.forInference(config);
      network.setParametersByLayer(params);
      List<String> ids = JSON.readValue(entry(file, e, "bank/ids.json"), new TypeReference<>() {});
      int count = manifest.get("bank").get("count").asInt();
      int dim = manifest.get("bank").get("dimension").asInt();
      if (ids.size() != count) {
        throw new BundleFormatException(
            file, "feature bank lists " + ids.size() + " ids, expected " + count);
      }
      ByteBuffer emb =
          ByteBuffer.wrap(entry(file, e, "bank/embeddings.bin")).order(ByteOrder.LITTLE_ENDIAN);
      if (emb.remaining() != 4L * count * dim) {
        throw new BundleFormatException(file, "feature bank embeddings have the wrong size");
      }
      float[][] embeddings = new float[count][dim];
      List<FloatImage> images = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        for (int d = 0; d < dim; d++) {
          embeddings[i][d] = emb.getFloat();
        }
        String name = String.format("bank/images/%05d.png", i);
        byte[] png = entry(file, e, name);
        checkBankImageSize(file, name, png, config.inputSize());
        try {
          images.add(ImageIo.decode(png, file.resolve(name)).withChannels(3));
        } catch (ImageReadException ex) {
          throw new BundleFormatException(file, "feature bank image " + name + " is damaged");
        }
      }
      List<HistoryPoint> history =
          JSON.readValue(entry(file, e, "history.json"), new TypeReference<>() {});
      DataFingerprint fp =
          JSON.readValue(entry(file, e, "fingerprint.json"), DataFingerprint.class);
      ModelProvenance provenance =
          new ModelProvenance(
              prov.path("datasetName").asText(),
              prov.path("datasetRoot").asText(),
              fp,
              train,
              provenanceForgeConfig(file, prov.path("forgeConfig")),
              prov.path("forger").asText(),
              prov.path("trainedWith").asText(),
              prov.path("createdAt").asText(),
              prov.path("iterations").asInt(),
              prov.path("trainingSeconds").asDouble(),
              history);
      SgsfModel model =
          new SgsfModel(network, new FeatureBank(ids, images, embeddings), provenance);
      JsonNode thresholds = manifest.get("thresholds");
      return new Loaded(model, thresholds);
    } catch (BundleFormatException ex) {
      throw ex;
    } catch (IOException | RuntimeException ex) {
      throw new BundleFormatException(file, "damaged or incompatible model: " + ex.getMessage());
    }
  }

  /** Rewrites only the thresholds of a saved model (atomically). */
  public static void writeThresholds(Path file, JsonNode thresholds) throws IOException {
    Map<String, byte[]> e = readZip(file, FORMAT);
    ObjectNode manifest = (ObjectNode) manifest(file, e, FORMAT);
    manifest.set("thresholds", thresholds);
    e.put("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    AtomicFiles.write(file, out -> writeZip(out, e));
  }

  /** Reads only the manifest (fast: for listings). */
  public static JsonNode readManifest(Path file) throws IOException {
    try (ZipFile zip = openZip(file)) {
      List<? extends ZipEntry> entries = checkedEntries(file, zip);
      JsonNode m = parse(file, readManifestEntry(file, zip));
      String format = m.path("format").asText();
      if (!FORMAT.equals(format) && !CHECKPOINT_FORMAT.equals(format)) {
        throw new BundleFormatException(
            file, "not an SGSF model or checkpoint (format '" + format + "')");
      }
      for (ZipEntry ze : entries) {
        if (!knownEntry(format, ze.getName())) {
          throw new BundleFormatException(file, "unknown entry '" + ze.getName() + "'");
        }
      }
      return m;
    }
  }

  /** Writes a training checkpoint. */
  public static void saveCheckpoint(TrainingState s, Path file) throws IOException {
    saveCheckpoint(s, file, null);
  }

  /** Writes a training checkpoint with the run's forging configuration, for resuming. */
  public static void saveCheckpoint(TrainingState s, Path file, ForgeConfig forge)
      throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", CHECKPOINT_FORMAT);
    manifest.put("formatVersion", FORMAT_VERSION);
    manifest.put("softwareVersion", SoftwareVersion.get());
    manifest.set("model", JSON.valueToTree(s.model()));
    manifest.set("train", JSON.valueToTree(s.train()));
    manifest.set("forgeConfig", forge == null ? JSON.nullNode() : JSON.valueToTree(forge));
    Map<String, float[]> params = s.parameters();
    ArrayNodeBuilder idx = new ArrayNodeBuilder();
    params.forEach((k, v) -> idx.add(k, v.length));
    manifest.set("parameters", idx.node);
    ObjectNode state = JSON.createObjectNode();
    state.put("nextIteration", s.nextIteration());
    state.put("warmupIterations", s.warmupIterations());
    state.put("plannedIterations", s.plannedIterations());
    state.put("activeGraph", s.activeGraph());
    state.put("optimizerSteps", s.optimizerSteps());
    state.put("elapsedSeconds", s.elapsedSeconds());
    state.set("contrastSets", JSON.valueToTree(s.contrastSets()));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    entries.put("state.json", JSON.writeValueAsBytes(state));
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    for (float[] v : params.values()) {
      w.write(toBytes(v));
    }
    entries.put("weights.bin", w.toByteArray());
    entries.put("updater.bin", toBytes(s.updaterState()));
    entries.put("history.json", JSON.writeValueAsBytes(s.history()));
    entries.put("fingerprint.json", JSON.writeValueAsBytes(s.fingerprint()));
    AtomicFiles.write(file, out -> writeZip(out, entries));
  }

  /**
   * Reads a training checkpoint.
   *
   * @throws BundleFormatException naming the file when it is not a checkpoint or is damaged
   */
  public static TrainingState loadCheckpoint(Path file) throws IOException {
    Map<String, byte[]> e = readZip(file, CHECKPOINT_FORMAT);
    JsonNode manifest = manifest(file, e, CHECKPOINT_FORMAT);
    try {
      ModelConfig model = JSON.treeToValue(manifest.get("model"), ModelConfig.class);
      TrainConfig train = JSON.treeToValue(manifest.get("train"), TrainConfig.class);
      Map<String, float[]> params =
          readFloats(file, manifest.get("parameters"), entry(file, e, "weights.bin"));
      JsonNode st = parse(file, entry(file, e, "state.json"));
      ByteBuffer u = ByteBuffer.wrap(entry(file, e, "updater.bin")).order(ByteOrder.LITTLE_ENDIAN);
      float[] updater = new float[u.remaining() / 4];
      u.asFloatBuffer().get(updater);
      int[][] contrast =
          st.get("contrastSets").isNull()
              ? null
              : JSON.treeToValue(st.get("contrastSets"), int[][].class);
      List<HistoryPoint> history =
          JSON.readValue(entry(file, e, "history.json"), new TypeReference<>() {});
      DataFingerprint fp =
          JSON.readValue(entry(file, e, "fingerprint.json"), DataFingerprint.class);
      return new TrainingState(
          model,
          train,
          st.get("nextIteration").asInt(),
          st.get("warmupIterations").asInt(),
          st.get("plannedIterations").asInt(),
          params,
          st.get("activeGraph").asText(),
          updater,
          st.path("optimizerSteps").asInt(0),
          contrast,
          history,
          st.get("elapsedSeconds").asDouble(),
          fp);
    } catch (BundleFormatException ex) {
      throw ex;
    } catch (IOException | RuntimeException ex) {
      throw new BundleFormatException(file, "damaged checkpoint: " + ex.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static final class ArrayNodeBuilder {
    final com.fasterxml.jackson.databind.node.ArrayNode node = JSON.createArrayNode();

    void add(String name, long length) {
      ObjectNode o = node.addObject();
      o.put("name", name);
      o.put("length", length);
    }
  }

  private static JsonNode layerIndex(Map<String, INDArray> params) {
    ArrayNodeBuilder b = new ArrayNodeBuilder();
    params.forEach((k, v) -> b.add(k, v.length()));
    return b.node;
  }

  private static byte[] floats(Map<String, INDArray> params) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (INDArray a : params.values()) {
      out.write(toBytes(a.dup().toFloatVector()));
    }
    return out.toByteArray();
  }

  private static byte[] toBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  private static Map<String, float[]> readFloats(Path file, JsonNode index, byte[] bytes)
      throws BundleFormatException {
    if (index == null || !index.isArray()) {
      throw new BundleFormatException(file, "manifest has no parameter index");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, float[]> out = new LinkedHashMap<>();
    for (JsonNode layer : index) {
      int n = layer.get("length").asInt();
      if (n < 0 || b.remaining() < 4L * n) {
        throw new BundleFormatException(
            file, "weights are truncated at layer " + layer.get("name").asText());
      }
      float[] v = new float[n];
      b.asFloatBuffer().get(v);
      b.position(b.position() + 4 * n);
      out.put(layer.get("name").asText(), v);
    }
    if (b.remaining() != 0) {
      throw new BundleFormatException(
          file, "weights have " + b.remaining() + " unexpected trailing bytes");
    }
    return out;
  }

  /**
   * The forging configuration a checkpoint was written with, if it has one.
   *
   * @throws BundleFormatException naming the file when the stored configuration is damaged
   */
  public static Optional<ForgeConfig> checkpointForgeConfig(Path checkpoint) throws IOException {
    return forgeConfig(checkpoint, readManifest(checkpoint).path("forgeConfig"));
  }

  /**
   * The forging configuration of a model's provenance, or null when it is missing or does not
   * parse: it only describes how the model was trained, so it never stops a model from loading.
   */
  private static ForgeConfig provenanceForgeConfig(Path file, JsonNode node) {
    try {
      return forgeConfig(file, node).orElse(null);
    } catch (BundleFormatException e) {
      LOG.warn("{}: provenance without a usable forging configuration ({})", file, e.getMessage());
      return null;
    }
  }

  private static Optional<ForgeConfig> forgeConfig(Path file, JsonNode node)
      throws BundleFormatException {
    if (!node.isObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.treeToValue(node, ForgeConfig.class));
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleFormatException(
          file, "damaged forging configuration (" + e.getMessage() + ")");
    }
  }

  private static JsonNode parse(Path file, byte[] bytes) throws BundleFormatException {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new BundleFormatException(file, "damaged JSON (" + e.getMessage() + ")");
    }
  }

  private static JsonNode manifest(Path file, Map<String, byte[]> e, String expectedFormat)
      throws BundleFormatException {
    JsonNode m = parse(file, entry(file, e, "manifest.json"));
    String format = m.path("format").asText();
    if (!expectedFormat.equals(format)) {
      String what =
          CHECKPOINT_FORMAT.equals(format)
              ? "a training checkpoint"
              : FORMAT.equals(format) ? "a model" : "not an SGSF file (format '" + format + "')";
      throw new BundleFormatException(
          file,
          "expected "
              + (FORMAT.equals(expectedFormat) ? "a model" : "a training checkpoint")
              + ", found "
              + what);
    }
    int version = m.path("formatVersion").asInt(-1);
    if (version == 1) {
      throw new BundleFormatException(
          file,
          "was saved by an older workbench whose network had no ReLU activations (format version"
              + " 1); it must be retrained with this version");
    }
    if (version != FORMAT_VERSION) {
      throw new BundleFormatException(
          file,
          "format version "
              + version
              + " is not supported (this workbench reads version "
              + FORMAT_VERSION
              + ")");
    }
    return m;
  }

  private static byte[] entry(Path file, Map<String, byte[]> e, String name)
      throws BundleFormatException {
    byte[] b = e.get(name);
    if (b == null) {
      throw new BundleFormatException(file, "entry '" + name + "' is missing");
    }
    return b;
  }

  private static void writeZip(OutputStream out, Map<String, byte[]> entries) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    for (Map.Entry<String, byte[]> en : entries.entrySet()) {
      ZipEntry ze = new ZipEntry(en.getKey());
      zip.putNextEntry(ze);
      zip.write(en.getValue());
      zip.closeEntry();
    }
    zip.finish();
  }

  // Limits on what a bundle may hold: every entry is checked against them before it is inflated
  // (its declared size) and while it is inflated (the bytes actually produced), so a zip bomb or
  // a lying header is rejected without allocating more than the limit.

  /** The manifest: configurations, provenance, thresholds and the parameter index. */
  static final long MANIFEST_LIMIT = 4L << 20;

  /** Every other JSON entry (history, fingerprint, training state, bank ids). */
  static final long JSON_LIMIT = 32L << 20;

  /** No entry is read beyond this, whatever the manifest implies (a byte array's reach). */
  static final long MAX_ENTRY = 1L << 30;

  /** Most feature-bank images a model may hold. */
  static final int MAX_BANK_IMAGES = 50_000;

  /** Largest embedding dimension of a feature bank. */
  static final int MAX_BANK_DIMENSION = 16_384;

  /** How much larger than the model's input a bank image's side may be. */
  static final int BANK_IMAGE_SIDE_FACTOR = 2;

  private static final java.util.regex.Pattern BANK_IMAGE =
      java.util.regex.Pattern.compile("bank/images/(\\d{5})\\.png");

  private static final List<String> MODEL_ENTRIES =
      List.of(
          "manifest.json",
          "weights.bin",
          "history.json",
          "fingerprint.json",
          "bank/ids.json",
          "bank/embeddings.bin");

  private static final List<String> CHECKPOINT_ENTRIES =
      List.of(
          "manifest.json",
          "state.json",
          "weights.bin",
          "updater.bin",
          "history.json",
          "fingerprint.json");

  private static boolean knownEntry(String format, String name) {
    return FORMAT.equals(format)
        ? MODEL_ENTRIES.contains(name) || BANK_IMAGE.matcher(name).matches()
        : CHECKPOINT_ENTRIES.contains(name);
  }

  /**
   * Reads every entry of a model ({@link #FORMAT}) or checkpoint ({@link #CHECKPOINT_FORMAT}) after
   * checking the entry names, and each entry's declared and inflated size against the limits the
   * manifest implies.
   */
  private static Map<String, byte[]> readZip(Path file, String format) throws IOException {
    try (ZipFile zip = openZip(file)) {
      List<? extends ZipEntry> entries = checkedEntries(file, zip);
      byte[] manifestBytes = readManifestEntry(file, zip);
      JsonNode manifest = manifest(file, Map.of("manifest.json", manifestBytes), format);
      Map<String, Long> limits = limits(file, manifest, format);
      Map<String, byte[]> out = new LinkedHashMap<>();
      for (ZipEntry ze : entries) {
        String name = ze.getName();
        Long limit = limits.get(name);
        if (limit == null) {
          throw new BundleFormatException(
              file,
              knownEntry(format, name)
                  ? "entry '" + name + "' is not part of this bundle (beyond the bank's count)"
                  : "unknown entry '" + name + "'");
        }
        out.put(name, name.equals("manifest.json") ? manifestBytes : read(file, zip, ze, limit));
      }
      return out;
    }
  }

  private static ZipFile openZip(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new BundleFormatException(file, "file not found");
    }
    byte[] magic = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(magic, 0, 4);
    }
    if (n < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
      throw new BundleFormatException(file, "not an SGSF model (not a zip file or empty)");
    }
    try {
      return new ZipFile(file.toFile());
    } catch (ZipException ex) {
      throw new BundleFormatException(file, "damaged file (" + ex.getMessage() + ")");
    }
  }

  /** The entries, after rejecting unsafe and duplicate names. */
  private static List<? extends ZipEntry> checkedEntries(Path file, ZipFile zip)
      throws BundleFormatException {
    List<? extends ZipEntry> entries = java.util.Collections.list(zip.entries());
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ZipEntry ze : entries) {
      String name = ze.getName();
      if (unsafeName(name)) {
        throw new BundleFormatException(file, "entry '" + name + "' has an unsafe name");
      }
      if (!seen.add(name)) {
        throw new BundleFormatException(file, "entry '" + name + "' appears twice");
      }
    }
    if (entries.isEmpty()) {
      throw new BundleFormatException(file, "not an SGSF model (not a zip file or empty)");
    }
    return entries;
  }

  /** Names that could escape a folder or address one absolutely. */
  static boolean unsafeName(String name) {
    if (name.isEmpty() || name.contains("..") || name.startsWith("/") || name.startsWith("\\")) {
      return true;
    }
    if (name.contains("\\") || name.indexOf('\0') >= 0 || name.matches("^[A-Za-z]:.*")) {
      return true;
    }
    try {
      return Path.of(name).isAbsolute();
    } catch (java.nio.file.InvalidPathException e) {
      return true;
    }
  }

  private static byte[] readManifestEntry(Path file, ZipFile zip) throws IOException {
    ZipEntry ze = zip.getEntry("manifest.json");
    if (ze == null) {
      throw new BundleFormatException(file, "entry 'manifest.json' is missing");
    }
    return read(file, zip, ze, MANIFEST_LIMIT);
  }

  /** The largest size each entry of this bundle may have, from its manifest. */
  private static Map<String, Long> limits(Path file, JsonNode manifest, String format)
      throws BundleFormatException {
    ModelConfig config;
    try {
      config = JSON.treeToValue(manifest.get("model"), ModelConfig.class);
    } catch (IOException | RuntimeException ex) {
      throw new BundleFormatException(
          file, "manifest.json has no valid model configuration (" + ex.getMessage() + ")");
    }
    long weightBytes = 4 * checkParameterIndex(file, manifest.get("parameters"), config);
    Map<String, Long> limits = new LinkedHashMap<>();
    limits.put("manifest.json", MANIFEST_LIMIT);
    limits.put("weights.bin", weightBytes);
    limits.put("history.json", JSON_LIMIT);
    limits.put("fingerprint.json", JSON_LIMIT);
    if (CHECKPOINT_FORMAT.equals(format)) {
      limits.put("state.json", JSON_LIMIT);
      // Adam keeps two values per parameter of the active graph, which holds at most all of them
      limits.put("updater.bin", 2 * weightBytes);
      return limits;
    }
    JsonNode bank = manifest.path("bank");
    int count = bank.path("count").asInt(-1);
    int dim = bank.path("dimension").asInt(-1);
    if (count < 0 || count > MAX_BANK_IMAGES) {
      throw new BundleFormatException(
          file,
          "manifest.json declares a feature bank of "
              + count
              + " images (at most "
              + MAX_BANK_IMAGES
              + ")");
    }
    if (dim < 1 || dim > MAX_BANK_DIMENSION) {
      throw new BundleFormatException(
          file, "manifest.json declares a feature bank dimension of " + dim);
    }
    limits.put("bank/ids.json", JSON_LIMIT);
    limits.put("bank/embeddings.bin", 4L * count * dim);
    long side = (long) config.inputSize() * BANK_IMAGE_SIDE_FACTOR;
    // 16-bit RGBA without compression at twice the input side, plus the PNG's own overhead
    long pngLimit = 8 * side * side + side * 8 + 65_536;
    for (int i = 0; i < count; i++) {
      limits.put(String.format("bank/images/%05d.png", i), pngLimit);
    }
    return limits;
  }

  /**
   * Checks the manifest's parameter index against the layers of the configured network.
   *
   * @return the number of parameters
   */
  private static long checkParameterIndex(Path file, JsonNode index, ModelConfig config)
      throws BundleFormatException {
    if (index == null || !index.isArray()) {
      throw new BundleFormatException(file, "manifest has no parameter index");
    }
    Map<String, Long> expected = SgsfGraphs.parameterLayout(config);
    java.util.Set<String> listed = new java.util.HashSet<>();
    long total = 0;
    for (JsonNode layer : index) {
      String name = layer.path("name").asText();
      Long n = expected.get(name);
      if (n == null || !listed.add(name)) {
        throw new BundleFormatException(
            file, "manifest.json lists parameters of layer '" + name + "' the model does not have");
      }
      if (layer.path("length").asLong(-1) != n) {
        throw new BundleFormatException(
            file,
            "manifest.json gives layer '"
                + name
                + "' "
                + layer.path("length").asText()
                + " parameters, the model has "
                + n);
      }
      total += n;
    }
    if (listed.size() != expected.size()) {
      throw new BundleFormatException(
          file,
          "manifest.json lists parameters of "
              + listed.size()
              + " layers, the model has "
              + expected.size());
    }
    return total;
  }

  /**
   * Inflates one entry, counting the bytes: more than {@code limit} (whatever the entry declares)
   * is rejected as soon as it is produced. The CRC is verified.
   */
  private static byte[] read(Path file, ZipFile zip, ZipEntry ze, long entryLimit)
      throws IOException {
    String name = ze.getName();
    long limit = Math.min(entryLimit, MAX_ENTRY);
    if (ze.getSize() > limit) {
      throw new BundleFormatException(
          file, "entry '" + name + "' declares " + ze.getSize() + " bytes, at most " + limit);
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(Math.max(ze.getSize(), 32), 1 << 24));
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    byte[] buf = new byte[65_536];
    long total = 0;
    try (InputStream in = zip.getInputStream(ze)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          throw new BundleFormatException(
              file, "entry '" + name + "' inflates to more than " + limit + " bytes");
        }
        crc.update(buf, 0, n);
        out.write(buf, 0, n);
      }
    } catch (ZipException | java.io.EOFException ex) {
      throw new BundleFormatException(
          file, "entry '" + name + "' is damaged (" + ex.getMessage() + ")");
    }
    if ((ze.getSize() >= 0 && total != ze.getSize())
        || (ze.getCrc() >= 0 && crc.getValue() != ze.getCrc())) {
      throw new BundleFormatException(
          file, "entry '" + name + "' is damaged (size or checksum does not match)");
    }
    return out.toByteArray();
  }

  /**
   * Rejects a bank image that is not a PNG or whose header declares a side more than {@link
   * #BANK_IMAGE_SIDE_FACTOR} times the model's input size, before it is decoded.
   */
  private static void checkBankImageSize(Path file, String name, byte[] png, int inputSize)
      throws BundleFormatException {
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (png.length < 24
        || !java.util.Arrays.equals(png, 0, 8, signature, 0, 8)
        || png[12] != 'I'
        || png[13] != 'H'
        || png[14] != 'D'
        || png[15] != 'R') {
      throw new BundleFormatException(file, "feature bank image " + name + " is not a PNG");
    }
    ByteBuffer b = ByteBuffer.wrap(png, 16, 8).order(ByteOrder.BIG_ENDIAN);
    long w = Integer.toUnsignedLong(b.getInt());
    long h = Integer.toUnsignedLong(b.getInt());
    long max = (long) inputSize * BANK_IMAGE_SIDE_FACTOR;
    if (w > max || h > max) {
      throw new BundleFormatException(
          file,
          "feature bank image "
              + name
              + " is "
              + w
              + "x"
              + h
              + ", far larger than the model's "
              + inputSize
              + "x"
              + inputSize
              + " input");
    }
  }
}
