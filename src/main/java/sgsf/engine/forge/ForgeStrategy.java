package sgsf.engine.forge;

import java.util.SplittableRandom;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * One way of forging an anomaly into a normal image. Implementations hold no mutable state and may
 * be called from several threads; all randomness comes from {@code rng}, so equal seeds give equal
 * results.
 */
public interface ForgeStrategy {

  /** Which strategy this is. */
  ForgeConfig.Strategy kind();

  /** Whether {@link #forge} reads the saliency map (callers may then skip computing it). */
  boolean usesSaliency();

  /**
   * Forges one anomaly into {@code image}.
   *
   * @param image the normal image A (1 or 3 channels, values in [0, 1]); not modified
   * @param saliency S of {@code image}; may be {@code null} when {@link #usesSaliency()} is false
   * @param rng the sample's random generator
   */
  ForgeResult forge(FloatImage image, SaliencyMap saliency, SplittableRandom rng);
}
