package sgsf.engine.train;

import sgsf.engine.image.FloatImage;

/**
 * Makes the segmentation network's training inputs from good images: a forged anomaly with its
 * mask, or (with probability 1 - p_forge) the good image with an empty mask. Must be deterministic
 * in its arguments and safe to call from a background thread.
 */
public interface SampleForger {
  /**
   * @param source the good image A (3 channels, model size)
   * @param sourceIndex its index in the training set (for strategies that use other images)
   * @param seed the sample's seed
   */
  ForgedImage forge(FloatImage source, int sourceIndex, long seed);

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
