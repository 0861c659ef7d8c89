package sgsf.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;

class SaliencyTest {
  private static final ForgeConfig CONFIG = ForgeConfig.defaults();

  @TempDir Path dir;

  private static FloatImage saliency(ForgeConfig.SaliencyMethod m, FloatImage img) {
    return m == ForgeConfig.SaliencyMethod.SPECTRAL_RESIDUAL
        ? Saliency.spectralResidual(img, CONFIG.saliency().sigma())
        : Saliency.frequencyTuned(img, CONFIG.saliency().sigma());
  }

  @ParameterizedTest
  @EnumSource(ForgeConfig.SaliencyMethod.class)
  void peakLiesInsideAPlantedBrightBlob(ForgeConfig.SaliencyMethod method) {
    // blob of radius 8 off-centre on a dark plain background with faint noise
    FloatImage img = ForgeFixtures.objectImage(128, 92, 38, 8, 3);
    FloatImage s = saliency(method, img);
    int best = 0;
    for (int i = 1; i < s.data().length; i++) {
      if (s.data()[i] > s.data()[best]) {
        best = i;
      }
    }
    int py = best / 128;
    int px = best % 128;
    assertThat(Math.hypot(px - 92, py - 38)).as("peak at (%d, %d)", px, py).isLessThan(8);
  }

  @ParameterizedTest
  @EnumSource(ForgeConfig.SaliencyMethod.class)
  void mapsAreNormalisedToTheUnitRangeAtImageSize(ForgeConfig.SaliencyMethod method) {
    FloatImage s = saliency(method, ForgeFixtures.objectImage(96, 40, 50, 20, 1));
    assertThat(s.channels()).isEqualTo(1);
    assertThat(s.height()).isEqualTo(96);
    assertThat(s.width()).isEqualTo(96);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : s.data()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isEqualTo(0f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(max).isEqualTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void textureImagesGetUniformSaliencyAndObjectsKeepTheirMap() {
    SaliencyMap texture = Saliency.compute(ForgeFixtures.textureImage(128, 5), CONFIG);
    assertThat(texture.kind()).isEqualTo(SaliencyMap.Kind.TEXTURE_UNIFORM);
    assertThat(texture.spread()).isLessThan(CONFIG.saliency().textureContrast());
    assertThat(texture.mean()).isEqualTo(1.0);
    assertThat(texture.map().data()).containsOnly(1f);

    SaliencyMap object = Saliency.compute(ForgeFixtures.objectImage(128, 64, 64, 24, 5), CONFIG);
    assertThat(object.kind()).isEqualTo(SaliencyMap.Kind.COMPUTED);
    assertThat(object.spread()).isGreaterThanOrEqualTo(CONFIG.saliency().textureContrast());
    assertThat(object.mean()).isBetween(0.0, 0.5);
  }

  @Test
  void textureRuleComparesTheStandardDeviationWithTheContrast() {
    // a map with std exactly 0.05: half 0.45, half 0.55
    FloatImage half = FloatImage.zeros(1, 10, 10);
    for (int i = 0; i < 100; i++) {
      half.data()[i] = i < 50 ? 0.45f : 0.55f;
    }
    assertThat(Saliency.applyTextureRule(half, 0.06).isUniform()).isTrue();
    SaliencyMap kept = Saliency.applyTextureRule(half, 0.04);
    assertThat(kept.isUniform()).isFalse();
    assertThat(kept.mean()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(kept.spread()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(Saliency.applyTextureRule(half, 0).isUniform()).as("0 disables the rule").isFalse();
  }

  @Test
  void aRegionOfInterestMaskReplacesTheComputedMap() throws Exception {
    FloatImage roi = FloatImage.zeros(1, 40, 40);
    for (int y = 10; y < 30; y++) {
      for (int x = 0; x < 20; x++) {
        roi.set(0, y, x, 1f);
      }
    }
    Path file = dir.resolve("roi.png");
    ImageIo.writePng(roi, file);
    SaliencyMap s =
        Saliency.compute(
            ForgeFixtures.textureImage(80, 1),
            CONFIG.withSaliency(CONFIG.saliency().withRoiMask(file)));
    assertThat(s.kind()).isEqualTo(SaliencyMap.Kind.ROI);
    assertThat(s.map().height()).isEqualTo(80);
    assertThat(s.mean()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(s.map().get(0, 40, 10)).isEqualTo(1f);
    assertThat(s.map().get(0, 40, 60)).isEqualTo(0f);
    assertThat(s.map().get(0, 5, 10)).isEqualTo(0f);
  }

  @Test
  void anUnreadableOrEmptyRoiMaskIsAnErrorNamingTheFile() throws Exception {
    Path missing = dir.resolve("nope.png");
    assertThatThrownBy(
            () ->
                Saliency.compute(
                    ForgeFixtures.textureImage(32, 1),
                    CONFIG.withSaliency(CONFIG.saliency().withRoiMask(missing))))
        .hasMessageContaining(missing.toString());
    Path empty = dir.resolve("empty.png");
    ImageIo.writePng(FloatImage.zeros(1, 8, 8), empty);
    assertThatThrownBy(
            () ->
                Saliency.compute(
                    ForgeFixtures.textureImage(32, 1),
                    CONFIG.withSaliency(CONFIG.saliency().withRoiMask(empty))))
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("empty");
  }

  @Test
  void cacheComputesEachImageOnceAndRecomputesWhenSaliencySettingsChange() {
    SaliencyCache cache = new SaliencyCache();
    FloatImage a = ForgeFixtures.objectImage(64, 30, 30, 10, 1);
    FloatImage b = a.copy(); // equal pixels, different identity
    SaliencyMap first = cache.get(a, CONFIG);
    assertThat(cache.get(a, CONFIG)).isSameAs(first);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
    cache.get(b, CONFIG);
    assertThat(cache.misses()).as("keyed by identity, not pixels").isEqualTo(2);
    cache.get(Path.of("a.png"), a, CONFIG);
    cache.get(Path.of("a.png"), a, CONFIG.withSeed(9).withStrategy(ForgeConfig.Strategy.CUTSWAP));
    assertThat(cache.misses()).as("seed and strategy do not shape S").isEqualTo(3);
    SaliencyMap ft =
        cache.get(
            Path.of("a.png"),
            a,
            CONFIG.withSaliency(
                CONFIG.saliency().withMethod(ForgeConfig.SaliencyMethod.FREQUENCY_TUNED)));
    assertThat(cache.misses()).isEqualTo(4);
    assertThat(ft.map()).isNotEqualTo(first.map());
  }

  @Test
  void cacheStaysWithinItsByteBudget() {
    long oneMap = 4L * 32 * 32;
    SaliencyCache cache = new SaliencyCache(3 * oneMap);
    for (int i = 0; i < 10; i++) {
      cache.get(i, ForgeFixtures.objectImage(32, 10 + i, 16, 6, i), CONFIG);
    }
    assertThat(cache.bytes()).isLessThanOrEqualTo(3 * oneMap);
    assertThat(cache.size()).isEqualTo(3);
  }
}
