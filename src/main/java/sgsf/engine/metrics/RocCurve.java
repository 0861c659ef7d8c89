package sgsf.engine.metrics;

import java.util.Objects;

/**
 * A receiver operating characteristic curve. Point {@code i} is (FPR, TPR) when everything scoring
 * at or above {@code thresholds[i]} is predicted defective. Points run in descending threshold
 * order and start at (0, 0) with threshold +infinity; with every distinct score kept this is
 * scikit-learn's {@code roc_curve(..., drop_intermediate=False)} (which writes max+1 instead of
 * +infinity before version 1.3). Pixel-level curves are thinned for plotting (see {@link
 * PixelMetrics}); their areas are always computed from the full sweep.
 *
 * @param fpr false-positive rates, non-decreasing
 * @param tpr true-positive rates, non-decreasing
 * @param thresholds the score thresholds, descending
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
  public RocCurve {
    Objects.requireNonNull(fpr, "fpr");
    Objects.requireNonNull(tpr, "tpr");
    Objects.requireNonNull(thresholds, "thresholds");
    if (fpr.length != tpr.length || fpr.length != thresholds.length) {
      throw new IllegalArgumentException("ROC arrays differ in length");
    }
  }

  public int size() {
    return fpr.length;
  }

  /** Trapezoidal area under these points. */
  public double area() {
    double a = 0;
    for (int i = 1; i < fpr.length; i++) {
      a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
    }
    return a;
  }
}
