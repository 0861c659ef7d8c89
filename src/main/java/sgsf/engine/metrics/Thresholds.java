package sgsf.engine.metrics;

import java.util.Objects;

/**
 * The decision thresholds of a model, as the model bundle stores them (a plain record of numbers
 * and strings, so Jackson writes and reads it as JSON without configuration).
 *
 * <p><b>Review band</b> (METHOD.md section 5): an image scoring below {@code imageLower} is OK, at
 * or above {@code imageUpper} NG, in between REVIEW for a human. Without a band both are equal.
 * <b>Normalisation</b>: image scores are shown normalised by {@link ImageScoreNormalisation} (OK
 * below 0.25, REVIEW in [0.25, 0.5), NG from 0.5), anomaly maps with the pixel threshold pinned at
 * 0.5 ({@link ScoreNormalisation}, anomalib's convention).
 *
 * @param imageLower OK below this raw image score
 * @param imageUpper NG at or above this raw image score ({@code >= imageLower})
 * @param imageLowerMethod how {@code imageLower} was chosen: a {@link ThresholdMethod} name
 * @param imageLowerTarget the target rate (or the manual value) of that method, 0 for F1_MAX
 * @param imageUpperMethod how {@code imageUpper} was chosen: a {@link ThresholdMethod} name
 * @param imageUpperTarget the target rate (or the manual value) of that method, 0 for F1_MAX
 * @param pixelThreshold a pixel scoring at or above this is marked defective
 * @param pixelMethod how {@code pixelThreshold} was chosen: a {@link ThresholdMethod} name
 * @param pixelTarget the target rate (or the manual value) of that method, 0 for F1_MAX
 * @param imageScoreMin smallest image score of the calibration data (normalisation)
 * @param imageScoreMax largest image score of the calibration data (normalisation)
 * @param pixelScoreMin smallest anomaly-map value of the calibration data (normalisation)
 * @param pixelScoreMax largest anomaly-map value of the calibration data (normalisation)
 * @param calibratedOn what the thresholds were chosen on, e.g. "96 good, 200 defective images"
 * @param note anything a reader must know (a collapsed band, ...), "" when nothing
 */
public record Thresholds(
    double imageLower,
    double imageUpper,
    String imageLowerMethod,
    double imageLowerTarget,
    String imageUpperMethod,
    double imageUpperTarget,
    double pixelThreshold,
    String pixelMethod,
    double pixelTarget,
    double imageScoreMin,
    double imageScoreMax,
    double pixelScoreMin,
    double pixelScoreMax,
    String calibratedOn,
    String note) {

  public Thresholds {
    requireFinite("imageLower", imageLower);
    requireFinite("imageUpper", imageUpper);
    requireFinite("pixelThreshold", pixelThreshold);
    requireFinite("imageScoreMin", imageScoreMin);
    requireFinite("imageScoreMax", imageScoreMax);
    requireFinite("pixelScoreMin", pixelScoreMin);
    requireFinite("pixelScoreMax", pixelScoreMax);
    if (imageLower > imageUpper) {
      throw new IllegalArgumentException(
          "the OK threshold " + imageLower + " lies above the NG threshold " + imageUpper);
    }
    if (imageScoreMin > imageScoreMax || pixelScoreMin > pixelScoreMax) {
      throw new IllegalArgumentException("a score range has min above max");
    }
    checkMethod("imageLowerMethod", imageLowerMethod, imageLowerTarget);
    checkMethod("imageUpperMethod", imageUpperMethod, imageUpperTarget);
    checkMethod("pixelMethod", pixelMethod, pixelTarget);
    calibratedOn = Objects.requireNonNullElse(calibratedOn, "");
    note = Objects.requireNonNullElse(note, "");
  }

  private static void requireFinite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + v);
    }
  }

  private static void checkMethod(String name, String method, double target) {
    if (method == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    ThresholdMethod m;
    try {
      m = ThresholdMethod.valueOf(method);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name
              + " is '"
              + method
              + "'; expected one of F1_MAX, FALSE_REJECT_RATE, MISS_RATE, MANUAL");
    }
    new ThresholdRule(m, target); // validates the target
  }

  /**
   * Thresholds set by hand, normalised over the given score ranges.
   *
   * @param imageLower OK below
   * @param imageUpper NG at or above
   * @param pixel pixel threshold
   */
  public static Thresholds manual(
      double imageLower,
      double imageUpper,
      double pixel,
      double imageMin,
      double imageMax,
      double pixelMin,
      double pixelMax) {
    return new Thresholds(
        imageLower,
        imageUpper,
        ThresholdMethod.MANUAL.name(),
        imageLower,
        ThresholdMethod.MANUAL.name(),
        imageUpper,
        pixel,
        ThresholdMethod.MANUAL.name(),
        pixel,
        imageMin,
        imageMax,
        pixelMin,
        pixelMax,
        "",
        "");
  }

  /** OK below the lower threshold, NG at or above the upper one, REVIEW in between. */
  public Verdict verdict(double imageScore) {
    if (imageScore >= imageUpper) {
      return Verdict.NG;
    }
    return imageScore >= imageLower ? Verdict.REVIEW : Verdict.OK;
  }

  public boolean hasReviewBand() {
    return imageLower < imageUpper;
  }

  /** Image-score normalisation: the band's thresholds map to 0.25 and 0.5. */
  public ImageScoreNormalisation imageNormalisation() {
    return new ImageScoreNormalisation(imageLower, imageUpper, imageScoreMin, imageScoreMax);
  }

  /** Anomaly-map normalisation: {@code pixelThreshold} maps to 0.5. */
  public ScoreNormalisation pixelNormalisation() {
    return new ScoreNormalisation(pixelThreshold, pixelScoreMin, pixelScoreMax);
  }

  /** The same thresholds with a hand-set image band (e.g. from the GUI's sliders). */
  public Thresholds withImageBand(double lower, double upper) {
    return new Thresholds(
        lower,
        upper,
        ThresholdMethod.MANUAL.name(),
        lower,
        ThresholdMethod.MANUAL.name(),
        upper,
        pixelThreshold,
        pixelMethod,
        pixelTarget,
        imageScoreMin,
        imageScoreMax,
        pixelScoreMin,
        pixelScoreMax,
        calibratedOn,
        "");
  }

  /** The same thresholds with a hand-set pixel threshold. */
  public Thresholds withPixelThreshold(double pixel) {
    return new Thresholds(
        imageLower,
        imageUpper,
        imageLowerMethod,
        imageLowerTarget,
        imageUpperMethod,
        imageUpperTarget,
        pixel,
        ThresholdMethod.MANUAL.name(),
        pixel,
        imageScoreMin,
        imageScoreMax,
        pixelScoreMin,
        pixelScoreMax,
        calibratedOn,
        note);
  }

  /** One line per threshold, for reports and logs. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (hasReviewBand()) {
      b.append("image OK below ").append(format(imageLower));
      b.append(" (")
          .append(ThresholdRule.describe(imageLowerMethod, imageLowerTarget))
          .append(")\n");
      b.append("image NG at or above ").append(format(imageUpper));
      b.append(" (")
          .append(ThresholdRule.describe(imageUpperMethod, imageUpperTarget))
          .append(")\n");
    } else {
      b.append("image NG at or above ").append(format(imageUpper));
      b.append(" (").append(ThresholdRule.describe(imageUpperMethod, imageUpperTarget));
      b.append("), no review band\n");
    }
    b.append("pixel defect at or above ").append(format(pixelThreshold));
    b.append(" (").append(ThresholdRule.describe(pixelMethod, pixelTarget)).append(")");
    if (!calibratedOn.isEmpty()) {
      b.append("\ncalibrated on ").append(calibratedOn);
    }
    if (!note.isEmpty()) {
      b.append("\n").append(note);
    }
    return b.toString();
  }

  /** A number with at most 6 significant digits and no trailing zeros (0.31, 0.515, 1.2e-05). */
  public static String format(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : Double.toString(v);
    }
    java.math.BigDecimal d =
        new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
    return Math.abs(v) < 1e-4 || Math.abs(v) >= 1e7 ? d.toString() : d.toPlainString();
  }
}
