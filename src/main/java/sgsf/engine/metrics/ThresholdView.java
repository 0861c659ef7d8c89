package sgsf.engine.metrics;

import java.util.List;

/**
 * Every threshold-dependent number at one setting of the thresholds, as {@link ThresholdExplorer}
 * computes it for an interactive slider.
 *
 * @param imageLower OK below this image score
 * @param imageUpper NG at or above this image score
 * @param pixelThreshold the requested pixel threshold
 * @param imageAtNg image confusion counts, NG = predicted defective (exact)
 * @param imageAtReview image confusion counts, REVIEW or NG = predicted defective (exact)
 * @param review verdict counts (exact)
 * @param pixel pixel confusion counts from the histogram with their error bound, or {@code null}
 *     without maps
 * @param perType per defect type against the good images
 */
public record ThresholdView(
    double imageLower,
    double imageUpper,
    double pixelThreshold,
    ConfusionCounts imageAtNg,
    ConfusionCounts imageAtReview,
    ReviewCounts review,
    BinnedConfusion pixel,
    List<TypeView> perType) {

  /**
   * One defect type at the thresholds.
   *
   * @param defectType the type
   * @param images its images
   * @param ok passed (escapes)
   * @param review sent to review
   * @param ng rejected
   * @param pixel pixel confusion of the type's maps plus the good images' maps, or {@code null}
   */
  public record TypeView(
      String defectType, int images, int ok, int review, int ng, BinnedConfusion pixel) {}
}
