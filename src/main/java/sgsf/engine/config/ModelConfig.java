package sgsf.engine.config;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.Locale;

/**
 * The network's shape (METHOD.md section 3). The with-ers of single fields ({@code withGuidance},
 * {@code withCoordinateChannels} and the like) are generated at compile time by RecordBuilder into
 * {@code ModelConfigBuilder.With}.
 *
 * @param preset the preset it came from ("lite", "standard", "paper" or "custom")
 * @param inputSize square input side in pixels; a multiple of 16 (four 2x poolings + bottleneck)
 * @param baseWidth channels at the first scale; scales i = 1..4 have baseWidth * 2^(i-1)
 * @param coordinateChannels AnoSeg option: append x, y in [-1, 1] as two extra input channels of
 *     the segmentation network
 * @param guidance how guidance features flow (joint by default, as in the paper)
 */
@RecordBuilder
public record ModelConfig(
    String preset, int inputSize, int baseWidth, boolean coordinateChannels, GuidanceMode guidance)
    implements ModelConfigBuilder.With {

  /** Number of encoder scales (C_D^1..C_D^4 in the paper). */
  public static final int SCALES = 4;

  public ModelConfig {
    if (preset == null || preset.isBlank()) {
      preset = "custom";
    }
    if (inputSize < 32 || inputSize > 1024 || inputSize % 16 != 0) {
      throw new IllegalArgumentException(
          "inputSize must be a multiple of 16 between 32 and 1024, got " + inputSize);
    }
    if (baseWidth < 2 || baseWidth > 128) {
      throw new IllegalArgumentException("baseWidth must be in [2, 128], got " + baseWidth);
    }
    if (guidance == null) {
      throw new IllegalArgumentException("guidance mode is required");
    }
  }

  /**
   * The default recipe's guidance mode, used by every preset and so by {@code sgsf train}, the
   * Train view and the benchmarks. NONE trains the segmentation network without guidance: in 60
   * minutes on a 2-core CPU it gets about a quarter more iterations than FROZEN (and about three
   * times JOINT's), needs no guidance cache, and on the magnetic tiles measured the same image
   * AUROC as FROZEN with better localisation (three seeds each: pixel AUROC 0.879 against 0.847,
   * AUPRO 0.850 against 0.835; README, "Quality"). The guided modes stay one option away.
   */
  public static final GuidanceMode DEFAULT_GUIDANCE = GuidanceMode.NONE;

  /** lite: 128x128, width 16, for CPU laptops, demos, tests. */
  public static ModelConfig lite() {
    return new ModelConfig("lite", 128, 16, false, DEFAULT_GUIDANCE);
  }

  /** standard: 256x256, width 32, for CPU workstations. */
  public static ModelConfig standard() {
    return new ModelConfig("standard", 256, 32, false, DEFAULT_GUIDANCE);
  }

  /** paper: 256x256, width 64, the paper's scale (GPU). */
  public static ModelConfig paper() {
    return new ModelConfig("paper", 256, 64, false, DEFAULT_GUIDANCE);
  }

  /** A preset by name (lite, standard, paper). */
  public static ModelConfig preset(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "lite" -> lite();
      case "standard" -> standard();
      case "paper" -> paper();
      default ->
          throw new IllegalArgumentException(
              "unknown preset '" + name + "' (expected lite, standard or paper)");
    };
  }

  /** An own size: the input side and base width, the preset then "custom". */
  public ModelConfig withSize(int inputSize, int baseWidth) {
    return new ModelConfig("custom", inputSize, baseWidth, coordinateChannels, guidance);
  }

  /** Channels of the segmentation network's input (3, or 5 with coordinate channels). */
  public int segmentationInputChannels() {
    return coordinateChannels ? 5 : 3;
  }

  /** Channels at scale {@code i} (1-based). */
  public int widthAt(int scale) {
    return baseWidth << (scale - 1);
  }
}
