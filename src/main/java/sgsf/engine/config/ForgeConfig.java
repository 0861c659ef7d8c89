package sgsf.engine.config;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Every parameter of anomaly forging (METHOD.md section 1), validated on construction against the
 * ranges of its one declaration in {@link ForgeParameters}.
 *
 * <p>Sizes of the non-SAM strategies are fractions of the image's shorter side (or of its area), so
 * that one configuration means the same at 128x128 and at 256x256.
 *
 * @param strategy which forging strategy to use
 * @param threshold the adaptive threshold of Eq. (1)
 * @param blend the blending range of Eq. (2)
 * @param perlin the Perlin noise's scales and rotation
 * @param saliency how the saliency map S is computed
 * @param auxiliary where the auxiliary images B come from
 * @param sampling how training samples are forged: how often, and when a mask counts as empty
 * @param cutPaste parameters of the CutPaste strategy
 * @param cutSwap parameters of the CutSwap strategy
 * @param hardAugmentation parameters of the AnoSeg hard-augmentation strategy
 * @param seed base seed; sample k uses a seed derived from it and k
 */
@RecordBuilder
public record ForgeConfig(
    Strategy strategy,
    Threshold threshold,
    Blend blend,
    Perlin perlin,
    Saliency saliency,
    Auxiliary auxiliary,
    Sampling sampling,
    CutPaste cutPaste,
    CutSwap cutSwap,
    HardAugmentation hardAugmentation,
    long seed)
    implements ForgeConfigBuilder.With {

  /** The forging strategies (METHOD.md section 1). */
  public enum Strategy {
    /** Saliency Augmentation Module: saliency-gated Perlin noise, adaptive threshold. */
    SAM,
    /** DRAEM's Perlin noise without saliency, fixed threshold 0.5. */
    PERLIN,
    /** A rectangle or thin scar cut from the image and pasted elsewhere. */
    CUTPASTE,
    /** Two similar, highly salient patches swap places. */
    CUTSWAP,
    /** AnoSeg hard augmentation: a region replaced by a rotated/permuted/jittered copy. */
    HARD
  }

  /** Classical saliency methods (the paper's CPD network cannot be shipped). */
  public enum SaliencyMethod {
    /** Hou and Zhang 2007. */
    SPECTRAL_RESIDUAL,
    /** Achanta et al. 2009. */
    FREQUENCY_TUNED
  }

  /** Where the auxiliary images B come from. */
  public enum TextureSource {
    /** Any images in a user-chosen folder (DTD works as-is). */
    USER_FOLDER,
    /** Textures the workbench generates on the fly. */
    PROCEDURAL,
    /** An augmented crop of another normal training image. */
    OTHER_GOOD_IMAGE
  }

  /**
   * The adaptive threshold of Eq. (1), {@code mu = a + mean(S) * b}.
   *
   * @param a base of the threshold
   * @param b saliency weight of the threshold; {@code a + b < 1}
   */
  @RecordBuilder
  public record Threshold(double a, double b) implements ForgeConfigThresholdBuilder.With {
    public Threshold {
      ForgeParameters.A.require("ForgeConfig.a", a);
      ForgeParameters.B.require("ForgeConfig.b", b);
      if (a + b >= 1) {
        throw new IllegalArgumentException(
            "ForgeConfig.a + b must be below 1 (the largest value of G), got a=" + a + ", b=" + b);
      }
    }
  }

  /**
   * The range of the blending factor alpha of Eq. (2).
   *
   * @param alphaMin smallest alpha
   * @param alphaMax largest alpha
   */
  @RecordBuilder
  public record Blend(double alphaMin, double alphaMax) implements ForgeConfigBlendBuilder.With {
    public Blend {
      ForgeParameters.ALPHA.requireOrdered(
          "ForgeConfig.alphaMin", "ForgeConfig.alphaMax", alphaMin, alphaMax);
    }
  }

  /**
   * The Perlin noise of the SAM and Perlin strategies.
   *
   * @param minScaleExponent smallest k of the Perlin gradient grid 2^k per axis
   * @param maxScaleExponent largest k of the Perlin gradient grid 2^k per axis
   * @param rotationMinDegrees smallest rotation of the noise
   * @param rotationMaxDegrees largest rotation of the noise
   */
  @RecordBuilder
  public record Perlin(
      int minScaleExponent,
      int maxScaleExponent,
      double rotationMinDegrees,
      double rotationMaxDegrees)
      implements ForgeConfigPerlinBuilder.With {
    public Perlin {
      ForgeParameters.PERLIN_SCALE_EXPONENTS.requireOrdered(
          "ForgeConfig.perlinMinScaleExponent",
          "ForgeConfig.perlinMaxScaleExponent",
          minScaleExponent,
          maxScaleExponent);
      ForgeParameters.ROTATION.requireOrdered(
          "ForgeConfig.rotationMinDegrees",
          "ForgeConfig.rotationMaxDegrees",
          rotationMinDegrees,
          rotationMaxDegrees);
    }
  }

  /**
   * How the saliency map S is computed; two configurations with equal saliency settings give the
   * same maps (the key of the saliency cache).
   *
   * @param method classical saliency method computing S
   * @param sigma Gaussian smoothing of S, as a fraction of the image's shorter side (0 = off)
   * @param textureContrast texture rule (Eq. 3): when {@code std(S) < textureContrast}, S = 1
   *     everywhere (0 disables the rule)
   * @param roiMask optional fixed region-of-interest mask image that replaces S, or {@code null}
   */
  @RecordBuilder
  public record Saliency(SaliencyMethod method, double sigma, double textureContrast, Path roiMask)
      implements ForgeConfigSaliencyBuilder.With {
    public Saliency {
      Objects.requireNonNull(method, "ForgeConfig.saliencyMethod must not be null");
      ForgeParameters.SALIENCY_SIGMA.require("ForgeConfig.saliencySigma", sigma);
      ForgeParameters.TEXTURE_CONTRAST.require("ForgeConfig.textureContrast", textureContrast);
    }
  }

  /**
   * Where the auxiliary images B come from.
   *
   * @param source the source of B
   * @param folder folder of texture images for {@link TextureSource#USER_FOLDER}, else may be
   *     {@code null}
   * @param greyForGreyImages when the normal image A is grey (three equal channels), B is turned
   *     grey as well, so that forged defects cannot be told apart by colour alone
   */
  @RecordBuilder
  public record Auxiliary(TextureSource source, Path folder, boolean greyForGreyImages)
      implements ForgeConfigAuxiliaryBuilder.With {
    public Auxiliary {
      Objects.requireNonNull(source, "ForgeConfig.textureSource must not be null");
      if (source == TextureSource.USER_FOLDER && folder == null) {
        throw new IllegalArgumentException(
            "ForgeConfig.textureFolder is required when textureSource is USER_FOLDER");
      }
    }
  }

  /**
   * How training samples are forged.
   *
   * @param forgeProbability probability that a training sample is forged (3 forged : 1 normal)
   * @param maxMaskRedraws how often an empty mask is redrawn before the sample stays normal
   * @param minMaskFraction masks covering less than this fraction of the image count as empty (SAM,
   *     Perlin): a few stray pixels vanish in the encoder's downsampling and only teach noise, the
   *     paper's own argument against high thresholds (section IV-D, Table VIII); 0 keeps any mask.
   *     Default 0.0005: 8 pixels at 128x128, so forged defects reach the size of the smallest real
   *     ones (a quarter of the magnetic tiles' blowholes are 12 pixels or fewer at 128x128)
   */
  @RecordBuilder
  public record Sampling(double forgeProbability, int maxMaskRedraws, double minMaskFraction)
      implements ForgeConfigSamplingBuilder.With {
    public Sampling {
      ForgeParameters.FORGE_PROBABILITY.require("ForgeConfig.forgeProbability", forgeProbability);
      ForgeParameters.MAX_MASK_REDRAWS.require("ForgeConfig.maxMaskRedraws", maxMaskRedraws);
      ForgeParameters.MIN_MASK_FRACTION.require("ForgeConfig.minMaskFraction", minMaskFraction);
    }
  }

  /**
   * CutPaste (Li et al. 2021): a rectangle, or with probability {@code scarProbability} a thin
   * rotated "scar", cut from the image, colour-jittered and pasted elsewhere.
   *
   * @param areaMin smallest patch area, fraction of the image area
   * @param areaMax largest patch area, fraction of the image area
   * @param aspectMin aspect ratios are drawn log-uniformly from [aspectMin, 1 / aspectMin]
   * @param scarProbability probability of the scar variant
   * @param scarWidthMin smallest scar width, fraction of the shorter side
   * @param scarWidthMax largest scar width, fraction of the shorter side
   * @param scarLengthMin smallest scar length, fraction of the shorter side
   * @param scarLengthMax largest scar length, fraction of the shorter side
   * @param scarRotationDegrees scars are rotated by an angle in [-this, this]
   * @param colourJitter brightness/contrast/saturation jitter of the patch, +-fraction
   */
  @RecordBuilder
  public record CutPaste(
      double areaMin,
      double areaMax,
      double aspectMin,
      double scarProbability,
      double scarWidthMin,
      double scarWidthMax,
      double scarLengthMin,
      double scarLengthMax,
      double scarRotationDegrees,
      double colourJitter)
      implements ForgeConfigCutPasteBuilder.With {
    public CutPaste {
      String n = "ForgeConfig.cutPaste.";
      ForgeParameters.CUT_PASTE_AREA.requireOrdered(n + "areaMin", n + "areaMax", areaMin, areaMax);
      ForgeParameters.CUT_PASTE_ASPECT_MIN.require(n + "aspectMin", aspectMin);
      ForgeParameters.CUT_PASTE_SCAR_PROBABILITY.require(n + "scarProbability", scarProbability);
      ForgeParameters.CUT_PASTE_SCAR_WIDTH.requireOrdered(
          n + "scarWidthMin", n + "scarWidthMax", scarWidthMin, scarWidthMax);
      ForgeParameters.CUT_PASTE_SCAR_LENGTH.requireOrdered(
          n + "scarLengthMin", n + "scarLengthMax", scarLengthMin, scarLengthMax);
      ForgeParameters.CUT_PASTE_SCAR_ROTATION.require(
          n + "scarRotationDegrees", scarRotationDegrees);
      ForgeParameters.CUT_PASTE_COLOUR_JITTER.require(n + "colourJitter", colourJitter);
    }

    /** The CutPaste paper's values (area 2-15 %, aspect 0.3-3.3, scar 2-16 x 10-25 px at 256). */
    public static CutPaste defaults() {
      return new CutPaste(
          0.02, 0.15, 0.3, 0.5, 2 / 256.0, 16 / 256.0, 10 / 256.0, 25 / 256.0, 45, 0.1);
    }
  }

  /**
   * CutSwap (Qin et al.): two similar patches from the most salient part of the image swap places;
   * the mask covers both.
   *
   * @param patchMin smallest patch side, fraction of the shorter image side
   * @param patchMax largest patch side, fraction of the shorter image side
   * @param salientQuantile patch centres are drawn from positions whose patch-mean saliency is at
   *     least this quantile of all positions
   * @param candidates how many partner patches are compared to pick the most similar one
   */
  @RecordBuilder
  public record CutSwap(double patchMin, double patchMax, double salientQuantile, int candidates)
      implements ForgeConfigCutSwapBuilder.With {
    public CutSwap {
      String n = "ForgeConfig.cutSwap.";
      ForgeParameters.CUT_SWAP_PATCH.requireOrdered(
          n + "patchMin", n + "patchMax", patchMin, patchMax);
      ForgeParameters.CUT_SWAP_SALIENT_QUANTILE.require(n + "salientQuantile", salientQuantile);
      ForgeParameters.CUT_SWAP_CANDIDATES.require(n + "candidates", candidates);
    }

    public static CutSwap defaults() {
      return new CutSwap(0.08, 0.2, 0.8, 16);
    }
  }

  /**
   * AnoSeg hard augmentation (Song et al. 2021): a region of the image replaced by a hard-augmented
   * copy of itself; one of the enabled transforms is drawn per sample.
   *
   * @param areaMin smallest region area, fraction of the image area
   * @param areaMax largest region area, fraction of the image area
   * @param rotation allow rotating the region's content by 90, 180 or 270 degrees
   * @param permutation allow permuting the region's content as a grid of tiles
   * @param colourJitter allow a strong colour jitter of the region's content
   * @param permutationGrid tiles per side for the permutation
   * @param jitterStrength strength of the colour jitter (brightness/contrast/saturation +-)
   */
  @RecordBuilder
  public record HardAugmentation(
      double areaMin,
      double areaMax,
      boolean rotation,
      boolean permutation,
      boolean colourJitter,
      int permutationGrid,
      double jitterStrength)
      implements ForgeConfigHardAugmentationBuilder.With {
    public HardAugmentation {
      String n = "ForgeConfig.hardAugmentation.";
      ForgeParameters.HARD_AREA.requireOrdered(n + "areaMin", n + "areaMax", areaMin, areaMax);
      ForgeParameters.HARD_PERMUTATION_GRID.require(n + "permutationGrid", permutationGrid);
      ForgeParameters.HARD_JITTER_STRENGTH.require(n + "jitterStrength", jitterStrength);
      if (!rotation && !permutation && !colourJitter) {
        throw new IllegalArgumentException(
            "ForgeConfig.hardAugmentation: at least one of rotation, permutation, colourJitter"
                + " must be enabled");
      }
    }

    public static HardAugmentation defaults() {
      return new HardAugmentation(0.01, 0.1, true, true, true, 3, 0.5);
    }
  }

  public ForgeConfig {
    Objects.requireNonNull(strategy, "ForgeConfig.strategy must not be null");
    Objects.requireNonNull(threshold, "ForgeConfig.threshold must not be null");
    Objects.requireNonNull(blend, "ForgeConfig.blend must not be null");
    Objects.requireNonNull(perlin, "ForgeConfig.perlin must not be null");
    Objects.requireNonNull(saliency, "ForgeConfig.saliency must not be null");
    Objects.requireNonNull(auxiliary, "ForgeConfig.auxiliary must not be null");
    Objects.requireNonNull(sampling, "ForgeConfig.sampling must not be null");
    Objects.requireNonNull(cutPaste, "ForgeConfig.cutPaste must not be null");
    Objects.requireNonNull(cutSwap, "ForgeConfig.cutSwap must not be null");
    Objects.requireNonNull(hardAugmentation, "ForgeConfig.hardAugmentation must not be null");
  }

  /**
   * The forging strategy of the default recipe, the one every entry point starts from (the CLI's
   * {@code --strategy}, the Train and Forge sections); README "Quality" says why.
   */
  public static final Strategy DEFAULT_STRATEGY = Strategy.SAM;

  /**
   * The paper's settings: SAM with a = 0.4, b = 0.2, alpha in [0.1, 1], Perlin scales 2^0..2^5,
   * rotation [-90, 90] degrees, spectral residual saliency smoothed with sigma 3 % of the image
   * side (chosen so that the texture rule at std(S) &lt; 0.1 separates the demo textures, MTD
   * surfaces and objects on plain backgrounds), procedural textures, p_forge = 0.75, masks under
   * 0.1 % of the image counted as empty and redrawn up to 30 times (with spectral-residual saliency
   * objects need about 4 draws on average; 10 left 4 % of demo objects unforged), seed 42.
   */
  public static ForgeConfig defaults() {
    return new ForgeConfig(
        DEFAULT_STRATEGY,
        new Threshold(0.4, 0.2),
        new Blend(0.1, 1.0),
        new Perlin(0, 5, -90, 90),
        new Saliency(SaliencyMethod.SPECTRAL_RESIDUAL, 0.03, 0.1, null),
        new Auxiliary(TextureSource.PROCEDURAL, null, true),
        new Sampling(0.75, 30, 0.0005),
        CutPaste.defaults(),
        CutSwap.defaults(),
        HardAugmentation.defaults(),
        42L);
  }

  /** Eq. (1) parameters. */
  public ForgeConfig withThreshold(double newA, double newB) {
    return withThreshold(new Threshold(newA, newB));
  }

  /** Eq. (2) blending range. */
  public ForgeConfig withAlphaRange(double min, double max) {
    return withBlend(new Blend(min, max));
  }

  /** The exponents k of the Perlin grid 2^k. */
  public ForgeConfig withPerlinScaleExponents(int min, int max) {
    return withPerlin(
        new Perlin(min, max, perlin.rotationMinDegrees(), perlin.rotationMaxDegrees()));
  }

  /** The rotation range of the Perlin noise. */
  public ForgeConfig withRotationRange(double minDegrees, double maxDegrees) {
    return withPerlin(
        new Perlin(perlin.minScaleExponent(), perlin.maxScaleExponent(), minDegrees, maxDegrees));
  }

  /** The source of B; {@code folder} is needed for {@link TextureSource#USER_FOLDER}. */
  public ForgeConfig withTextureSource(TextureSource source, Path folder) {
    return withAuxiliary(new Auxiliary(source, folder, auxiliary.greyForGreyImages()));
  }
}
