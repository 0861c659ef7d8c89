package sgsf.ui.evaluation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.data.PathNames;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.FloatImage;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.io.AtomicFiles;
import sgsf.io.Json;
import sgsf.io.workspace.Workspace;

/**
 * Each model's last evaluation, kept in the workspace's {@link Workspace#evaluationsDir()
 * evaluations} folder so that the Evaluate table and the Review queue come back after a restart.
 * One gzip-compressed JSON file per model, named after the model's id ({@link LoadedModel#id()}:
 * file name and creation time) and holding that id; written atomically ({@link AtomicFiles}) with
 * the workbench's JSON mapper. Per image it keeps the score, the anomaly map and the ground-truth
 * mask at model resolution (so every metric is recomputed exactly) and the image warnings; the
 * starting thresholds are chosen again on restore, as a new run would choose them.
 *
 * <p>A stored evaluation that is damaged, of another format or of another model is ignored with a
 * one-line warning in the log: it never keeps a model from opening.
 */
public final class EvaluationArchive {
  /** The version of the stored document. */
  public static final int FORMAT = 1;

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationArchive.class);
  private static final ObjectMapper MAPPER = Json.mapper();

  private EvaluationArchive() {}

  /**
   * The stored document.
   *
   * @param format {@link #FORMAT}
   * @param model the model id the evaluation belongs to
   * @param evaluatedAt when it was stored (ISO-8601, UTC)
   * @param source what was evaluated, for the user
   * @param seconds wall time of the run
   * @param images one entry per evaluated image, in order
   * @param skipped the files that could not be read
   */
  record Stored(
      int format,
      String model,
      String evaluatedAt,
      String source,
      double seconds,
      List<StoredImage> images,
      List<StoredSkip> skipped) {}

  /**
   * One image: {@code map} is the anomaly map as little-endian float32, {@code groundTruth} the 0/1
   * mask (null when unknown); {@code defectType} is null for an image without ground truth.
   */
  record StoredImage(
      String image,
      String defectType,
      String mask,
      double score,
      int width,
      int height,
      byte[] map,
      boolean evaluated,
      byte[] groundTruth,
      List<String> warnings) {}

  /** A file the run skipped, with the reason. */
  record StoredSkip(String file, String reason) {}

  /** The file the evaluations of the model {@code modelId} are kept in. */
  public static Path fileFor(Workspace ws, String modelId) {
    String safe = modelId.replaceAll("[^A-Za-z0-9._-]+", "_");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    return ws.evaluationsDir().resolve(safe + "-" + shortHash(modelId) + ".json.gz");
  }

  /** Keeps {@code r} as its model's last evaluation (replacing the one kept before). */
  public static void save(Workspace ws, EvaluationResult r) throws IOException {
    List<StoredImage> images = new ArrayList<>(r.images().size());
    for (ImageResult i : r.images()) {
      FloatImage map = i.map();
      EvaluatedImage e = i.evaluated();
      images.add(
          new StoredImage(
              PathNames.lossless(i.image()),
              i.defectType(),
              i.mask() == null ? null : PathNames.lossless(i.mask()),
              i.score(),
              map.width(),
              map.height(),
              floats(map.data()),
              e != null,
              e == null ? null : e.groundTruth(),
              i.warnings()));
    }
    List<StoredSkip> skipped = new ArrayList<>();
    for (SkippedFile s : r.skipped()) {
      skipped.add(new StoredSkip(PathNames.lossless(s.path()), s.reason()));
    }
    Stored doc =
        new Stored(
            FORMAT,
            r.model().id(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            r.source(),
            r.seconds(),
            images,
            skipped);
    AtomicFiles.write(
        fileFor(ws, r.model().id()),
        out -> {
          GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
          MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(gz, doc);
          gz.finish();
        });
  }

  /**
   * The last evaluation kept for {@code model}, assembled for it; empty when none is kept, and when
   * the kept one cannot be used (damaged, another format, another model), which is logged in one
   * line.
   */
  public static Optional<EvaluationResult> restore(Workspace ws, LoadedModel model) {
    Path file = fileFor(ws, model.id());
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Stored doc;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
        doc = MAPPER.readValue(in, Stored.class);
      }
      return Optional.of(toResult(doc, model));
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "{}: the kept evaluation cannot be used and is ignored ({})",
          file,
          e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage()));
      return Optional.empty();
    }
  }

  private static EvaluationResult toResult(Stored doc, LoadedModel model) {
    if (doc == null || doc.format() != FORMAT) {
      throw new IllegalArgumentException(
          "format " + (doc == null ? "none" : doc.format()) + ", this build reads " + FORMAT);
    }
    if (!model.id().equals(doc.model())) {
      throw new IllegalArgumentException(
          "it belongs to the model " + doc.model() + ", not " + model.id());
    }
    if (doc.images() == null || doc.images().isEmpty()) {
      throw new IllegalArgumentException("it holds no image");
    }
    List<ImageResult> results = new ArrayList<>(doc.images().size());
    for (StoredImage s : doc.images()) {
      float[] map = floats(s.map(), s.width(), s.height(), s.image());
      FloatImage image = new FloatImage(1, s.height(), s.width(), map);
      EvaluatedImage e = null;
      if (s.evaluated()) {
        e =
            new EvaluatedImage(
                s.image(),
                s.defectType(),
                Sample.GOOD.equals(s.defectType()) ? 0 : 1,
                s.score(),
                s.width(),
                s.height(),
                map,
                s.groundTruth());
      }
      results.add(
          new ImageResult(
              PathNames.path(s.image()),
              s.defectType(),
              s.mask() == null ? null : PathNames.path(s.mask()),
              s.score(),
              image,
              e,
              s.warnings()));
    }
    List<SkippedFile> skipped = new ArrayList<>();
    if (doc.skipped() != null) {
      for (StoredSkip s : doc.skipped()) {
        skipped.add(new SkippedFile(PathNames.path(s.file()), s.reason()));
      }
    }
    String source = (doc.source() == null ? "" : doc.source()) + evaluatedAt(doc.evaluatedAt());
    return EvaluationJob.assemble(model, source, results, skipped, doc.seconds());
  }

  private static String evaluatedAt(String at) {
    return at == null || at.isBlank() ? "" : " (kept from " + at.replace('T', ' ') + ")";
  }

  private static byte[] floats(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  private static float[] floats(byte[] bytes, int width, int height, String image) {
    if (bytes == null || width <= 0 || height <= 0 || bytes.length != 4L * width * height) {
      throw new IllegalArgumentException(
          image + ": the anomaly map does not match its size " + width + "x" + height);
    }
    float[] out = new float[width * height];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  private static String shortHash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
