package sgsf.engine.metrics;

/**
 * Confusion counts at one threshold and the metrics derived from them (METHOD.md section 4; the
 * paper's section IV-B, after [48]: TPR, TNR, accuracy and mACC = (TPR + TNR) / 2).
 *
 * <p>Positive = defective. At pixel level the counts are pixels over all maps together, so {@link
 * #iou()} is the intersection over union of the predicted and the true defect pixels of the whole
 * set (not a mean of per-image IoUs).
 *
 * @param tp defective, predicted defective
 * @param fp good, predicted defective (a false alarm / false reject)
 * @param tn good, predicted good
 * @param fn defective, predicted good (a miss / escape)
 */
public record ConfusionCounts(long tp, long fp, long tn, long fn) {

  public ConfusionCounts {
    if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
      throw new IllegalArgumentException(
          "counts must be non-negative: tp=" + tp + " fp=" + fp + " tn=" + tn + " fn=" + fn);
    }
  }

  /** Counts of {@code score >= threshold} against the labels (1 = defective). */
  public static ConfusionCounts of(double[] scores, int[] labels, double threshold) {
    ScoreSweeps.validate(scores, labels);
    long tp = 0;
    long fp = 0;
    long p = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean flagged = scores[i] >= threshold;
      if (labels[i] == 1) {
        p++;
        if (flagged) {
          tp++;
        }
      } else if (flagged) {
        fp++;
      }
    }
    long n = scores.length - p;
    return new ConfusionCounts(tp, fp, n - fp, p - tp);
  }

  public long positives() {
    return tp + fn;
  }

  public long negatives() {
    return fp + tn;
  }

  public long total() {
    return tp + fp + tn + fn;
  }

  /** The sum of two sets of counts. */
  public ConfusionCounts plus(ConfusionCounts o) {
    return new ConfusionCounts(tp + o.tp, fp + o.fp, tn + o.tn, fn + o.fn);
  }

  /** True-positive rate (recall, sensitivity) TP / (TP + FN). */
  public Metric tpr() {
    return positives() == 0
        ? Metric.undefined("TPR is undefined: there are no defective samples")
        : Metric.of((double) tp / positives());
  }

  /** True-negative rate (specificity) TN / (TN + FP). */
  public Metric tnr() {
    return negatives() == 0
        ? Metric.undefined("TNR is undefined: there are no good samples")
        : Metric.of((double) tn / negatives());
  }

  /** False-positive rate FP / (FP + TN); on good images, the false-reject rate. */
  public Metric fpr() {
    return negatives() == 0
        ? Metric.undefined("FPR is undefined: there are no good samples")
        : Metric.of((double) fp / negatives());
  }

  /** Miss rate FN / (TP + FN) (defective passed as good). */
  public Metric missRate() {
    return positives() == 0
        ? Metric.undefined("miss rate is undefined: there are no defective samples")
        : Metric.of((double) fn / positives());
  }

  /** Precision TP / (TP + FP). */
  public Metric precision() {
    return tp + fp == 0
        ? Metric.undefined("precision is undefined: nothing is predicted defective")
        : Metric.of((double) tp / (tp + fp));
  }

  /** Accuracy (TP + TN) / total. */
  public Metric accuracy() {
    return total() == 0
        ? Metric.undefined("accuracy is undefined: there are no samples")
        : Metric.of((double) (tp + tn) / total());
  }

  /** Mean class accuracy mACC = (TPR + TNR) / 2 (the paper, section IV-B). */
  public Metric mAcc() {
    Metric tpr = tpr();
    Metric tnr = tnr();
    if (!tpr.defined()) {
      return Metric.undefined("mACC is undefined: there are no defective samples");
    }
    if (!tnr.defined()) {
      return Metric.undefined("mACC is undefined: there are no good samples");
    }
    return Metric.of((tpr.value() + tnr.value()) / 2);
  }

  /** F1 = 2 TP / (2 TP + FP + FN). */
  public Metric f1() {
    long den = 2 * tp + fp + fn;
    return den == 0
        ? Metric.undefined("F1 is undefined: no defective samples and nothing predicted defective")
        : Metric.of(2.0 * tp / den);
  }

  /** Intersection over union of predicted and true defects, TP / (TP + FP + FN). */
  public Metric iou() {
    long den = tp + fp + fn;
    return den == 0
        ? Metric.undefined("IoU is undefined: no defect is present and none is predicted")
        : Metric.of((double) tp / den);
  }
}
