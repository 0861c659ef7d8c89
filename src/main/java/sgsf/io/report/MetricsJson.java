package sgsf.io.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sgsf.engine.metrics.ConfusionCounts;
import sgsf.engine.metrics.CurveMetrics;
import sgsf.engine.metrics.Metric;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.ReviewCounts;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.TypeMetrics;
import sgsf.io.AtomicFiles;
import sgsf.io.Json;

/**
 * {@code metrics.json}: every number of a {@link MetricsSummary} under stable snake_case keys.
 *
 * <p>The headline keys {@code image_auroc}, {@code pixel_auroc}, {@code pixel_ap}, {@code aupro},
 * {@code image_f1_max} (and {@code image_ap}, {@code pixel_f1_max}) sit at the top level, each a
 * number in [0, 1], or {@code null} when undefined, in which case {@code undefined} maps the key to
 * the reason. Nested objects: {@code image_at_threshold} (NG = defective), {@code
 * image_at_review_threshold} (REVIEW or NG = defective), {@code review}, {@code
 * pixel_at_threshold}, {@code counts}, {@code thresholds} (the {@link Thresholds} record), {@code
 * per_type}, {@code notes}, and {@code run} (whatever the caller passes: model, preset, training
 * time, ...).
 */
public final class MetricsJson {
  /** File name inside a run folder. */
  public static final String FILE_NAME = "metrics.json";

  /** The value of the {@code format} key. */
  public static final String FORMAT = "sgsf-metrics/1";

  /** The headline keys, in the order reports show them. */
  public static final List<String> HEADLINE_KEYS =
      List.of(
          "image_auroc",
          "image_ap",
          "image_f1_max",
          "pixel_auroc",
          "pixel_ap",
          "pixel_f1_max",
          "aupro");

  private static final ObjectMapper MAPPER = Json.mapper();

  private MetricsJson() {}

  /** The JSON tree of a summary (ordered maps, lists, numbers, strings, nulls). */
  public static Map<String, Object> toMap(MetricsSummary s, Map<String, ?> run) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, String> undefined = new LinkedHashMap<>();
    root.put("format", FORMAT);
    CurveMetrics ic = s.image().curves();
    CurveMetrics pc = s.pixel() == null ? null : s.pixel().curves();
    put(root, undefined, "image_auroc", ic.auroc());
    put(root, undefined, "image_ap", ic.averagePrecision());
    put(root, undefined, "image_f1_max", ic.f1Max());
    put(root, undefined, "image_f1_threshold", ic.f1Threshold());
    String noMaps = "no anomaly maps were evaluated";
    put(root, undefined, "pixel_auroc", pc == null ? Metric.undefined(noMaps) : pc.auroc());
    put(root, undefined, "pixel_ap", pc == null ? Metric.undefined(noMaps) : pc.averagePrecision());
    put(root, undefined, "pixel_f1_max", pc == null ? Metric.undefined(noMaps) : pc.f1Max());
    put(
        root,
        undefined,
        "pixel_f1_threshold",
        pc == null ? Metric.undefined(noMaps) : pc.f1Threshold());
    put(root, undefined, "aupro", pc == null ? Metric.undefined(noMaps) : pc.aupro());
    root.put("aupro_fpr_limit", 0.3);

    Thresholds t = s.thresholds();
    root.put(
        "image_at_threshold",
        confusion(s.image().atNg(), t.imageUpper(), false, undefined, "image_at_threshold"));
    root.put(
        "image_at_review_threshold",
        confusion(
            s.image().atReview(), t.imageLower(), false, undefined, "image_at_review_threshold"));
    root.put("review", review(s.image().review()));
    if (s.pixel() != null) {
      root.put(
          "pixel_at_threshold",
          confusion(
              s.pixel().atThreshold(), t.pixelThreshold(), true, undefined, "pixel_at_threshold"));
    }

    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("images", s.images());
    counts.put("good_images", s.goodImages());
    counts.put("defective_images", s.defectiveImages());
    if (s.pixel() != null) {
      counts.put("maps", s.pixel().maps());
      counts.put("maps_skipped_without_mask", s.pixel().skippedWithoutMask());
      counts.put("pixels", pc.positives() + pc.negatives());
      counts.put("defect_pixels", pc.positives());
      counts.put("defect_regions", pc.regions());
      counts.put("resolution", s.pixel().resolutions());
    }
    root.put("counts", counts);
    root.put("thresholds", MAPPER.convertValue(t, new TypeReference<Map<String, Object>>() {}));

    Map<String, Object> perType = new LinkedHashMap<>();
    for (TypeMetrics tm : s.perType()) {
      Map<String, Object> m = new LinkedHashMap<>();
      String prefix = "per_type." + tm.defectType() + ".";
      m.put("images", tm.images());
      m.put("good_images", tm.goodImages());
      put(m, undefined, prefix, "image_auroc", tm.image().auroc());
      put(m, undefined, prefix, "image_ap", tm.image().averagePrecision());
      put(m, undefined, prefix, "image_f1_max", tm.image().f1Max());
      if (tm.pixel() != null) {
        put(m, undefined, prefix, "pixel_auroc", tm.pixel().auroc());
        put(m, undefined, prefix, "pixel_ap", tm.pixel().averagePrecision());
        put(m, undefined, prefix, "aupro", tm.pixel().aupro());
      }
      m.put("ok", tm.review().defectiveOk());
      m.put("review", tm.review().defectiveReview());
      m.put("ng", tm.review().defectiveNg());
      put(m, undefined, prefix, "detection_rate", tm.detectionRate());
      put(m, undefined, prefix, "escape_rate", tm.escapeRate());
      perType.put(tm.defectType(), m);
    }
    root.put("per_type", perType);
    root.put("undefined", undefined);
    root.put("notes", s.notes());
    root.put("run", run == null ? Map.of() : new LinkedHashMap<>(run));
    return root;
  }

  private static void put(
      Map<String, Object> into, Map<String, String> undefined, String key, Metric m) {
    put(into, undefined, "", key, m);
  }

  private static void put(
      Map<String, Object> into,
      Map<String, String> undefined,
      String prefix,
      String key,
      Metric m) {
    if (m.defined()) {
      into.put(key, m.value());
    } else {
      into.put(key, null);
      undefined.put(prefix + key, m.undefinedReason());
    }
  }

  private static Map<String, Object> confusion(
      ConfusionCounts c,
      double threshold,
      boolean pixel,
      Map<String, String> undefined,
      String prefix) {
    Map<String, Object> m = new LinkedHashMap<>();
    String p = prefix + ".";
    m.put("threshold", threshold);
    m.put("tp", c.tp());
    m.put("fp", c.fp());
    m.put("tn", c.tn());
    m.put("fn", c.fn());
    put(m, undefined, p, "tpr", c.tpr());
    put(m, undefined, p, "tnr", c.tnr());
    put(m, undefined, p, "fpr", c.fpr());
    put(m, undefined, p, "precision", c.precision());
    put(m, undefined, p, "accuracy", c.accuracy());
    put(m, undefined, p, "macc", c.mAcc());
    put(m, undefined, p, "f1", c.f1());
    if (pixel) {
      put(m, undefined, p, "iou", c.iou());
    }
    return m;
  }

  private static Map<String, Object> review(ReviewCounts r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("good_ok", r.goodOk());
    m.put("good_review", r.goodReview());
    m.put("good_ng", r.goodNg());
    m.put("defective_ok", r.defectiveOk());
    m.put("defective_review", r.defectiveReview());
    m.put("defective_ng", r.defectiveNg());
    return m;
  }

  /** Writes {@code metrics.json} atomically. */
  public static void write(Path file, MetricsSummary s, Map<String, ?> run) throws IOException {
    AtomicFiles.writeBytes(
        file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(toMap(s, run)));
  }

  /**
   * Reads a {@code metrics.json} (or the one inside a run folder) as a JSON tree.
   *
   * @throws IOException naming the file when it is missing or not a metrics file
   */
  public static Map<String, Object> read(Path fileOrRunFolder) throws IOException {
    Path file =
        Files.isDirectory(fileOrRunFolder) ? fileOrRunFolder.resolve(FILE_NAME) : fileOrRunFolder;
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(
          file.toString(), null, "no " + FILE_NAME + " here (give a run folder or the file)");
    }
    Map<String, Object> m;
    try {
      m = MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IOException(file + ": not a readable JSON file (" + e.getMessage() + ")", e);
    }
    if (m == null || !FORMAT.equals(m.get("format"))) {
      throw new IOException(
          file + ": not an sgsf metrics file (no \"format\": \"" + FORMAT + "\")");
    }
    return m;
  }
}
