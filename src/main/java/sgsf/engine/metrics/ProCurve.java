package sgsf.engine.metrics;

import java.util.Objects;

/**
 * The per-region-overlap curve of MVTec AD (Bergmann et al., "The MVTec Anomaly Detection Dataset",
 * IJCV 2021): for each threshold, the FPR over all pixels outside ground-truth regions and the
 * overlap averaged over the connected ground-truth regions. Starts at (0, 0) with threshold
 * +infinity, descending thresholds.
 *
 * @param fpr false-positive rate on normal pixels, non-decreasing
 * @param pro mean per-region overlap, non-decreasing, clipped to [0, 1]
 * @param thresholds the score thresholds, descending
 */
public record ProCurve(double[] fpr, double[] pro, double[] thresholds) {
  public ProCurve {
    Objects.requireNonNull(fpr, "fpr");
    Objects.requireNonNull(pro, "pro");
    Objects.requireNonNull(thresholds, "thresholds");
    if (fpr.length != pro.length || fpr.length != thresholds.length) {
      throw new IllegalArgumentException("PRO arrays differ in length");
    }
  }

  public int size() {
    return fpr.length;
  }
}
