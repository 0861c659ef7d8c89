package sgsf.engine.forge;

import java.util.Objects;
import java.util.SplittableRandom;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * The Saliency Augmentation Module (METHOD.md section 1; paper section III-B).
 *
 * <ol>
 *   <li>Saliency Perlin noise G = P (Hadamard) S, with P DRAEM's rotated Perlin noise.
 *   <li>Adaptive threshold, Eq. (1): mu = a + (sum(S) / (H W)) b, so mu lies in [a, a + b].
 *   <li>M = [G &gt; mu]; an empty mask is redrawn up to {@code maxMaskRedraws} times, after which
 *       the sample stays normal. Masks under {@code minMaskFraction} of the image (default 0.1 %)
 *       count as empty.
 *   <li>Eq. (2): I = A (1 - M) + alpha (B M) + (1 - alpha) (A M), alpha uniform in [alphaMin,
 *       alphaMax], B an auxiliary image after three of DRAEM's ten augmentations.
 *   <li>The pixel label is M (the paper's y_I = M y_B + (1 - M) y_A with normal A and B).
 * </ol>
 */
public final class SamStrategy implements ForgeStrategy {
  private final ForgeConfig config;
  private final AuxiliarySource aux;

  public SamStrategy(ForgeConfig config, AuxiliarySource aux) {
    this.config = Objects.requireNonNull(config, "config");
    this.aux = Objects.requireNonNull(aux, "aux");
  }

  @Override
  public ForgeConfig.Strategy kind() {
    return ForgeConfig.Strategy.SAM;
  }

  @Override
  public boolean usesSaliency() {
    return true;
  }

  /** Eq. (1): mu = a + mean(S) b. */
  public static double threshold(ForgeConfig config, SaliencyMap s) {
    return config.threshold().a() + s.mean() * config.threshold().b();
  }

  @Override
  public ForgeResult forge(FloatImage image, SaliencyMap saliency, SplittableRandom rng) {
    Objects.requireNonNull(saliency, "SAM needs the saliency map S");
    if (!saliency.map().sameSize(image)) {
      throw new IllegalArgumentException(
          "saliency map " + saliency.map() + " does not fit image " + image);
    }
    return NoiseMaskForger.forge(
        kind(), config, aux, image, saliency, threshold(config, saliency), rng);
  }
}
