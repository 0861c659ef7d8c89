package sgsf.engine.metrics;

/** The decision on one image under a review band (see {@link Thresholds#verdict(double)}). */
public enum Verdict {
  /** Below the lower threshold: passes. */
  OK,
  /** In the review band [lower, upper): a human decides. */
  REVIEW,
  /** At or above the upper threshold: rejected. */
  NG
}
