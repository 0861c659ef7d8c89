package sgsf.engine.metrics;

/** How a threshold was chosen. */
public enum ThresholdMethod {
  /** Where F1 is largest on the calibration data (both classes needed). */
  F1_MAX,
  /**
   * The lowest threshold whose false-reject rate on good samples (good images, or normal pixels) is
   * at most the target rate; needs good samples only.
   */
  FALSE_REJECT_RATE,
  /** The highest threshold whose miss rate on defective samples is at most the target rate. */
  MISS_RATE,
  /** Set by hand. */
  MANUAL
}
