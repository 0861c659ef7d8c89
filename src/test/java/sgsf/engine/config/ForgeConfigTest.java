package sgsf.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ForgeConfigTest {
  private static final ForgeConfig D = ForgeConfig.defaults();

  @Test
  void defaultsAreThePapersSettings() {
    assertThat(D.strategy()).isEqualTo(ForgeConfig.Strategy.SAM);
    assertThat(D.threshold().a()).isEqualTo(0.4);
    assertThat(D.threshold().b()).isEqualTo(0.2);
    assertThat(D.blend().alphaMin()).isEqualTo(0.1);
    assertThat(D.blend().alphaMax()).isEqualTo(1.0);
    assertThat(D.perlin().minScaleExponent()).isZero();
    assertThat(D.perlin().maxScaleExponent()).isEqualTo(5);
    assertThat(D.perlin().rotationMinDegrees()).isEqualTo(-90);
    assertThat(D.perlin().rotationMaxDegrees()).isEqualTo(90);
    assertThat(D.saliency().method()).isEqualTo(ForgeConfig.SaliencyMethod.SPECTRAL_RESIDUAL);
    assertThat(D.saliency().textureContrast()).isEqualTo(0.1);
    assertThat(D.sampling().forgeProbability()).isEqualTo(0.75);
    assertThat(D.saliency().roiMask()).isNull();
    assertThat(D.auxiliary().source()).isEqualTo(ForgeConfig.TextureSource.PROCEDURAL);
  }

  @Test
  void withersChangeOnlyTheirOwnParameter() {
    ForgeConfig c = D.withSeed(7);
    assertThat(c.seed()).isEqualTo(7);
    assertThat(c.withSeed(D.seed())).isEqualTo(D);
    assertThat(D.withThreshold(0.2, 0.3))
        .extracting(
            f -> f.threshold().a(),
            f -> f.threshold().b(),
            f -> f.blend().alphaMin(),
            ForgeConfig::seed)
        .containsExactly(0.2, 0.3, 0.1, 42L);
    assertThat(D.withStrategy(ForgeConfig.Strategy.HARD).withStrategy(ForgeConfig.Strategy.SAM))
        .isEqualTo(D);
    assertThat(D.withTextureSource(ForgeConfig.TextureSource.USER_FOLDER, Path.of("dtd")))
        .extracting(f -> f.auxiliary().source(), f -> f.auxiliary().folder())
        .containsExactly(ForgeConfig.TextureSource.USER_FOLDER, Path.of("dtd"));
  }

  @Test
  void rejectsAbsurdValuesWithAMessageNamingTheParameterAndItsRange() {
    assertRejected(() -> D.withThreshold(1.5, 0.2), "ForgeConfig.a must be in [0, 0.99], got 1.5");
    assertRejected(
        () -> D.withThreshold(0.4, -0.1), "ForgeConfig.b must be in [0, 0.99], got -0.1");
    assertRejected(() -> D.withThreshold(0.7, 0.5), "ForgeConfig.a + b must be below 1");
    assertRejected(
        () -> D.withAlphaRange(0, 1), "ForgeConfig.alphaMin must be in [0.01, 1], got 0.0");
    assertRejected(
        () -> D.withAlphaRange(0.5, 0.3), "ForgeConfig.alphaMax must be in [0.5, 1], got 0.3");
    assertRejected(
        () -> D.withPerlinScaleExponents(-1, 5),
        "ForgeConfig.perlinMinScaleExponent must be in [0, 8], got -1");
    assertRejected(
        () -> D.withPerlinScaleExponents(4, 2),
        "ForgeConfig.perlinMaxScaleExponent must be in [4, 8], got 2");
    assertRejected(
        () -> D.withRotationRange(-90, 400),
        "ForgeConfig.rotationMaxDegrees must be in [-90, 180], got 400.0");
    assertRejected(
        () -> D.withSaliency(D.saliency().withSigma(Double.NaN)),
        "ForgeConfig.saliencySigma must be in [0, 0.25]");
    assertRejected(
        () -> D.withSaliency(D.saliency().withTextureContrast(0.8)),
        "ForgeConfig.textureContrast must be in [0, 0.5]");
    assertRejected(
        () -> D.withSampling(D.sampling().withForgeProbability(1.5)),
        "ForgeConfig.forgeProbability must be in [0, 1]");
    assertRejected(
        () -> D.withSampling(D.sampling().withMaxMaskRedraws(-1)),
        "ForgeConfig.maxMaskRedraws must be in [0, 1000], got -1");
    assertRejected(
        () -> D.withTextureSource(ForgeConfig.TextureSource.USER_FOLDER, null),
        "ForgeConfig.textureFolder is required when textureSource is USER_FOLDER");
    assertRejected(
        () -> new ForgeConfig.CutPaste(0.02, 0.9, 0.3, 0.5, 0.01, 0.06, 0.04, 0.1, 45, 0.1),
        "ForgeConfig.cutPaste.areaMax must be in [0.02, 0.6], got 0.9");
    assertRejected(
        () -> new ForgeConfig.CutSwap(0.2, 0.1, 0.8, 16),
        "ForgeConfig.cutSwap.patchMax must be in [0.2, 0.45], got 0.1");
    assertRejected(
        () -> new ForgeConfig.HardAugmentation(0.01, 0.1, false, false, false, 3, 0.5),
        "at least one of rotation, permutation, colourJitter");
    assertRejected(
        () -> new ForgeConfig.HardAugmentation(0.01, 0.1, true, true, true, 1, 0.5),
        "ForgeConfig.hardAugmentation.permutationGrid must be in [2, 8], got 1");
  }

  /** Jackson writes paths as file URIs, so absolute paths come back exactly. */
  @Test
  void roundTripsThroughJsonForProvenance() throws Exception {
    ForgeConfig c =
        D.withStrategy(ForgeConfig.Strategy.CUTSWAP)
            .withSaliency(D.saliency().withRoiMask(Path.of("masks", "roi.png").toAbsolutePath()))
            .withTextureSource(
                ForgeConfig.TextureSource.USER_FOLDER, Path.of("dtd", "images").toAbsolutePath())
            .withCutPaste(
                new ForgeConfig.CutPaste(0.03, 0.1, 0.5, 0.2, 0.01, 0.05, 0.05, 0.1, 30, 0.2))
            .withSeed(-5);
    com.fasterxml.jackson.databind.ObjectMapper m =
        new com.fasterxml.jackson.databind.ObjectMapper();
    String json = m.writeValueAsString(c);
    assertThat(json).contains("\"a\":0.4").contains("\"minMaskFraction\":5.0E-4");
    assertThat(m.readValue(json, ForgeConfig.class)).isEqualTo(c);
  }

  private static void assertRejected(Supplier<?> make, String message) {
    assertThatThrownBy(make::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
