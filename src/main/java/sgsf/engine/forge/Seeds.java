package sgsf.engine.forge;

/** Derivation of independent seeds from a base seed and an index. */
public final class Seeds {
  private Seeds() {}

  /**
   * The SplitMix64 finaliser of {@code seed} and {@code index}: neighbouring indices give unrelated
   * values, and equal inputs always give equal values.
   */
  public static long mix(long seed, long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
