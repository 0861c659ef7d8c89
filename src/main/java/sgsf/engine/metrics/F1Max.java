package sgsf.engine.metrics;

/**
 * The best F1 score over all thresholds and where it is reached.
 *
 * @param f1 the maximum of 2 P R / (P + R) over the distinct score thresholds
 * @param threshold the score at which it is reached (predict defective when {@code score >=
 *     threshold}); among equal maxima the lowest threshold (the most sensitive), as {@code argmax}
 *     over scikit-learn's ascending thresholds picks it (anomalib's F1AdaptiveThreshold)
 * @param precision precision at that threshold
 * @param recall recall at that threshold
 */
public record F1Max(double f1, double threshold, double precision, double recall) {}
