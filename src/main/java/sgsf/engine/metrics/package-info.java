/**
 * Evaluation metrics of the workbench on plain arrays (METHOD.md section 4; the SGSF paper, section
 * IV-B): image-level AUROC<sub>det</sub>, pixel-level AUROC<sub>loc</sub> and AP<sub>loc</sub>,
 * AUPRO up to FPR 0.3 (MVTec AD's per-region overlap), F1-max, the confusion metrics at a chosen
 * threshold (TPR, TNR, precision, accuracy, mACC = (TPR + TNR) / 2, IoU), thresholds with a review
 * band, and a binned (histogram) form of the pixel metrics for interactive threshold changes.
 *
 * <p><b>Conventions, everywhere in this package.</b> Label 1 means defective (positive), label 0
 * good (negative). A score at or above a threshold is predicted defective ({@code score >=
 * threshold}), as in scikit-learn's {@code roc_curve}. Curves are swept over the distinct score
 * values in descending order; equal scores form one group and move the curve in a single step, so
 * ties are handled the way scikit-learn's {@code roc_curve(drop_intermediate=False)} and {@code
 * precision_recall_curve} handle them. A metric that needs both classes and sees only one is
 * <em>undefined</em>: the array functions throw {@link
 * sgsf.engine.metrics.UndefinedMetricException} and the summaries carry a {@link
 * sgsf.engine.metrics.Metric} with the reason; no function here returns a silent NaN.
 */
package sgsf.engine.metrics;
