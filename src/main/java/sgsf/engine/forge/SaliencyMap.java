package sgsf.engine.forge;

import java.util.Objects;
import sgsf.engine.image.FloatImage;

/**
 * The saliency map S that gates forging, with how it came about.
 *
 * @param map one-channel map with values in [0, 1], at the image's size
 * @param mean mean(S) = sum(S) / (H * W), the term of Eq. (1)
 * @param spread standard deviation of the computed map before the texture rule (0 for ROI masks);
 *     compared with {@code ForgeConfig.textureContrast}
 * @param kind whether S was computed, replaced by 1 by the texture rule, or given as an ROI mask
 */
public record SaliencyMap(FloatImage map, double mean, double spread, Kind kind) {

  /** How S was obtained. */
  public enum Kind {
    /** A classical saliency map of the image. */
    COMPUTED,
    /** The texture rule (Eq. 3): the computed map had no clear foreground, so S = 1. */
    TEXTURE_UNIFORM,
    /** A fixed region-of-interest mask replaced S. */
    ROI
  }

  public SaliencyMap {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(kind, "kind");
    if (map.channels() != 1) {
      throw new IllegalArgumentException("a saliency map has one channel, got " + map.channels());
    }
  }

  /** S = 1 everywhere, as the texture rule prescribes. */
  public static SaliencyMap uniform(int height, int width, double spread) {
    return new SaliencyMap(FloatImage.filled(height, width, 1f), 1.0, spread, Kind.TEXTURE_UNIFORM);
  }

  /** Whether S is 1 everywhere. */
  public boolean isUniform() {
    return kind == Kind.TEXTURE_UNIFORM;
  }

  /** Bytes this map holds (for cache accounting). */
  long bytes() {
    return 4L * map.data().length;
  }
}
