package sgsf.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

class ForgerTest {
  private static final List<FloatImage> IMAGES =
      List.of(
          ForgeFixtures.objectImage(64, 30, 34, 14, 1),
          ForgeFixtures.textureImage(64, 2),
          ForgeFixtures.colourImage(64, 3));

  private static Forger forger(ForgeConfig c) {
    return Forger.create(c, new SaliencyCache(), IMAGES);
  }

  @Test
  void sampleKIsReproducibleAcrossForgerInstancesAndDiffersBetweenSamplesAndSeeds() {
    ForgeConfig c = alwaysOrNever(1);
    FloatImage a = IMAGES.get(0);
    ForgedSample s1 = forger(c).sample(a, "a", 5);
    ForgedSample s2 = forger(c).sample(a, "a", 5);
    assertThat(s2.image()).isEqualTo(s1.image());
    assertThat(s2.label()).isEqualTo(s1.label());
    assertThat(s2.seed()).isEqualTo(s1.seed()).isEqualTo(Forger.sampleSeed(c.seed(), 5));
    assertThat(forger(c).sample(a, "a", 6).label()).isNotEqualTo(s1.label());
    assertThat(forger(c.withSeed(43)).sample(a, "a", 5).label()).isNotEqualTo(s1.label());
  }

  @Test
  void aForgedSampleEqualsThePreviewOfTheSameIndexAndItsLabelIsTheMask() {
    Forger f = forger(ForgeConfig.defaults());
    for (int k = 0; k < 20; k++) {
      FloatImage a = IMAGES.get(k % IMAGES.size());
      ForgedSample s = f.sample(a, a, k);
      if (s.result() != null) {
        ForgeResult preview = f.forge(a, a, k);
        assertThat(s.image()).isEqualTo(preview.image());
        assertThat(s.label()).isEqualTo(preview.mask()).isSameAs(s.result().mask());
        assertThat(s.forged()).isEqualTo(preview.forged());
      } else {
        assertThat(s.forged()).isFalse();
        assertThat(s.image()).isSameAs(a);
        assertThat(s.label().data()).containsOnly(0f);
      }
    }
  }

  @Test
  void aboutThreeOfFourSamplesAreForged() {
    Forger f = forger(ForgeConfig.defaults());
    int n = 400;
    int decidedToForge = 0;
    for (int k = 0; k < n; k++) {
      if (f.sample(IMAGES.get(1), "t", k).result() != null) {
        decidedToForge++;
      }
    }
    // binomial(400, 0.75): standard deviation 8.7; allow 3.5 of them
    assertThat(decidedToForge).isBetween(270, 330);
    Forger never = forger(alwaysOrNever(0));
    assertThat(never.sample(IMAGES.get(1), "t", 1).forged()).isFalse();
  }

  @Test
  void samplesFromExplicitSeedsAreReproducible() {
    Forger f = forger(alwaysOrNever(1));
    FloatImage a = IMAGES.get(2);
    ForgedSample s1 = f.sampleWithSeed(a, a, 123456789L);
    ForgedSample s2 = forger(alwaysOrNever(1)).sampleWithSeed(a, "x", 123456789L);
    assertThat(s1.image()).isEqualTo(s2.image());
    assertThat(s1.index()).isEqualTo(-1);
  }

  @Test
  void everyTextureSourceFeedsSam() {
    for (ForgeConfig.TextureSource src :
        List.of(ForgeConfig.TextureSource.PROCEDURAL, ForgeConfig.TextureSource.OTHER_GOOD_IMAGE)) {
      Forger f = forger(ForgeConfig.defaults().withTextureSource(src, null));
      ForgeResult r = f.forge(IMAGES.get(1), "t", 2);
      assertThat(r.forged()).isTrue();
      assertThat(r.description())
          .startsWith(src == ForgeConfig.TextureSource.PROCEDURAL ? "procedural" : "normal image");
    }
  }

  /** The defaults, forging every sample (1) or none (0). */
  private static ForgeConfig alwaysOrNever(double forgeProbability) {
    ForgeConfig d = ForgeConfig.defaults();
    return d.withSampling(d.sampling().withForgeProbability(forgeProbability));
  }
}
