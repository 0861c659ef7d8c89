package sgsf.engine.forge;

import java.util.Objects;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * One forging attempt with everything a viewer needs to explain it.
 *
 * <p>Maps a strategy does not use are {@code null} and numbers it does not use are {@code NaN}.
 *
 * @param strategy the strategy that produced it
 * @param forged whether an anomaly was forged; {@code false} when every mask draw was empty (the
 *     sample then stays normal: {@code image} is A and {@code mask} is all zeros)
 * @param image the forged image I (Eq. 2), same channels and size as A
 * @param mask the binary mask M (one channel, 0 or 1); also the pixel label y_I
 * @param saliency the saliency map S used (SAM, CutSwap; all ones for Perlin)
 * @param noise the rotated Perlin noise P (SAM, Perlin)
 * @param gated the saliency Perlin noise G = P (Hadamard) S that was thresholded (SAM, Perlin)
 * @param threshold mu of Eq. (1) (SAM) or the fixed 0.5 (Perlin)
 * @param alpha the blending factor of Eq. (2) (SAM, Perlin)
 * @param auxiliary the image the forged content came from: the augmented B (SAM, Perlin; only the
 *     part under the mask's bounding box is made, zeros elsewhere), or the moved/jittered copy of A
 *     (CutPaste)
 * @param description a short human-readable account: the source of B and its augmentations, or the
 *     patch geometry
 * @param attempts how many masks were drawn (1 + redraws)
 * @param maskPixels number of pixels inside the mask
 */
public record ForgeResult(
    ForgeConfig.Strategy strategy,
    boolean forged,
    FloatImage image,
    FloatImage mask,
    FloatImage saliency,
    FloatImage noise,
    FloatImage gated,
    double threshold,
    double alpha,
    FloatImage auxiliary,
    String description,
    int attempts,
    int maskPixels) {

  public ForgeResult {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(mask, "mask");
    Objects.requireNonNull(description, "description");
    if (mask.channels() != 1 || !mask.sameSize(image)) {
      throw new IllegalArgumentException("mask " + mask + " does not fit image " + image);
    }
  }

  /** The pixel label y_I of the forged image: the mask M. */
  public FloatImage label() {
    return mask;
  }

  /** The fraction of pixels inside the mask. */
  public double maskFraction() {
    return (double) maskPixels / mask.plane();
  }
}
