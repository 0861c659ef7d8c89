package sgsf.engine.metrics;

/**
 * Finds a threshold that meets a target error rate during a descending sweep.
 *
 * <ul>
 *   <li>{@link Kind#FALSE_REJECT}: the lowest threshold whose false-positive rate on the negatives
 *       (good images, or normal pixels) is at most the target, i.e. at most {@code floor(rate * N)}
 *       negatives score at or above it. The set of such thresholds is open below (it starts just
 *       above the score of the first negative that must pass), so the threshold is put halfway
 *       between that score and the next higher observed score, or just above it ({@link
 *       Math#nextUp(double)}) when no higher score exists. Any threshold in that gap flags exactly
 *       the same samples; halfway keeps a margin on both sides.
 *   <li>{@link Kind#MISS_RATE}: the highest threshold whose miss rate on the positives is at most
 *       the target, i.e. at most {@code floor(rate * P)} positives score below it. That is a score
 *       of a positive itself ({@code score >= threshold} still flags it).
 * </ul>
 */
final class RateThresholdFinder implements SweepListener {
  enum Kind {
    FALSE_REJECT,
    MISS_RATE
  }

  private final Kind kind;
  private final double rate;
  private final String unit;
  private long positives;
  private long negatives;
  private long allowed;
  private long tp;
  private long fp;
  private double previous = Double.NaN;
  private double lowest = Double.NaN;
  private double threshold = Double.NaN;
  private boolean found;

  RateThresholdFinder(Kind kind, double rate, String unit) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("target rate must be in [0, 1], got " + rate);
    }
    this.kind = kind;
    this.rate = rate;
    this.unit = unit;
  }

  /** Allowed errors among {@code n}: floor(rate * n), robust to binary rounding of the rate. */
  static long allowedErrors(double rate, long n) {
    return (long) Math.floor(rate * n + 1e-9);
  }

  @Override
  public void begin(long positives, long negatives, long regions) {
    this.positives = positives;
    this.negatives = negatives;
    this.allowed = allowedErrors(rate, kind == Kind.FALSE_REJECT ? negatives : positives);
  }

  @Override
  public void group(double score, long pos, long neg, double overlap) {
    tp += pos;
    fp += neg;
    lowest = score;
    if (!found) {
      if (kind == Kind.FALSE_REJECT && fp > allowed) {
        found = true;
        if (Double.isNaN(previous)) {
          threshold = Math.nextUp(score);
        } else {
          double mid = score + (previous - score) / 2;
          threshold = mid > score ? mid : previous;
        }
      } else if (kind == Kind.MISS_RATE && positives - tp <= allowed) {
        found = true;
        threshold = score;
      }
    }
    previous = score;
  }

  /** The threshold; throws when the needed class is absent. */
  double threshold() {
    if (kind == Kind.FALSE_REJECT && negatives == 0) {
      throw new UndefinedMetricException(
          "a false-reject-rate threshold needs good " + unit + "; there are none");
    }
    if (kind == Kind.MISS_RATE && positives == 0) {
      throw new UndefinedMetricException(
          "a miss-rate threshold needs defective " + unit + "; there are none");
    }
    // FALSE_REJECT never exceeded: every sample may be flagged, so the lowest score will do.
    return found ? threshold : lowest;
  }
}
