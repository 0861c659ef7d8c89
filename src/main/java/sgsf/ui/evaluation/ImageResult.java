package sgsf.ui.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import sgsf.engine.data.Sample;
import sgsf.engine.image.FloatImage;
import sgsf.engine.metrics.EvaluatedImage;

/**
 * What the model said about one image, with the ground truth when known.
 *
 * @param image the image file
 * @param defectType "good", a defect type, or null when the ground truth is unknown (a plain
 *     folder)
 * @param mask the ground-truth mask file, or null
 * @param score the image score
 * @param map the anomaly map at model resolution (one channel)
 * @param evaluated the same for the metrics (map and mask at model resolution), or null when the
 *     ground truth is unknown
 * @param warnings why the score may mislead ({@link sgsf.engine.infer.ImageWarnings}), empty when
 *     nothing
 */
public record ImageResult(
    Path image,
    String defectType,
    Path mask,
    double score,
    FloatImage map,
    EvaluatedImage evaluated,
    List<String> warnings) {

  public ImageResult {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(map, "map");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A result without warnings. */
  public ImageResult(
      Path image,
      String defectType,
      Path mask,
      double score,
      FloatImage map,
      EvaluatedImage evaluated) {
    this(image, defectType, mask, score, map, evaluated, List.of());
  }

  public boolean labelled() {
    return defectType != null;
  }

  /** True for a known defective image. */
  public boolean defective() {
    return defectType != null && !Sample.GOOD.equals(defectType);
  }

  /** "good", the defect type, or "unknown". */
  public String groundTruth() {
    return defectType == null ? "unknown" : defectType;
  }

  public String fileName() {
    return String.valueOf(image.getFileName());
  }
}
