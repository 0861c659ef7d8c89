package sgsf.engine.metrics;

import java.util.Objects;

/**
 * How to choose all thresholds of a model.
 *
 * @param imageNg the rule for the NG threshold (upper): score at or above it means NG
 * @param imageOk the rule for the OK threshold (lower): score below it means OK; {@code null} for
 *     no review band (lower = upper)
 * @param pixel the rule for the pixel threshold (defect-region overlays, pixel confusion metrics)
 */
public record ThresholdPolicy(ThresholdRule imageNg, ThresholdRule imageOk, ThresholdRule pixel) {
  public ThresholdPolicy {
    Objects.requireNonNull(imageNg, "imageNg");
    Objects.requireNonNull(pixel, "pixel");
  }

  /** F1-max for the image and the pixel threshold, no review band. */
  public static ThresholdPolicy f1Max() {
    return new ThresholdPolicy(ThresholdRule.f1Max(), null, ThresholdRule.f1Max());
  }

  /**
   * From good samples only (what training has): NG when above the false-reject target on good
   * images, pixels likewise on normal pixels, no review band.
   */
  public static ThresholdPolicy falseRejectRate(double imageRate, double pixelRate) {
    return new ThresholdPolicy(
        ThresholdRule.falseRejectRate(imageRate), null, ThresholdRule.falseRejectRate(pixelRate));
  }

  /**
   * A review band: NG above the false-reject target on good images, OK below the miss-rate target
   * on defective images, REVIEW between; pixel threshold by F1-max.
   */
  public static ThresholdPolicy reviewBand(double falseRejectRate, double missRate) {
    return new ThresholdPolicy(
        ThresholdRule.falseRejectRate(falseRejectRate),
        ThresholdRule.missRate(missRate),
        ThresholdRule.f1Max());
  }
}
