package sgsf.engine.metrics;

/**
 * Receives a threshold sweep: the distinct scores of a data set in strictly descending order, each
 * with how many positives (defective samples or pixels) and negatives carry exactly that score.
 * Lowering the threshold past a group moves every sample of the group to "predicted defective" at
 * once, which is how ties are handled. Every metric of this package is computed from such a sweep;
 * the sources are exact (image scores, all pixels of many maps) or binned (a histogram, where a
 * group is a bin and its score the bin's lower edge).
 */
interface SweepListener {

  /**
   * Called once before the first group.
   *
   * @param positives number of positives in the whole sweep
   * @param negatives number of negatives in the whole sweep
   * @param regions number of connected ground-truth regions (0 when the source has none)
   */
  void begin(long positives, long negatives, long regions);

  /**
   * One group of equal scores, in descending score order.
   *
   * @param score the score of the group
   * @param positives positives with this score
   * @param negatives negatives with this score
   * @param overlap sum over the group's positive pixels of 1 / (size of the pixel's region), the
   *     group's contribution to the per-region overlap of AUPRO (0 without regions)
   */
  void group(double score, long positives, long negatives, double overlap);

  /** Called once after the last group. */
  default void end() {}

  /** Forwards every call to several listeners, so one sweep feeds them all. */
  static SweepListener all(SweepListener... listeners) {
    return new SweepListener() {
      @Override
      public void begin(long positives, long negatives, long regions) {
        for (SweepListener l : listeners) {
          l.begin(positives, negatives, regions);
        }
      }

      @Override
      public void group(double score, long positives, long negatives, double overlap) {
        for (SweepListener l : listeners) {
          l.group(score, positives, negatives, overlap);
        }
      }

      @Override
      public void end() {
        for (SweepListener l : listeners) {
          l.end();
        }
      }
    };
  }
}
