package sgsf.engine.train;

import sgsf.engine.forge.ForgeResult;
import sgsf.engine.forge.Forger;
import sgsf.engine.image.FloatImage;

/**
 * Training forgeries from the forging engine, keyed by the training image's index so the saliency
 * of each training image is computed once and cached.
 */
public final class ForgingSampleForger implements SampleForger {
  private final Forger forger;

  public ForgingSampleForger(Forger forger) {
    this.forger = forger;
  }

  @Override
  public ForgedImage forgeAnomaly(FloatImage source, int sourceIndex, long seed) {
    ForgeResult r = forger.forgeWithSeed(source, sourceIndex, seed);
    return r.forged() ? new ForgedImage(r.image(), r.mask(), true) : null;
  }

  @Override
  public double forgeProbability() {
    return forger.config().sampling().forgeProbability();
  }

  @Override
  public String describe() {
    return forger.config().strategy().name().toLowerCase(java.util.Locale.ROOT)
        + " (p_forge "
        + forger.config().sampling().forgeProbability()
        + " per batch)";
  }
}
