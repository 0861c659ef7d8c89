package sgsf.engine.forge;

import java.util.Objects;
import java.util.SplittableRandom;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * DRAEM's forging ("PNG", the paper's ablation baseline): SAM's steps with S = 1 everywhere and a
 * fixed threshold of 0.5, so anomalies may land anywhere, background included.
 */
public final class PerlinStrategy implements ForgeStrategy {
  private final ForgeConfig config;
  private final AuxiliarySource aux;

  public PerlinStrategy(ForgeConfig config, AuxiliarySource aux) {
    this.config = Objects.requireNonNull(config, "config");
    this.aux = Objects.requireNonNull(aux, "aux");
  }

  @Override
  public ForgeConfig.Strategy kind() {
    return ForgeConfig.Strategy.PERLIN;
  }

  @Override
  public boolean usesSaliency() {
    return false;
  }

  @Override
  public ForgeResult forge(FloatImage image, SaliencyMap saliency, SplittableRandom rng) {
    return NoiseMaskForger.forge(
        kind(), config, aux, image, null, NoiseMaskForger.PERLIN_THRESHOLD, rng);
  }
}
