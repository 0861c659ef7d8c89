package sgsf.engine.config;

import static sgsf.engine.config.Parameter.Kind.NUMBER;
import static sgsf.engine.config.Parameter.flag;
import static sgsf.engine.config.Parameter.integer;
import static sgsf.engine.config.Parameter.number;
import static sgsf.engine.config.Parameter.range;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sgsf.engine.config.ForgeConfig.Strategy;

/**
 * The numeric and on/off parameters of {@link ForgeConfig}, each declared once (METHOD.md section
 * 1): the Forge view's controls and the CLI's {@code --forge-*} options are built from this list,
 * and {@link ForgeConfig}'s constructor checks its components against these ranges ({@link
 * Parameter#require}), so the bounds are written here only. The strategy, saliency method,
 * auxiliary-image source, folders and seed are choices, not numbers, and have their own controls
 * and options.
 */
public final class ForgeParameters {
  private ForgeParameters() {}

  /** The sections of the forging form, each shown for the strategies that use it. */
  public enum Group {
    THRESHOLD("Adaptive threshold, Eq. (1)", EnumSet.of(Strategy.SAM)),
    BLENDING("Blending, Eq. (2)", EnumSet.of(Strategy.SAM, Strategy.PERLIN)),
    PERLIN("Perlin noise", EnumSet.of(Strategy.SAM, Strategy.PERLIN)),
    SALIENCY("Saliency S", EnumSet.of(Strategy.SAM, Strategy.CUTSWAP)),
    AUXILIARY("Auxiliary images B", EnumSet.of(Strategy.SAM, Strategy.PERLIN)),
    CUTPASTE("CutPaste", EnumSet.of(Strategy.CUTPASTE)),
    CUTSWAP("CutSwap", EnumSet.of(Strategy.CUTSWAP)),
    HARD("Hard augmentation (AnoSeg)", EnumSet.of(Strategy.HARD)),
    TRAINING("Training mix", EnumSet.allOf(Strategy.class));

    private final String title;
    private final Set<Strategy> strategies;

    Group(String title, Set<Strategy> strategies) {
      this.title = title;
      this.strategies = strategies;
    }

    public String title() {
      return title;
    }

    /** Whether {@code s} uses the parameters of this group. */
    public boolean usedBy(Strategy s) {
      return strategies.contains(s);
    }
  }

  /** Base of the adaptive threshold mu = a + mean(S)·b, Eq. (1) (the paper: 0.4). */
  public static final Parameter<ForgeConfig, Group> A =
      number(
          "a",
          Group.THRESHOLD,
          "a",
          "Base of the adaptive threshold mu = a + mean(S)·b, Eq. (1) (the paper: 0.4)",
          0,
          0.99,
          2,
          c -> c.threshold().a(),
          (c, v) -> c.withThreshold(c.threshold().withA(v)));

  /** Saliency weight of mu, Eq. (1) (the paper: 0.2); a + b &lt; 1. */
  public static final Parameter<ForgeConfig, Group> B =
      number(
          "b",
          Group.THRESHOLD,
          "b",
          "Saliency weight of mu, Eq. (1) (the paper: 0.2); a + b < 1",
          0,
          0.99,
          2,
          c -> c.threshold().b(),
          (c, v) -> c.withThreshold(c.threshold().withB(v)));

  /** Blending factor range of Eq. (2) (the paper: 0.1-1). */
  public static final Parameter<ForgeConfig, Group> ALPHA =
      range(
          "alpha",
          Group.BLENDING,
          "alpha",
          "Blending factor range of Eq. (2) (the paper: 0.1-1)",
          "",
          0.01,
          1,
          2,
          c -> new double[] {c.blend().alphaMin(), c.blend().alphaMax()},
          (c, x) -> c.withBlend(c.blend().withAlphaMin(x)),
          (c, x) -> c.withBlend(c.blend().withAlphaMax(x)));

  /** Exponents k of the Perlin gradient grid per axis (DRAEM: 0-5). */
  public static final Parameter<ForgeConfig, Group> PERLIN_SCALE_EXPONENTS =
      Parameter.<ForgeConfig, Group>range(
              "perlin",
              Group.PERLIN,
              "Scale 2^k",
              "Exponents k of the Perlin gradient grid per axis (DRAEM: 0-5)",
              "",
              0,
              8,
              0,
              c -> new double[] {c.perlin().minScaleExponent(), c.perlin().maxScaleExponent()},
              (c, x) -> c.withPerlin(c.perlin().withMinScaleExponent((int) Math.round(x))),
              (c, x) -> c.withPerlin(c.perlin().withMaxScaleExponent((int) Math.round(x))))
          .asIntegers();

  /** Rotation of the noise (DRAEM: ±90). */
  public static final Parameter<ForgeConfig, Group> ROTATION =
      range(
          "rotation",
          Group.PERLIN,
          "Rotation",
          "Rotation of the noise (DRAEM: ±90)",
          "degrees",
          -180,
          180,
          0,
          c -> new double[] {c.perlin().rotationMinDegrees(), c.perlin().rotationMaxDegrees()},
          (c, x) -> c.withPerlin(c.perlin().withRotationMinDegrees(x)),
          (c, x) -> c.withPerlin(c.perlin().withRotationMaxDegrees(x)));

  /** Gaussian smoothing of S, fraction of the shorter side (0: off). */
  public static final Parameter<ForgeConfig, Group> SALIENCY_SIGMA =
      number(
          "saliencySigma",
          Group.SALIENCY,
          "Smoothing σ",
          "Gaussian smoothing of S, fraction of the shorter side (0: off)",
          0,
          0.25,
          3,
          c -> c.saliency().sigma(),
          (c, v) -> c.withSaliency(c.saliency().withSigma(v)));

  /** Texture rule, Eq. (3): S = 1 when std(S) is below this (0: off). */
  public static final Parameter<ForgeConfig, Group> TEXTURE_CONTRAST =
      number(
          "textureContrast",
          Group.SALIENCY,
          "Texture contrast",
          "Texture rule, Eq. (3): S = 1 when std(S) is below this (0: off)",
          0,
          0.5,
          2,
          c -> c.saliency().textureContrast(),
          (c, v) -> c.withSaliency(c.saliency().withTextureContrast(v)));

  /** Turn B grey when A is grey, so forged defects are not told apart by colour. */
  public static final Parameter<ForgeConfig, Group> GREY_AUXILIARY =
      flag(
          "greyAux",
          Group.AUXILIARY,
          "Grey B for grey images",
          "Turn B grey when A is grey, so forged defects are not told apart by colour",
          c -> c.auxiliary().greyForGreyImages(),
          (c, v) -> c.withAuxiliary(c.auxiliary().withGreyForGreyImages(v)));

  /** Share of training samples that are forged (3 forged : 1 normal = 0.75). */
  public static final Parameter<ForgeConfig, Group> FORGE_PROBABILITY =
      number(
          "forgeProbability",
          Group.TRAINING,
          "p_forge",
          "Share of training samples that are forged (3 forged : 1 normal = 0.75)",
          0,
          1,
          2,
          c -> c.sampling().forgeProbability(),
          (c, v) -> c.withSampling(c.sampling().withForgeProbability(v)));

  /** How often an empty or invisible forgery is redrawn before the sample stays normal. */
  public static final Parameter<ForgeConfig, Group> MAX_MASK_REDRAWS =
      integer(
          "maxRedraws",
          Group.TRAINING,
          "Mask redraws",
          "How often an empty or invisible forgery is redrawn before the sample stays normal",
          0,
          1000,
          c -> c.sampling().maxMaskRedraws(),
          (c, v) -> c.withSampling(c.sampling().withMaxMaskRedraws(v)));

  /** Masks below this fraction of the image count as empty (0.0005: 8 px at 128x128). */
  public static final Parameter<ForgeConfig, Group> MIN_MASK_FRACTION =
      number(
          "minMaskFraction",
          Group.TRAINING,
          "Smallest mask",
          "Masks below this fraction of the image count as empty (0.0005: 8 px at 128x128)",
          0,
          0.5,
          4,
          c -> c.sampling().minMaskFraction(),
          (c, v) -> c.withSampling(c.sampling().withMinMaskFraction(v)));

  /** Patch area, fraction of the image. */
  public static final Parameter<ForgeConfig, Group> CUT_PASTE_AREA =
      range(
          "cp.area",
          Group.CUTPASTE,
          "Patch area",
          "Patch area, fraction of the image",
          "",
          0.0005,
          0.6,
          3,
          c -> new double[] {c.cutPaste().areaMin(), c.cutPaste().areaMax()},
          (c, x) -> c.withCutPaste(c.cutPaste().withAreaMin(x)),
          (c, x) -> c.withCutPaste(c.cutPaste().withAreaMax(x)));

  /** Aspect ratios log-uniform in [min, 1/min]. */
  public static final Parameter<ForgeConfig, Group> CUT_PASTE_ASPECT_MIN =
      number(
          "cp.aspectMin",
          Group.CUTPASTE,
          "Aspect min",
          "Aspect ratios log-uniform in [min, 1/min]",
          0.05,
          1,
          2,
          c -> c.cutPaste().aspectMin(),
          (c, v) -> c.withCutPaste(c.cutPaste().withAspectMin(v)));

  /** Probability of a thin scar instead of a rectangle. */
  public static final Parameter<ForgeConfig, Group> CUT_PASTE_SCAR_PROBABILITY =
      number(
          "cp.scarProbability",
          Group.CUTPASTE,
          "Scar probability",
          "Probability of a thin scar instead of a rectangle",
          0,
          1,
          2,
          c -> c.cutPaste().scarProbability(),
          (c, v) -> c.withCutPaste(c.cutPaste().withScarProbability(v)));

  /** Scar width, fraction of the shorter side. */
  public static final Parameter<ForgeConfig, Group> CUT_PASTE_SCAR_WIDTH =
      range(
          "cp.scarWidth",
          Group.CUTPASTE,
          "Scar width",
          "Scar width, fraction of the shorter side",
          "",
          0.001,
          0.5,
          3,
          c -> new double[] {c.cutPaste().scarWidthMin(), c.cutPaste().scarWidthMax()},
          (c, x) -> c.withCutPaste(c.cutPaste().withScarWidthMin(x)),
          (c, x) -> c.withCutPaste(c.cutPaste().withScarWidthMax(x)));

  /** Scar length, fraction of the shorter side. */
  public static final Parameter<ForgeConfig, Group> CUT_PASTE_SCAR_LENGTH =
      range(
          "cp.scarLength",
          Group.CUTPASTE,
          "Scar length",
          "Scar length, fraction of the shorter side",
          "",
          0.005,
          0.9,
          3,
          c -> new double[] {c.cutPaste().scarLengthMin(), c.cutPaste().scarLengthMax()},
          (c, x) -> c.withCutPaste(c.cutPaste().withScarLengthMin(x)),
          (c, x) -> c.withCutPaste(c.cutPaste().withScarLengthMax(x)));

  /** Scars rotate by up to ± this. */
  public static final Parameter<ForgeConfig, Group> CUT_PASTE_SCAR_ROTATION =
      new Parameter<>(
          "cp.scarRotation",
          Group.CUTPASTE,
          "Scar rotation",
          "Scars rotate by up to ± this",
          "degrees",
          NUMBER,
          0,
          180,
          0,
          c -> new double[] {c.cutPaste().scarRotationDegrees()},
          (c, v) -> c.withCutPaste(c.cutPaste().withScarRotationDegrees(v[0])));

  /** Brightness/contrast/saturation jitter of the patch, ± fraction. */
  public static final Parameter<ForgeConfig, Group> CUT_PASTE_COLOUR_JITTER =
      number(
          "cp.colourJitter",
          Group.CUTPASTE,
          "Colour jitter",
          "Brightness/contrast/saturation jitter of the patch, ± fraction",
          0,
          1,
          2,
          c -> c.cutPaste().colourJitter(),
          (c, v) -> c.withCutPaste(c.cutPaste().withColourJitter(v)));

  /** Patch side, fraction of the shorter side. */
  public static final Parameter<ForgeConfig, Group> CUT_SWAP_PATCH =
      range(
          "cs.patch",
          Group.CUTSWAP,
          "Patch side",
          "Patch side, fraction of the shorter side",
          "",
          0.02,
          0.45,
          2,
          c -> new double[] {c.cutSwap().patchMin(), c.cutSwap().patchMax()},
          (c, x) -> c.withCutSwap(c.cutSwap().withPatchMin(x)),
          (c, x) -> c.withCutSwap(c.cutSwap().withPatchMax(x)));

  /** Patch centres come from positions at least this salient (quantile). */
  public static final Parameter<ForgeConfig, Group> CUT_SWAP_SALIENT_QUANTILE =
      number(
          "cs.salientQuantile",
          Group.CUTSWAP,
          "Salient quantile",
          "Patch centres come from positions at least this salient (quantile)",
          0,
          0.99,
          2,
          c -> c.cutSwap().salientQuantile(),
          (c, v) -> c.withCutSwap(c.cutSwap().withSalientQuantile(v)));

  /** Partner patches compared to find the most similar. */
  public static final Parameter<ForgeConfig, Group> CUT_SWAP_CANDIDATES =
      integer(
          "cs.candidates",
          Group.CUTSWAP,
          "Candidates",
          "Partner patches compared to find the most similar",
          1,
          256,
          c -> c.cutSwap().candidates(),
          (c, v) -> c.withCutSwap(c.cutSwap().withCandidates(v)));

  /** Region area, fraction of the image. */
  public static final Parameter<ForgeConfig, Group> HARD_AREA =
      range(
          "hard.area",
          Group.HARD,
          "Region area",
          "Region area, fraction of the image",
          "",
          0.0005,
          0.6,
          3,
          c -> new double[] {c.hardAugmentation().areaMin(), c.hardAugmentation().areaMax()},
          (c, x) -> c.withHardAugmentation(c.hardAugmentation().withAreaMin(x)),
          (c, x) -> c.withHardAugmentation(c.hardAugmentation().withAreaMax(x)));

  /** Rotate the copied region. */
  public static final Parameter<ForgeConfig, Group> HARD_ROTATION =
      flag(
          "hard.rotation",
          Group.HARD,
          "Rotation",
          "Rotate the copied region",
          c -> c.hardAugmentation().rotation(),
          (c, v) -> c.withHardAugmentation(c.hardAugmentation().withRotation(v)));

  /** Shuffle the region's patches. */
  public static final Parameter<ForgeConfig, Group> HARD_PERMUTATION =
      flag(
          "hard.permutation",
          Group.HARD,
          "Patch permutation",
          "Shuffle the region's patches",
          c -> c.hardAugmentation().permutation(),
          (c, v) -> c.withHardAugmentation(c.hardAugmentation().withPermutation(v)));

  /** Jitter the region's colours. */
  public static final Parameter<ForgeConfig, Group> HARD_COLOUR_JITTER =
      flag(
          "hard.colourJitter",
          Group.HARD,
          "Colour jitter",
          "Jitter the region's colours",
          c -> c.hardAugmentation().colourJitter(),
          (c, v) -> c.withHardAugmentation(c.hardAugmentation().withColourJitter(v)));

  /** Tiles per side of the patch permutation. */
  public static final Parameter<ForgeConfig, Group> HARD_PERMUTATION_GRID =
      integer(
          "hard.permutationGrid",
          Group.HARD,
          "Permutation grid",
          "Tiles per side of the patch permutation",
          2,
          8,
          c -> c.hardAugmentation().permutationGrid(),
          (c, v) -> c.withHardAugmentation(c.hardAugmentation().withPermutationGrid(v)));

  /** Strength of the colour jitter. */
  public static final Parameter<ForgeConfig, Group> HARD_JITTER_STRENGTH =
      number(
          "hard.jitterStrength",
          Group.HARD,
          "Jitter strength",
          "Strength of the colour jitter",
          0.05,
          1,
          2,
          c -> c.hardAugmentation().jitterStrength(),
          (c, v) -> c.withHardAugmentation(c.hardAugmentation().withJitterStrength(v)));

  private static final List<Parameter<ForgeConfig, Group>> ALL =
      List.of(
          A,
          B,
          ALPHA,
          PERLIN_SCALE_EXPONENTS,
          ROTATION,
          SALIENCY_SIGMA,
          TEXTURE_CONTRAST,
          GREY_AUXILIARY,
          FORGE_PROBABILITY,
          MAX_MASK_REDRAWS,
          MIN_MASK_FRACTION,
          CUT_PASTE_AREA,
          CUT_PASTE_ASPECT_MIN,
          CUT_PASTE_SCAR_PROBABILITY,
          CUT_PASTE_SCAR_WIDTH,
          CUT_PASTE_SCAR_LENGTH,
          CUT_PASTE_SCAR_ROTATION,
          CUT_PASTE_COLOUR_JITTER,
          CUT_SWAP_PATCH,
          CUT_SWAP_SALIENT_QUANTILE,
          CUT_SWAP_CANDIDATES,
          HARD_AREA,
          HARD_ROTATION,
          HARD_PERMUTATION,
          HARD_COLOUR_JITTER,
          HARD_PERMUTATION_GRID,
          HARD_JITTER_STRENGTH);

  /** Every parameter, in form order. */
  public static List<Parameter<ForgeConfig, Group>> all() {
    return ALL;
  }

  /** The parameter with {@code id}, if any. */
  public static Optional<Parameter<ForgeConfig, Group>> byId(String id) {
    return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
