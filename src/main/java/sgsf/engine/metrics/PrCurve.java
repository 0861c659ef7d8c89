package sgsf.engine.metrics;

import java.util.Objects;

/**
 * A precision-recall curve. Point {@code i} is (recall, precision) when everything scoring at or
 * above {@code thresholds[i]} is predicted defective. Points run in descending threshold order and
 * start at (recall 0, precision 1) with threshold +infinity: these are scikit-learn's {@code
 * precision_recall_curve} arrays in reverse order (scikit-learn appends that first point last and
 * gives it no threshold).
 *
 * @param recall recalls, non-decreasing
 * @param precision precisions
 * @param thresholds the score thresholds, descending
 */
public record PrCurve(double[] recall, double[] precision, double[] thresholds) {
  public PrCurve {
    Objects.requireNonNull(recall, "recall");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(thresholds, "thresholds");
    if (recall.length != precision.length || recall.length != thresholds.length) {
      throw new IllegalArgumentException("PR arrays differ in length");
    }
  }

  public int size() {
    return recall.length;
  }
}
