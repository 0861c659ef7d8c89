package sgsf.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

class ForgeStrategiesTest {
  private static final int N = 96;

  private static ForgeStrategy strategy(ForgeConfig.Strategy kind) {
    ForgeConfig c = ForgeConfig.defaults().withStrategy(kind);
    return Forger.strategyFor(c, new ProceduralTextures(c.seed(), 16));
  }

  @ParameterizedTest
  @EnumSource(ForgeConfig.Strategy.class)
  void everyStrategyForgesANonEmptyMaskOfPlausibleAreaAndTouchesNothingElse(
      ForgeConfig.Strategy kind) {
    ForgeStrategy st = strategy(kind);
    assertThat(st.kind()).isEqualTo(kind);
    ForgeConfig config = ForgeConfig.defaults();
    List<FloatImage> images =
        List.of(ForgeFixtures.objectImage(N, 50, 44, 22, 1), ForgeFixtures.textureImage(N, 2));
    int forged = 0;
    int total = 0;
    for (FloatImage a : images) {
      SaliencyMap s = Saliency.compute(a, config);
      for (int seed = 0; seed < 25; seed++) {
        ForgeResult r = st.forge(a, s, new SplittableRandom(seed));
        total++;
        assertThat(ForgeFixtures.isBinary(r.mask())).isTrue();
        assertThat(r.maskPixels()).isEqualTo((int) Math.round(r.mask().mean() * a.plane()));
        assertThat(ForgeFixtures.changedOutsideMask(a, r.image(), r.mask())).isZero();
        assertThat(r.image().channels()).isEqualTo(3);
        if (r.forged()) {
          forged++;
          assertThat(r.maskFraction())
              .as("%s seed %d", kind, seed)
              .isBetween(ForgeConfig.defaults().sampling().minMaskFraction(), 0.6);
        } else {
          assertThat(r.maskPixels()).isZero();
          assertThat(r.image()).isEqualTo(a);
        }
      }
    }
    assertThat(forged).as("forged samples of %d", total).isGreaterThanOrEqualTo(total * 9 / 10);
  }

  @ParameterizedTest
  @EnumSource(ForgeConfig.Strategy.class)
  void sameSeedGivesTheSameSampleAndAnotherSeedAnotherOne(ForgeConfig.Strategy kind) {
    FloatImage a = ForgeFixtures.objectImage(N, 40, 50, 20, 3);
    SaliencyMap s = Saliency.compute(a, ForgeConfig.defaults());
    ForgeResult r1 = strategy(kind).forge(a, s, new SplittableRandom(77));
    ForgeResult r2 = strategy(kind).forge(a, s, new SplittableRandom(77));
    ForgeResult r3 = strategy(kind).forge(a, s, new SplittableRandom(78));
    assertThat(r2.image()).isEqualTo(r1.image());
    assertThat(r2.mask()).isEqualTo(r1.mask());
    assertThat(r2.description()).isEqualTo(r1.description());
    assertThat(r3.mask()).isNotEqualTo(r1.mask());
  }

  @Test
  void cutSwapExchangesTwoEqualSquaresFromTheSalientRegion() {
    FloatImage a = ForgeFixtures.objectImage(N, 48, 48, 30, 4);
    // fixed saliency: a disc of radius 30 around the object's centre
    FloatImage map = FloatImage.zeros(1, N, N);
    for (int y = 0; y < N; y++) {
      for (int x = 0; x < N; x++) {
        map.set(0, y, x, Math.hypot(x - 48, y - 48) < 30 ? 1f : 0f);
      }
    }
    SaliencyMap s = new SaliencyMap(map, map.mean(), 0.4, SaliencyMap.Kind.ROI);
    ForgeStrategy st = strategy(ForgeConfig.Strategy.CUTSWAP);
    for (int seed = 0; seed < 20; seed++) {
      ForgeResult r = st.forge(a, s, new SplittableRandom(seed));
      // the mask is two squares of one size: its area is twice a square number
      int half = r.maskPixels() / 2;
      int side = (int) Math.round(Math.sqrt(half));
      assertThat(2 * side * side).isEqualTo(r.maskPixels());
      // both patches come from where S is high: mean S under the mask well above the image mean
      double inside = 0;
      for (int i = 0; i < a.plane(); i++) {
        inside += r.mask().data()[i] * map.data()[i];
      }
      assertThat(inside / r.maskPixels()).as("seed %d", seed).isGreaterThan(0.7);
      // swapping preserves the multiset of pixel values
      assertThat(sum(r.image())).isCloseTo(sum(a), org.assertj.core.data.Offset.offset(1e-2));
    }
  }

  @Test
  void hardAugmentationChangesTheRegionForEveryTransform() {
    FloatImage a = ForgeFixtures.colourImage(N, 6);
    for (var hard :
        List.of(
            new ForgeConfig.HardAugmentation(0.05, 0.1, true, false, false, 3, 0.5),
            new ForgeConfig.HardAugmentation(0.05, 0.1, false, true, false, 3, 0.5),
            new ForgeConfig.HardAugmentation(0.05, 0.1, false, false, true, 3, 0.5))) {
      ForgeStrategy st =
          new HardAugmentationStrategy(ForgeConfig.defaults().withHardAugmentation(hard));
      for (int seed = 0; seed < 5; seed++) {
        ForgeResult r = st.forge(a, null, new SplittableRandom(seed));
        assertThat(ForgeFixtures.changedInsideMask(a, r.image(), r.mask()))
            .as("%s seed %d", r.description(), seed)
            .isGreaterThan(r.maskPixels() / 4);
      }
    }
  }

  @Test
  void cutPasteScarsAreThinAndPatchesAreLarger() {
    ForgeConfig scarsOnly =
        ForgeConfig.defaults()
            .withCutPaste(
                new ForgeConfig.CutPaste(0.02, 0.15, 0.3, 1, 0.01, 0.03, 0.1, 0.2, 45, 0.1));
    ForgeConfig patchesOnly =
        ForgeConfig.defaults()
            .withCutPaste(
                new ForgeConfig.CutPaste(0.02, 0.15, 0.3, 0, 0.01, 0.03, 0.1, 0.2, 45, 0.1));
    FloatImage a = ForgeFixtures.colourImage(N, 2);
    for (int seed = 0; seed < 10; seed++) {
      ForgeResult scar = new CutPasteStrategy(scarsOnly).forge(a, null, new SplittableRandom(seed));
      ForgeResult patch =
          new CutPasteStrategy(patchesOnly).forge(a, null, new SplittableRandom(seed));
      assertThat(scar.description()).startsWith("scar");
      assertThat(patch.description()).startsWith("patch");
      // scar: at most 0.03 x 0.2 of the side squared, plus rasterisation of its rotated outline
      assertThat(scar.maskFraction()).isLessThan(0.03 * 0.2 * 2.5);
      assertThat(patch.maskFraction()).isBetween(0.015, 0.17);
    }
  }

  private static double sum(FloatImage img) {
    double s = 0;
    for (float v : img.data()) {
      s += v;
    }
    return s;
  }
}
