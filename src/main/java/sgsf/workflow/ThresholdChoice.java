package sgsf.workflow;

import java.util.List;
import java.util.Locale;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.ThresholdCalibrator;
import sgsf.engine.metrics.ThresholdMethod;
import sgsf.engine.metrics.ThresholdPolicy;
import sgsf.engine.metrics.ThresholdRule;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.UndefinedMetricException;

/**
 * The thresholds an evaluation starts from, and where they came from: the one default policy of
 * {@code sgsf eval} and the Evaluate view (METHOD.md section 5).
 *
 * <ol>
 *   <li>The model's stored thresholds, when it has them.
 *   <li>With good and defective images: a review band calibrated on these images, NG at the image
 *       F1-max threshold, OK below a {@link #OK_MISS_RATE} miss rate (the band collapses into one
 *       threshold when that comes out above the NG threshold), pixels at F1-max, or at 0.5 when no
 *       image has usable pixel ground truth.
 *   <li>With good images only: NG at a {@link #GOOD_ONLY_FALSE_REJECT_RATE} false-reject rate, no
 *       band, pixels at 0.5.
 *   <li>Otherwise 0.5 everywhere.
 * </ol>
 *
 * @param thresholds the thresholds
 * @param origin where they came from, for a caption or a report
 */
public record ThresholdChoice(Thresholds thresholds, String origin) {
  /** Miss-rate target of the OK (lower) threshold of the default review band. */
  public static final double OK_MISS_RATE = 0.05;

  /** False-reject target of the NG threshold when only good images are labelled. */
  public static final double GOOD_ONLY_FALSE_REJECT_RATE = 0.01;

  /** The origin of stored thresholds. */
  public static final String STORED = "stored in the model";

  /**
   * The default thresholds.
   *
   * @param stored the model's thresholds, or {@code null}
   * @param evaluated the images with ground truth (may be empty)
   * @param scores every image score of the run, with or without ground truth (for the range of the
   *     manual defaults)
   */
  public static ThresholdChoice choose(
      Thresholds stored, List<EvaluatedImage> evaluated, double[] scores) {
    if (stored != null) {
      return new ThresholdChoice(stored, STORED);
    }
    boolean good = evaluated.stream().anyMatch(e -> !e.defective());
    boolean defective = evaluated.stream().anyMatch(EvaluatedImage::defective);
    if (good && defective) {
      for (ThresholdRule pixel : List.of(ThresholdRule.f1Max(), ThresholdRule.manual(0.5))) {
        try {
          Thresholds t =
              ThresholdCalibrator.calibrate(
                  evaluated,
                  new ThresholdPolicy(
                      ThresholdRule.f1Max(), ThresholdRule.missRate(OK_MISS_RATE), pixel));
          return new ThresholdChoice(
              t,
              String.format(
                  Locale.ROOT,
                  "review band calibrated on these images (NG at image F1-max, OK below %d %%"
                      + " misses, pixels %s; optimistic: not held out)",
                  Math.round(OK_MISS_RATE * 100),
                  pixel.method() == ThresholdMethod.MANUAL
                      ? "at 0.5 (no usable pixel ground truth)"
                      : "at F1-max"));
        } catch (UndefinedMetricException e) {
          // no usable pixel ground truth: try the manual pixel threshold
        }
      }
    }
    if (good) {
      try {
        return new ThresholdChoice(
            ThresholdCalibrator.calibrate(
                evaluated,
                new ThresholdPolicy(
                    ThresholdRule.falseRejectRate(GOOD_ONLY_FALSE_REJECT_RATE),
                    null,
                    ThresholdRule.manual(0.5))),
            Math.round(GOOD_ONLY_FALSE_REJECT_RATE * 100) + " % false rejects on the good images");
      } catch (UndefinedMetricException e) {
        // fall through to the defaults
      }
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    return new ThresholdChoice(
        Thresholds.manual(0.5, 0.5, 0.5, Math.min(min, 0.5), Math.max(max, 0.5), 0, 1),
        "defaults (the model has no thresholds and the images no ground truth)");
  }
}
