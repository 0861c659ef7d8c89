package sgsf.ui.evaluation;

import java.util.ArrayList;
import java.util.List;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.ThresholdExplorer;
import sgsf.engine.metrics.Thresholds;

/**
 * A finished evaluation run.
 *
 * @param model the model that was run
 * @param source what was evaluated, e.g. "demo/texture, test split"
 * @param images one result per readable image, in source order
 * @param skipped unreadable files, with reasons
 * @param explorer the threshold explorer over the labelled images, or null when none is labelled
 * @param thresholds the starting thresholds (the model's, else calibrated, else defaults)
 * @param thresholdsOrigin how {@code thresholds} were obtained, for the user
 * @param seconds wall time of the run
 */
public record EvaluationResult(
    LoadedModel model,
    String source,
    List<ImageResult> images,
    List<SkippedFile> skipped,
    ThresholdExplorer explorer,
    Thresholds thresholds,
    String thresholdsOrigin,
    double seconds) {

  public EvaluationResult {
    images = List.copyOf(images);
    skipped = List.copyOf(skipped);
  }

  /** The labelled images as the metrics see them. */
  public List<EvaluatedImage> evaluated() {
    List<EvaluatedImage> out = new ArrayList<>();
    for (ImageResult r : images) {
      if (r.evaluated() != null) {
        out.add(r.evaluated());
      }
    }
    return out;
  }

  /** The warnings of the labelled images, by their {@link EvaluatedImage#path()}. */
  public java.util.Map<String, List<String>> warningsByPath() {
    java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (ImageResult r : images) {
      if (r.evaluated() != null && !r.warnings().isEmpty()) {
        out.put(r.evaluated().path(), r.warnings());
      }
    }
    return out;
  }

  public boolean hasGroundTruth() {
    return explorer != null;
  }
}
