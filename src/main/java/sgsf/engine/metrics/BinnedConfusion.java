package sgsf.engine.metrics;

/**
 * Pixel confusion counts read from a {@link PixelHistogram}, with their error bound.
 *
 * @param requestedThreshold the threshold asked for
 * @param snappedThreshold the bin edge {@code floor(t * bins) / bins}, or t itself when t is an
 *     edge or lies outside (0, 1]; {@code counts} are the <em>exact</em> counts at this threshold
 *     for scores in [0, 1]
 * @param counts the confusion counts at {@code snappedThreshold}
 * @param tpError the exact TP at {@code requestedThreshold} lies in [TP - tpError, TP] (the defect
 *     pixels of the one bin that contains the requested threshold; 0 on a bin edge)
 * @param fpError likewise for FP (TN and FN move by the same amounts the other way)
 */
public record BinnedConfusion(
    double requestedThreshold,
    double snappedThreshold,
    ConfusionCounts counts,
    long tpError,
    long fpError) {

  /** The sum of two readings at the same threshold (e.g. good images plus one defect type). */
  public BinnedConfusion plus(BinnedConfusion o) {
    return new BinnedConfusion(
        requestedThreshold,
        snappedThreshold,
        counts.plus(o.counts),
        tpError + o.tpError,
        fpError + o.fpError);
  }
}
