package sgsf.engine.metrics;

/**
 * Min-max normalisation with the decision threshold pinned at 0.5, the convention of anomalib's
 * {@code MinMax} normalisation (anomalib {@code post_processing/normalization/min_max.py}):
 *
 * <pre>
 *   normalised(s) = clip( (s - threshold) / (max - min) + 0.5 , 0, 1 )
 * </pre>
 *
 * It is linear with slope 1 / (max - min), maps the threshold to exactly 0.5, so "normalised &gt;=
 * 0.5" is the same decision as "s &gt;= threshold", and is clipped to [0, 1]. It does <em>not</em>
 * in general map min to 0 or max to 1 (only when the threshold lies halfway between them). min and
 * max are the smallest and largest scores of the calibration data; anomalib takes both from the
 * anomaly maps for image and pixel scores alike, this workbench uses the image scores' range for
 * image scores and the maps' range for pixels. When max == min the span falls back to 1 so the
 * mapping stays defined (threshold still goes to 0.5).
 *
 * @param threshold the raw score that maps to 0.5
 * @param min smallest calibration score
 * @param max largest calibration score
 */
public record ScoreNormalisation(double threshold, double min, double max) {
  public ScoreNormalisation {
    if (!Double.isFinite(threshold) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException(
          "normalisation needs finite numbers, got threshold "
              + threshold
              + ", min "
              + min
              + ", max "
              + max);
    }
    if (max < min) {
      throw new IllegalArgumentException("normalisation max " + max + " is below min " + min);
    }
  }

  /** max - min, or 1 when they are equal. */
  public double span() {
    return max > min ? max - min : 1.0;
  }

  /** The normalised score in [0, 1]; {@code apply(threshold) == 0.5}. */
  public double apply(double score) {
    double v = (score - threshold) / span() + 0.5;
    return Math.max(0, Math.min(1, v));
  }

  /** The raw score of a normalised value in (0, 1) (the inverse of the unclipped mapping). */
  public double invert(double normalised) {
    return (normalised - 0.5) * span() + threshold;
  }
}
