package sgsf.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

class SamStrategyTest {
  private static final ForgeConfig CONFIG = ForgeConfig.defaults();
  private static final int N = 128;

  private static SamStrategy sam(ForgeConfig c) {
    return new SamStrategy(c, new ProceduralTextures(c.seed(), 16));
  }

  @Test
  void onAnObjectImageTheMaskLiesInsideTheSalientRegion() {
    // bright disc of radius 20 at (70, 60) on a dark plain background
    FloatImage a = ForgeFixtures.objectImage(N, 70, 60, 20, 1);
    SaliencyMap s = Saliency.compute(a, CONFIG);
    assertThat(s.kind()).isEqualTo(SaliencyMap.Kind.COMPUTED);
    SamStrategy sam = sam(CONFIG);
    int forged = 0;
    for (int seed = 0; seed < 40; seed++) {
      ForgeResult r = sam.forge(a, s, new SplittableRandom(seed));
      if (!r.forged()) {
        continue;
      }
      forged++;
      for (int y = 0; y < N; y++) {
        for (int x = 0; x < N; x++) {
          if (r.mask().get(0, y, x) == 1f) {
            // G = P S > mu >= a and P <= 1, so S > a wherever M = 1
            assertThat(s.map().get(0, y, x)).isGreaterThan((float) CONFIG.threshold().a());
            // and the salient region is the object (with the smoothing's reach around its rim)
            assertThat(Math.hypot(x - 70, y - 60))
                .as("seed %d (%d, %d)", seed, x, y)
                .isLessThan(30);
          }
        }
      }
    }
    assertThat(forged).isGreaterThan(30);
  }

  @Test
  void thresholdFollowsEquationOneAndStaysBetweenAAndAPlusB() {
    double previous = -1;
    for (float level : new float[] {0f, 0.25f, 0.5f, 0.75f, 1f}) {
      FloatImage map = FloatImage.filled(32, 32, level);
      SaliencyMap s = new SaliencyMap(map, level, 0.2, SaliencyMap.Kind.COMPUTED);
      double mu = SamStrategy.threshold(CONFIG, s);
      assertThat(mu).isCloseTo(0.4 + level * 0.2, offset(1e-9));
      assertThat(mu)
          .isBetween(CONFIG.threshold().a(), CONFIG.threshold().a() + CONFIG.threshold().b());
      assertThat(mu).isGreaterThan(previous);
      previous = mu;
    }
    // and the strategy reports the threshold it used
    FloatImage a = ForgeFixtures.textureImage(64, 2);
    SaliencyMap uniform = SaliencyMap.uniform(64, 64, 0.01);
    ForgeResult r = sam(CONFIG).forge(a, uniform, new SplittableRandom(3));
    assertThat(r.threshold()).isCloseTo(0.6, offset(1e-9));
    SaliencyMap half =
        new SaliencyMap(FloatImage.filled(64, 64, 0.5f), 0.5, 0.2, SaliencyMap.Kind.COMPUTED);
    assertThat(
            sam(CONFIG.withThreshold(0.3, 0.4)).forge(a, half, new SplittableRandom(3)).threshold())
        .isCloseTo(0.5, offset(1e-9));
  }

  @Test
  void forgedImageFollowsEquationTwoAndChangesNothingOutsideTheMask() {
    FloatImage a = ForgeFixtures.colourImage(N, 4);
    SaliencyMap s = SaliencyMap.uniform(N, N, 0);
    int checked = 0;
    for (int seed = 0; seed < 10; seed++) {
      ForgeResult r = sam(CONFIG).forge(a, s, new SplittableRandom(seed));
      if (!r.forged()) {
        continue;
      }
      checked++;
      assertThat(ForgeFixtures.isBinary(r.mask())).isTrue();
      assertThat(r.label()).isSameAs(r.mask());
      assertThat(r.alpha()).isBetween(0.1, 1.0);
      FloatImage b = r.auxiliary();
      int p = a.plane();
      for (int i = 0; i < p; i++) {
        float m = r.mask().data()[i];
        for (int c = 0; c < 3; c++) {
          int j = c * p + i;
          // Eq. (2): I = A (1 - M) + alpha B M + (1 - alpha) A M
          double expected =
              a.data()[j] * (1 - m)
                  + r.alpha() * b.data()[j] * m
                  + (1 - r.alpha()) * a.data()[j] * m;
          assertThat((double) r.image().data()[j]).isCloseTo(expected, offset(1e-5));
        }
      }
      assertThat(ForgeFixtures.changedOutsideMask(a, r.image(), r.mask())).isZero();
      assertThat(ForgeFixtures.changedInsideMask(a, r.image(), r.mask())).isPositive();
      // G = P S with S = 1 here, and M = [G > mu]
      for (int i = 0; i < p; i++) {
        assertThat(r.gated().data()[i]).isEqualTo(r.noise().data()[i]);
        assertThat(r.mask().data()[i] == 1f).isEqualTo(r.gated().data()[i] > r.threshold());
      }
    }
    assertThat(checked).isGreaterThan(5);
  }

  @Test
  void gatedNoiseIsTheHadamardProductOfNoiseAndSaliency() {
    FloatImage a = ForgeFixtures.objectImage(64, 30, 30, 14, 2);
    SaliencyMap s = Saliency.compute(a, CONFIG);
    ForgeResult r = sam(CONFIG).forge(a, s, new SplittableRandom(5));
    for (int i = 0; i < a.plane(); i++) {
      assertThat(r.gated().data()[i])
          .isCloseTo(r.noise().data()[i] * s.map().data()[i], offset(1e-6f));
    }
  }

  @Test
  void emptyMasksAreRedrawnABoundedNumberOfTimesThenTheSampleStaysNormal() {
    FloatImage a = ForgeFixtures.textureImage(64, 1);
    SaliencyMap zero =
        new SaliencyMap(FloatImage.zeros(1, 64, 64), 0, 0.2, SaliencyMap.Kind.COMPUTED);
    ForgeResult r =
        sam(CONFIG.withSampling(CONFIG.sampling().withMaxMaskRedraws(4)))
            .forge(a, zero, new SplittableRandom(1));
    assertThat(r.forged()).isFalse();
    assertThat(r.attempts()).isEqualTo(5);
    assertThat(r.image()).isEqualTo(a);
    assertThat(r.mask().data()).containsOnly(0f);
    assertThat(r.maskPixels()).isZero();
  }

  @Test
  void greyImagesGetGreyAnomaliesUnlessColourIsAskedFor() {
    FloatImage a = ForgeFixtures.textureImage(64, 3); // three equal channels
    SaliencyMap s = SaliencyMap.uniform(64, 64, 0);
    for (ForgeConfig c :
        List.of(CONFIG, CONFIG.withAuxiliary(CONFIG.auxiliary().withGreyForGreyImages(false)))) {
      int colourPixels = 0;
      for (int seed = 0; seed < 6; seed++) {
        FloatImage img = sam(c).forge(a, s, new SplittableRandom(seed)).image();
        for (int i = 0; i < img.plane(); i++) {
          if (Math.abs(img.data()[i] - img.data()[img.plane() + i]) > 0.02) {
            colourPixels++;
          }
        }
      }
      if (c.auxiliary().greyForGreyImages()) {
        assertThat(colourPixels).isZero();
      } else {
        assertThat(colourPixels).isPositive();
      }
    }
  }
}
