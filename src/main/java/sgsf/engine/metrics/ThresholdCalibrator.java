package sgsf.engine.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the thresholds of a model from evaluated images by a {@link ThresholdPolicy}.
 *
 * <p>Calibrating on the same images that are then evaluated is optimistic; a held-out set (or good
 * images only, with {@link ThresholdMethod#FALSE_REJECT_RATE}) avoids that. Rules: F1-max takes the
 * score where F1 peaks ({@link BinaryMetrics#f1Max}); a false-reject target takes the lowest
 * threshold that rejects at most floor(rate x good) good samples ({@link
 * BinaryMetrics#thresholdForFalseRejectRate}); a miss-rate target the highest threshold that lets
 * at most floor(rate x defective) defective samples pass. If the OK threshold comes out above the
 * NG threshold, one threshold halfway between meets both targets: the band collapses (noted).
 */
public final class ThresholdCalibrator {
  private ThresholdCalibrator() {}

  /**
   * Thresholds for the images by the policy.
   *
   * @throws UndefinedMetricException when a rule needs a class the images lack (e.g. F1-max on good
   *     images only), with a message that says which rule to use instead
   */
  public static Thresholds calibrate(List<EvaluatedImage> images, ThresholdPolicy policy) {
    if (images.isEmpty()) {
      throw new UndefinedMetricException("thresholds need at least one evaluated image");
    }
    double[] scores = new double[images.size()];
    int[] labels = new int[images.size()];
    double imin = Double.POSITIVE_INFINITY;
    double imax = Double.NEGATIVE_INFINITY;
    int defective = 0;
    for (int i = 0; i < scores.length; i++) {
      EvaluatedImage e = images.get(i);
      scores[i] = e.score();
      labels[i] = e.label();
      defective += e.label();
      imin = Math.min(imin, e.score());
      imax = Math.max(imax, e.score());
    }
    List<PixelMap> maps = new ArrayList<>();
    float pmin = Float.POSITIVE_INFINITY;
    float pmax = Float.NEGATIVE_INFINITY;
    for (EvaluatedImage e : images) {
      if (e.pixelUsable()) {
        maps.add(e.pixelMap());
        for (float v : e.anomalyMap()) {
          if (v < pmin) {
            pmin = v;
          }
          if (v > pmax) {
            pmax = v;
          }
        }
      }
    }
    if (maps.isEmpty()) {
      pmin = 0;
      pmax = 1;
    }
    String ngWhy = "the NG (upper) threshold";
    double upper = imageThreshold(policy.imageNg(), scores, labels, ngWhy);
    double lower = upper;
    String note = "";
    ThresholdRule lowerRule = policy.imageOk() == null ? policy.imageNg() : policy.imageOk();
    if (policy.imageOk() != null) {
      lower = imageThreshold(policy.imageOk(), scores, labels, "the OK (lower) threshold");
      if (lower > upper) {
        double mid = lower + (upper - lower) / 2;
        note =
            String.format(
                Locale.ROOT,
                "no review band needed: the OK threshold (%.6g, %s) came out above the NG threshold"
                    + " (%.6g, %s), so one threshold halfway between meets both targets",
                lower,
                policy.imageOk().describe(),
                upper,
                policy.imageNg().describe());
        lower = mid;
        upper = mid;
      }
    }
    double pixel = pixelThreshold(policy.pixel(), maps);
    String on =
        (scores.length - defective)
            + " good, "
            + defective
            + " defective images"
            + (maps.isEmpty() ? "" : ", " + maps.size() + " anomaly maps");
    return new Thresholds(
        lower,
        upper,
        lowerRule.method().name(),
        lowerRule.value(),
        policy.imageNg().method().name(),
        policy.imageNg().value(),
        pixel,
        policy.pixel().method().name(),
        policy.pixel().value(),
        imin,
        imax,
        pmin,
        pmax,
        on,
        note);
  }

  private static double imageThreshold(
      ThresholdRule rule, double[] scores, int[] labels, String which) {
    try {
      return switch (rule.method()) {
        case F1_MAX -> BinaryMetrics.f1Max(scores, labels).threshold();
        case FALSE_REJECT_RATE ->
            BinaryMetrics.thresholdForFalseRejectRate(scores, labels, rule.value());
        case MISS_RATE -> BinaryMetrics.thresholdForMissRate(scores, labels, rule.value());
        case MANUAL -> rule.value();
      };
    } catch (UndefinedMetricException e) {
      throw new UndefinedMetricException(
          "cannot choose "
              + which
              + " by "
              + rule.describe()
              + ": "
              + e.getMessage()
              + (rule.method() == ThresholdMethod.FALSE_REJECT_RATE
                  ? ""
                  : "; with good images only, use a false-reject-rate target"));
    }
  }

  private static double pixelThreshold(ThresholdRule rule, List<PixelMap> maps) {
    if (rule.method() == ThresholdMethod.MANUAL) {
      return rule.value();
    }
    if (maps.isEmpty()) {
      throw new UndefinedMetricException(
          "cannot choose the pixel threshold by "
              + rule.describe()
              + ": no image has an anomaly map (and, if defective, a ground-truth mask)");
    }
    try {
      return switch (rule.method()) {
        case F1_MAX -> PixelMetrics.f1Max(maps).threshold();
        case FALSE_REJECT_RATE -> PixelMetrics.thresholdForFalsePositiveRate(maps, rule.value());
        case MISS_RATE -> PixelMetrics.thresholdForMissRate(maps, rule.value());
        case MANUAL -> throw new AssertionError();
      };
    } catch (UndefinedMetricException e) {
      throw new UndefinedMetricException(
          "cannot choose the pixel threshold by " + rule.describe() + ": " + e.getMessage());
    }
  }
}
