package sgsf.engine.metrics;

/**
 * Pixel metrics computed from a {@link PixelHistogram}, each with a proven bound on its distance
 * from the exact value (the one {@link PixelMetrics#exact} computes from the same maps).
 *
 * <p>The binned values are the exact metrics of the scores quantised to bin edges: bins keep their
 * order, only scores that share a bin become ties. Let bin k hold p_k defect and n_k normal pixels,
 * with cumulative counts TP, FP before (b) and after (a) the bin in the descending sweep.
 *
 * <ul>
 *   <li>AUROC: a pair (defect, normal) in the same bin counts 1/2 instead of 0 or 1, so |error|
 *       &lt;= sum_k p_k n_k / (2 P N).
 *   <li>AP: every defect pixel of bin k contributes, in the exact sweep, a precision between (TP_b
 *       + 1) / (TP_b + 1 + FP_a) and TP_a / (TP_a + FP_b), and so does the binned one, so |error|
 *       &lt;= sum_k (p_k / P) (upper_k - lower_k).
 *   <li>F1-max: F1 at a bin edge is exact, so binned &lt;= exact &lt;= max_k 2 TP_a / (TP_a + FP_b
 *       + P); the bound is that maximum minus the binned value.
 *   <li>AUPRO: inside bin k the exact PRO curve stays in the box [F_b, F_a] x [R_b, R_a], so
 *       |error| &lt;= sum_k (min(F_a, 0.3) - F_b) (R_a - R_b) / 0.3 over bins starting below 0.3.
 * </ul>
 *
 * The top bin holds only scores equal to 1 (when none exceeds 1), so it adds nothing to the bounds.
 * These hold for scores in [0, 1]; {@link PixelHistogram#outOfRange()} counts the others (clamped
 * into the end bins), which void the guarantee.
 *
 * @param metrics the binned metrics (curves with one point per non-empty bin)
 * @param aurocErrorBound bound on |binned - exact| AUROC
 * @param apErrorBound bound on |binned - exact| AP
 * @param f1MaxErrorBound bound on exact - binned F1-max (binned never exceeds exact)
 * @param auproErrorBound bound on |binned - exact| AUPRO
 */
public record BinnedCurveMetrics(
    CurveMetrics metrics,
    double aurocErrorBound,
    double apErrorBound,
    double f1MaxErrorBound,
    double auproErrorBound) {}
