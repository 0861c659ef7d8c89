package sgsf.engine.metrics;

/**
 * The threshold-free metrics of one sweep (image scores or pixels), each defined or undefined with
 * its reason, and the curves they come from.
 *
 * @param unit what was counted, "images" or "pixels"
 * @param positives defective samples (images or pixels)
 * @param negatives good samples
 * @param regions connected ground-truth regions (pixel level; 0 at image level)
 * @param auroc area under the ROC curve, exact (Mann-Whitney with ties counted one half)
 * @param averagePrecision AP = sum over thresholds of (R_n - R_{n-1}) P_n (scikit-learn's step-wise
 *     definition, no interpolation)
 * @param f1Max the best F1 over all thresholds
 * @param f1Threshold the threshold where {@code f1Max} is reached
 * @param aupro area under the PRO curve up to FPR 0.3, divided by 0.3 (pixel level only)
 * @param roc the ROC curve, or {@code null} when undefined or not kept
 * @param pr the PR curve, or {@code null} when undefined or not kept
 * @param pro the PRO curve, or {@code null} when undefined or not kept
 */
public record CurveMetrics(
    String unit,
    long positives,
    long negatives,
    long regions,
    Metric auroc,
    Metric averagePrecision,
    Metric f1Max,
    Metric f1Threshold,
    Metric aupro,
    RocCurve roc,
    PrCurve pr,
    ProCurve pro) {}
