package sgsf.engine.metrics;

/**
 * The one normalisation of image scores for display and files (the Evaluate table, {@code sgsf
 * infer}'s and {@code sgsf eval}'s {@code normalised_score}, the report, the Review queue):
 * strictly increasing, and keeping the review band visible:
 *
 * <pre>
 *   OK      s &lt; lower            -&gt; 0.25 exp((s - lower) / (w / 4))          in (0, 0.25)
 *   REVIEW  lower &lt;= s &lt; upper  -&gt; 0.25 + 0.25 (s - lower) / (upper - lower) in [0.25, 0.5)
 *   NG      s &gt;= upper           -&gt; 1 - 0.5 exp(-(s - upper) / (w / 2))      in [0.5, 1)
 * </pre>
 *
 * with w = max - min of the calibration scores (1 when they are equal). So "normalised &gt;= 0.5"
 * is the NG decision and "normalised &lt; {@link #OK_BELOW}" the OK decision, whatever the scores'
 * range; different raw scores never collapse onto one value the way a clipped linear map
 * (anomalib's {@code clip((s - t) / (max - min) + 0.5, 0, 1)}) sends all OK and REVIEW images to 0
 * when the band is wide. Both tails leave their knot with the slope 1 / w of that linear map. An
 * empty band (lower == upper) leaves [0.25, 0.5) unused.
 *
 * @param lower the OK threshold (REVIEW from here)
 * @param upper the NG threshold ({@code >= lower})
 * @param min smallest calibration score
 * @param max largest calibration score ({@code >= min})
 */
public record ImageScoreNormalisation(double lower, double upper, double min, double max) {
  /** An image with a normalised score below this is OK. */
  public static final double OK_BELOW = 0.25;

  /** An image with a normalised score at or above this is NG. */
  public static final double NG_FROM = 0.5;

  public ImageScoreNormalisation {
    if (!(lower <= upper) || !(min <= max) || !Double.isFinite(upper) || !Double.isFinite(max)) {
      throw new IllegalArgumentException(
          "normalisation needs lower <= upper and min <= max, finite; got lower "
              + lower
              + ", upper "
              + upper
              + ", min "
              + min
              + ", max "
              + max);
    }
  }

  /** The width that sets the tails' slope: max - min, or 1 when they are equal. */
  public double span() {
    return max > min ? max - min : 1.0;
  }

  /** The normalised score, in (0, 1). */
  public double apply(double score) {
    if (score >= upper) {
      return 1 - NG_FROM * Math.exp(-(score - upper) / (span() / 2));
    }
    if (score >= lower) {
      return OK_BELOW + (NG_FROM - OK_BELOW) * (score - lower) / (upper - lower);
    }
    return OK_BELOW * Math.exp((score - lower) / (span() / 4));
  }
}
