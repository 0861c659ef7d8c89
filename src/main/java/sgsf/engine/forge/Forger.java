package sgsf.engine.forge;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * The entry point of forging for training and the GUI: picks the configured strategy, looks up S in
 * a {@link SaliencyCache}, decides forged versus normal with p_forge, and derives every sample's
 * random generator from the configuration seed and the sample index, so that sample k is the same
 * whether it is made on a training thread or shown in a preview.
 *
 * <p>Thread-safe: one instance may serve several threads.
 */
public final class Forger {
  private static final long DECISION_STREAM = 0x5DEECE66DL;

  private final ForgeConfig config;
  private final ForgeStrategy strategy;
  private final AuxiliarySource aux;
  private final SaliencyCache cache;

  public Forger(ForgeConfig config, AuxiliarySource aux, SaliencyCache cache) {
    this.config = Objects.requireNonNull(config, "config");
    this.aux = Objects.requireNonNull(aux, "aux");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.strategy = strategyFor(config, aux);
  }

  /**
   * A forger whose auxiliary images come from {@code config.auxiliary().source()}.
   *
   * @param goodCount number of normal training images (used by {@link
   *     ForgeConfig.TextureSource#OTHER_GOOD_IMAGE})
   * @param goodImages returns normal training image {@code i}
   * @throws IllegalArgumentException naming the texture folder when it is unusable
   */
  public static Forger create(
      ForgeConfig config, SaliencyCache cache, int goodCount, IntFunction<FloatImage> goodImages) {
    return new Forger(config, auxiliarySource(config, goodCount, goodImages), cache);
  }

  /** {@link #create(ForgeConfig, SaliencyCache, int, IntFunction)} over a list of images. */
  public static Forger create(
      ForgeConfig config, SaliencyCache cache, List<FloatImage> goodImages) {
    List<FloatImage> copy = List.copyOf(goodImages);
    return create(config, cache, copy.size(), copy::get);
  }

  /** The auxiliary-image source {@code config} asks for. */
  public static AuxiliarySource auxiliarySource(
      ForgeConfig config, int goodCount, IntFunction<FloatImage> goodImages) {
    return switch (config.auxiliary().source()) {
      case PROCEDURAL -> new ProceduralTextures(config.seed());
      case USER_FOLDER -> new TextureFolderSource(config.auxiliary().folder());
      case OTHER_GOOD_IMAGE -> new GoodImageCropSource(goodCount, goodImages);
    };
  }

  /** The strategy object for {@code config.strategy()}. */
  public static ForgeStrategy strategyFor(ForgeConfig config, AuxiliarySource aux) {
    return switch (config.strategy()) {
      case SAM -> new SamStrategy(config, aux);
      case PERLIN -> new PerlinStrategy(config, aux);
      case CUTPASTE -> new CutPasteStrategy(config);
      case CUTSWAP -> new CutSwapStrategy(config);
      case HARD -> new HardAugmentationStrategy(config);
    };
  }

  public ForgeConfig config() {
    return config;
  }

  public ForgeStrategy strategy() {
    return strategy;
  }

  public AuxiliarySource auxiliarySource() {
    return aux;
  }

  public SaliencyCache saliencyCache() {
    return cache;
  }

  /**
   * The seed of sample {@code index}: the SplitMix64 finaliser of {@code seed} and {@code index},
   * so neighbouring indices give unrelated streams.
   */
  public static long sampleSeed(long seed, long index) {
    return Seeds.mix(seed, index);
  }

  /**
   * Training sample {@code index}: forged with probability p_forge, else the normal image with an
   * empty label. When forged, the result equals {@link #forge} for the same index.
   *
   * @param imageKey identifies the image for the saliency cache (e.g. its path)
   */
  public ForgedSample sample(FloatImage image, Object imageKey, long index) {
    return sample(image, imageKey, index, sampleSeed(config.seed(), index));
  }

  /**
   * A training sample from an explicit per-sample seed (for trainers that draw their own seeds):
   * the p_forge decision and the forging both derive from {@code seed} alone.
   */
  public ForgedSample sampleWithSeed(FloatImage image, Object imageKey, long seed) {
    return sample(image, imageKey, -1, seed);
  }

  private ForgedSample sample(FloatImage image, Object imageKey, long index, long seed) {
    double draw = new SplittableRandom(Seeds.mix(seed, DECISION_STREAM)).nextDouble();
    if (draw >= config.sampling().forgeProbability()) {
      return new ForgedSample(
          image, FloatImage.zeros(1, image.height(), image.width()), false, index, seed, null);
    }
    ForgeResult r = forgeWithSeed(image, imageKey, seed);
    return new ForgedSample(r.image(), r.mask(), r.forged(), index, seed, r);
  }

  /**
   * Forges sample {@code index} regardless of p_forge (previews, contact sheets). The result's
   * {@code forged()} is false only when no non-empty mask could be drawn.
   */
  public ForgeResult forge(FloatImage image, Object imageKey, long index) {
    return forgeWithSeed(image, imageKey, sampleSeed(config.seed(), index));
  }

  /** Forges with an explicit per-sample seed regardless of p_forge. */
  public ForgeResult forgeWithSeed(FloatImage image, Object imageKey, long seed) {
    Objects.requireNonNull(image, "image");
    SaliencyMap s = strategy.usesSaliency() ? saliency(image, imageKey) : null;
    return strategy.forge(image, s, new SplittableRandom(seed));
  }

  /**
   * S of {@code image} from the cache, computed on first use. Strategies that ignore S still get it
   * computed here, so that a viewer can show it.
   */
  public SaliencyMap saliency(FloatImage image, Object imageKey) {
    return imageKey == null ? cache.get(image, config) : cache.get(imageKey, image, config);
  }
}
