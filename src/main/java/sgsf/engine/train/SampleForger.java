package sgsf.engine.train;

import sgsf.engine.image.FloatImage;

/**
 * Forges anomalies on good images for the segmentation network's training batches. The trainer
 * decides which samples of a batch are forged (exactly p_forge of them, 3 forged : 1 good by
 * default) and asks for a forgery only for those. Must be deterministic in its arguments and safe
 * to call from a background thread.
 */
public interface SampleForger {
  /**
   * A forged anomaly on {@code source}, or {@code null} when none could be forged with this seed
   * (every mask too small, the change invisible); the trainer then tries another seed.
   *
   * @param source the good image A (3 channels, model size)
   * @param sourceIndex its index in the training set (for strategies that use other images)
   * @param seed the sample's seed
   */
  ForgedImage forgeAnomaly(FloatImage source, int sourceIndex, long seed);

  /** The share of forged samples in each training batch, p_forge. */
  double forgeProbability();

  /** A short description for logs and provenance. */
  String describe();

  /**
   * A training input.
   *
   * @param image the (possibly forged) image I
   * @param mask its pixel label y_I = M, one channel
   * @param forged whether an anomaly was forged
   */
  record ForgedImage(FloatImage image, FloatImage mask, boolean forged) {}
}
