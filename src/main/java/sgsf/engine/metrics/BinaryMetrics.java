package sgsf.engine.metrics;

/**
 * Exact binary-classification metrics on an array of scores with 0/1 labels: the image-level
 * metrics of METHOD.md section 4 (AUROC<sub>det</sub> of the paper's section IV-B, plus AP and
 * F1-max). Label 1 = defective; {@code score >= threshold} = predicted defective. Scores must be
 * finite; ties are grouped (see the package documentation). Every function that needs both classes
 * throws {@link UndefinedMetricException} when one is missing. Cost: one O(n log n) sort.
 */
public final class BinaryMetrics {
  private BinaryMetrics() {}

  /**
   * All threshold-free metrics and the full curves (every distinct score kept) in one sweep;
   * undefined metrics come back as undefined {@link Metric}s instead of exceptions.
   */
  public static CurveMetrics evaluate(double[] scores, int[] labels) {
    CurveAccumulator acc = new CurveAccumulator("images", false, true, 0);
    ScoreSweeps.sweep(scores, labels, acc);
    return acc.result();
  }

  /** The ROC curve with every distinct score as a threshold, starting at (0, 0). */
  public static RocCurve rocCurve(double[] scores, int[] labels) {
    CurveMetrics m = evaluate(scores, labels);
    m.auroc().orElseThrow();
    return m.roc();
  }

  /**
   * Area under the ROC curve (trapezoid rule over the grouped ties). Equals the probability that a
   * random defective sample scores above a random good one, ties counting one half. All-equal
   * scores give exactly 0.5.
   */
  public static double auroc(double[] scores, int[] labels) {
    return evaluate(scores, labels).auroc().orElseThrow();
  }

  /** The precision-recall curve, starting at (recall 0, precision 1). */
  public static PrCurve prCurve(double[] scores, int[] labels) {
    CurveMetrics m = evaluate(scores, labels);
    m.averagePrecision().orElseThrow();
    return m.pr();
  }

  /** Average precision, AP = sum_n (R_n - R_{n-1}) P_n (scikit-learn's definition). */
  public static double averagePrecision(double[] scores, int[] labels) {
    return evaluate(scores, labels).averagePrecision().orElseThrow();
  }

  /** The best F1 over all thresholds, with its threshold, precision and recall. */
  public static F1Max f1Max(double[] scores, int[] labels) {
    CurveAccumulator acc = new CurveAccumulator("images", false, false, 0);
    ScoreSweeps.sweep(scores, labels, acc);
    return acc.f1MaxPoint();
  }

  /** Confusion counts of {@code score >= threshold}. */
  public static ConfusionCounts confusion(double[] scores, int[] labels, double threshold) {
    return ConfusionCounts.of(scores, labels, threshold);
  }

  /**
   * The lowest threshold at which at most {@code floor(rate * goodCount)} good samples score at or
   * above it (false-reject rate on good samples at most {@code rate}); halfway into the gap above
   * the last good score that must pass (see {@link RateThresholdFinder}).
   *
   * @throws UndefinedMetricException when there is no good sample
   */
  public static double thresholdForFalseRejectRate(double[] scores, int[] labels, double rate) {
    RateThresholdFinder f =
        new RateThresholdFinder(RateThresholdFinder.Kind.FALSE_REJECT, rate, "images");
    ScoreSweeps.sweep(scores, labels, f);
    return f.threshold();
  }

  /**
   * The highest threshold at which at most {@code floor(rate * defectiveCount)} defective samples
   * score below it (miss rate at most {@code rate}); it is the score of a defective sample.
   *
   * @throws UndefinedMetricException when there is no defective sample
   */
  public static double thresholdForMissRate(double[] scores, int[] labels, double rate) {
    RateThresholdFinder f =
        new RateThresholdFinder(RateThresholdFinder.Kind.MISS_RATE, rate, "images");
    ScoreSweeps.sweep(scores, labels, f);
    return f.threshold();
  }
}
