package sgsf.engine.train;

import sgsf.engine.forge.ForgedSample;
import sgsf.engine.forge.Forger;
import sgsf.engine.image.FloatImage;

/**
 * Training inputs from the forging engine: each call forges (with probability p_forge, 3 forged : 1
 * normal by default) an anomaly on the training image, keyed by its index so the saliency of each
 * training image is computed once and cached.
 */
public final class ForgingSampleForger implements SampleForger {
  private final Forger forger;

  public ForgingSampleForger(Forger forger) {
    this.forger = forger;
  }

  @Override
  public ForgedImage forge(FloatImage source, int sourceIndex, long seed) {
    ForgedSample s = forger.sampleWithSeed(source, sourceIndex, seed);
    return new ForgedImage(s.image(), s.label(), s.forged());
  }

  @Override
  public String describe() {
    return forger.config().strategy().name().toLowerCase(java.util.Locale.ROOT)
        + " (p_forge "
        + forger.config().forgeProbability()
        + ")";
  }
}
