package sgsf.engine.forge;

import java.util.Objects;
import sgsf.engine.image.FloatImage;

/**
 * A training sample after the forging step: forged with probability p_forge (METHOD.md section 1,
 * step 7: 3 forged : 1 normal at p_forge = 0.75), otherwise the normal image with an empty label.
 *
 * @param image the network input: I when forged, else A
 * @param label the pixel label (one channel, 0 or 1): M when forged, else all zeros
 * @param forged whether {@code image} carries a forged anomaly
 * @param index the sample index the seed was derived from, or -1 when the seed was given
 * @param seed the per-sample seed ({@link Forger#sampleSeed})
 * @param result the forging attempt, or {@code null} when the p_forge draw chose a normal sample
 */
public record ForgedSample(
    FloatImage image, FloatImage label, boolean forged, long index, long seed, ForgeResult result) {

  public ForgedSample {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(label, "label");
  }
}
