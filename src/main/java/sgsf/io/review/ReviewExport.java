package sgsf.io.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sgsf.io.AtomicFiles;
import sgsf.io.Csv;
import sgsf.io.Json;

/**
 * Exports reviews: a CSV table, a JSON document, and the corrected masks of confirmed defects in
 * the MVTec AD layout. Every file is written atomically (temporary file, then rename).
 */
public final class ReviewExport {
  /** The CSV columns, in order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "image",
          "model",
          "defect_type",
          "verdict",
          "score",
          "has_mask",
          "note",
          "reviewer",
          "created_at",
          "updated_at",
          "revision");

  /** The defect type used for a confirmed defect whose type is unknown. */
  public static final String UNKNOWN_TYPE = "defect";

  private ReviewExport() {}

  /** Writes the reviews as RFC 4180 CSV (UTF-8, header line, CRLF line ends). */
  public static void writeCsv(List<Review> reviews, Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (Review r : reviews) {
      rows.add(
          List.of(
              r.imagePath(),
              r.modelId(),
              r.defectType() == null ? "" : r.defectType(),
              r.verdict().name(),
              Double.isNaN(r.score()) ? "" : String.format(Locale.ROOT, "%.6f", r.score()),
              Boolean.toString(r.hasMask()),
              r.note(),
              r.reviewer(),
              ReviewStore.text(r.createdAt()),
              ReviewStore.text(r.updatedAt()),
              Integer.toString(r.revision())));
    }
    AtomicFiles.writeString(file, Csv.format(CSV_COLUMNS, rows, "\r\n"));
  }

  /**
   * Writes the reviews as a JSON object {@code {"format": "sgsf-reviews", "version": 1, "reviews":
   * [...]}}; masks are not embedded ({@code hasMask} says whether one exists; see {@link
   * #exportMasks}).
   */
  public static void writeJson(List<Review> reviews, Path file) throws IOException {
    ObjectMapper m = Json.mapper();
    ObjectNode root = m.createObjectNode();
    root.put("format", "sgsf-reviews");
    root.put("version", 1);
    ArrayNode arr = root.putArray("reviews");
    for (Review r : reviews) {
      ObjectNode o = arr.addObject();
      o.put("image", r.imagePath());
      o.put("model", r.modelId());
      if (r.defectType() == null) {
        o.putNull("defectType");
      } else {
        o.put("defectType", r.defectType());
      }
      o.put("verdict", r.verdict().name());
      if (Double.isNaN(r.score())) {
        o.putNull("score");
      } else {
        o.put("score", r.score());
      }
      o.put("hasMask", r.hasMask());
      o.put("note", r.note());
      o.put("reviewer", r.reviewer());
      o.put("createdAt", ReviewStore.text(r.createdAt()));
      o.put("updatedAt", ReviewStore.text(r.updatedAt()));
      o.put("revision", r.revision());
    }
    AtomicFiles.writeBytes(file, m.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }

  /** What a mask export wrote. */
  public record MaskExport(List<Path> masks, List<Path> images, List<String> skipped) {}

  /**
   * Writes the corrected masks of the reviews marked {@link ReviewVerdict#TRUE_DEFECT} in the MVTec
   * AD layout: {@code <dir>/ground_truth/<type>/<stem>_mask.png}, and, with {@code copyImages}, the
   * images beside them as {@code <dir>/test/<type>/<file name>} so that the folder is a test split
   * with ground truth. Two images with the same file name under one type get {@code _2}, {@code
   * _3}, ... appended to the stem (image and mask alike). Defects without a drawn mask are listed
   * in {@link MaskExport#skipped()}.
   */
  public static MaskExport exportMasks(List<Review> reviews, Path dir, boolean copyImages)
      throws IOException {
    List<Path> masks = new ArrayList<>();
    List<Path> images = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Review r : reviews) {
      if (r.verdict() != ReviewVerdict.TRUE_DEFECT) {
        continue;
      }
      if (!r.hasMask()) {
        skipped.add(r.imagePath() + ": no corrected mask drawn");
        continue;
      }
      String type = safeName(r.defectType() == null ? UNKNOWN_TYPE : r.defectType());
      Path image = Path.of(r.imagePath());
      String fileName = image.getFileName().toString();
      int dot = fileName.lastIndexOf('.');
      String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
      String ext = dot > 0 ? fileName.substring(dot) : "";
      String unique = stem;
      for (int k = 2; !used.add(type + "/" + unique); k++) {
        unique = stem + "_" + k;
      }
      Path mask = dir.resolve("ground_truth").resolve(type).resolve(unique + "_mask.png");
      AtomicFiles.writeBytes(mask, r.maskPng());
      masks.add(mask);
      if (copyImages) {
        if (!Files.isRegularFile(image)) {
          skipped.add(r.imagePath() + ": image file not found, mask written without it");
          continue;
        }
        Path target = dir.resolve("test").resolve(type).resolve(unique + ext);
        AtomicFiles.copy(image, target);
        images.add(target);
      }
    }
    return new MaskExport(masks, images, skipped);
  }

  /**
   * A folder name made from a defect type: letters, digits, '-', '_' and '.'; others become '_'.
   */
  static String safeName(String type) {
    String s = type.trim().replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.equals(".") || s.equals("..") ? UNKNOWN_TYPE : s;
  }
}
