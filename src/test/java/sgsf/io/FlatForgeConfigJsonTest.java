package sgsf.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.TrainingSettings;
import sgsf.io.workspace.Workspace;

/**
 * Models, checkpoints and workspaces written so far store the forging configuration as one flat
 * JSON object (the 23 components of {@link ForgeConfig} side by side). This fixture is that format
 * as written until December 2026, with a value other than the default in every group; it must keep
 * loading, to the same configuration, through the checkpoint reader ({@code sgsf train --resume}
 * compares the {@code --forge-*} options with it) and the workspace's saved settings (the Train and
 * Forge sections reopen with them), whatever shape the record takes.
 */
class FlatForgeConfigJsonTest {
  static final String FLAT =
      """
      {"strategy":"PERLIN","a":0.35,"b":0.25,"alphaMin":0.2,"alphaMax":0.9,
       "perlinMinScaleExponent":1,"perlinMaxScaleExponent":4,
       "rotationMinDegrees":-45.0,"rotationMaxDegrees":45.0,
       "saliencyMethod":"FREQUENCY_TUNED","saliencySigma":0.02,"textureContrast":0.05,
       "roiMask":null,"textureSource":"OTHER_GOOD_IMAGE","textureFolder":null,
       "greyAuxiliaryForGreyImages":false,"forgeProbability":0.6,"maxMaskRedraws":12,
       "minMaskFraction":0.001,
       "cutPaste":{"areaMin":0.03,"areaMax":0.12,"aspectMin":0.3,"scarProbability":0.4,
         "scarWidthMin":0.01,"scarWidthMax":0.05,"scarLengthMin":0.05,"scarLengthMax":0.1,
         "scarRotationDegrees":30.0,"colourJitter":0.2},
       "cutSwap":{"patchMin":0.1,"patchMax":0.2,"salientQuantile":0.7,"candidates":8},
       "hardAugmentation":{"areaMin":0.02,"areaMax":0.08,"rotation":true,"permutation":false,
         "colourJitter":true,"permutationGrid":4,"jitterStrength":0.4},
       "seed":7}
      """;

  /** The configuration FLAT describes, built through the record's own API. */
  static ForgeConfig expected() {
    ForgeConfig d = ForgeConfig.defaults();
    return d.withStrategy(ForgeConfig.Strategy.PERLIN)
        .withThreshold(0.35, 0.25)
        .withAlphaRange(0.2, 0.9)
        .withPerlinScaleExponents(1, 4)
        .withRotationRange(-45, 45)
        .withSaliency(
            new ForgeConfig.Saliency(ForgeConfig.SaliencyMethod.FREQUENCY_TUNED, 0.02, 0.05, null))
        .withAuxiliary(
            new ForgeConfig.Auxiliary(ForgeConfig.TextureSource.OTHER_GOOD_IMAGE, null, false))
        .withSampling(new ForgeConfig.Sampling(0.6, 12, 0.001))
        .withCutPaste(
            new ForgeConfig.CutPaste(0.03, 0.12, 0.3, 0.4, 0.01, 0.05, 0.05, 0.1, 30, 0.2))
        .withCutSwap(new ForgeConfig.CutSwap(0.1, 0.2, 0.7, 8))
        .withHardAugmentation(
            new ForgeConfig.HardAugmentation(0.02, 0.08, true, false, true, 4, 0.4))
        .withSeed(7);
  }

  @Test
  void aCheckpointWithTheFlatFormatResumesWithTheSameForgingConfiguration(@TempDir Path dir)
      throws Exception {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("format", ModelBundle.CHECKPOINT_FORMAT);
    manifest.set("forgeConfig", Json.mapper().readTree(FLAT));
    Path checkpoint = dir.resolve("iter-100.zip");
    try (OutputStream out = Files.newOutputStream(checkpoint);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertThat(ModelBundle.checkpointForgeConfig(checkpoint)).contains(expected());
  }

  @Test
  void aWorkspaceWithTheFlatFormatReopensWithTheSameForgingConfiguration(@TempDir Path dir)
      throws Exception {
    Workspace ws = Workspace.create(dir.resolve("w"), DatasetReference.ofDemo());
    ObjectNode settings = Json.mapper().createObjectNode();
    settings.set("model", Json.mapper().valueToTree(ModelConfig.preset("lite")));
    settings.set("train", Json.mapper().valueToTree(TrainConfig.defaults()));
    settings.set("forge", Json.mapper().readTree(FLAT));
    Files.createDirectories(TrainingSettings.file(ws).getParent());
    Files.writeString(TrainingSettings.file(ws), settings.toString());
    assertThat(TrainingSettings.load(ws).orElseThrow().forge()).isEqualTo(expected());
  }

  /**
   * A Spark training table's {@code forge} object names flat fields and is merged over the grouped
   * defaults: the flat fields win, the rest of each group keeps the defaults.
   */
  @Test
  void flatFieldsOverTheGroupedDefaultsOverrideTheirGroupOnly() throws Exception {
    ObjectNode merged = Json.mapper().valueToTree(ForgeConfig.defaults());
    assertThat(merged.has("threshold")).as("written grouped").isTrue();
    assertThat(merged.has("a")).isFalse();
    merged.setAll((ObjectNode) Json.mapper().readTree("{\"a\":0.3,\"saliencySigma\":0.05}"));
    ForgeConfig c = Json.mapper().treeToValue(merged, ForgeConfig.class);
    ForgeConfig d = ForgeConfig.defaults();
    assertThat(c)
        .isEqualTo(
            d.withThreshold(d.threshold().withA(0.3)).withSaliency(d.saliency().withSigma(0.05)));
  }

  @Test
  void theFixtureDiffersFromTheDefaultsInEveryGroup() {
    ForgeConfig d = ForgeConfig.defaults();
    ForgeConfig e = expected();
    assertThat(e.threshold().a()).isNotEqualTo(d.threshold().a());
    assertThat(e.blend().alphaMin()).isNotEqualTo(d.blend().alphaMin());
    assertThat(e.perlin().minScaleExponent()).isNotEqualTo(d.perlin().minScaleExponent());
    assertThat(e.perlin().rotationMinDegrees()).isNotEqualTo(d.perlin().rotationMinDegrees());
    assertThat(e.saliency().method()).isNotEqualTo(d.saliency().method());
    assertThat(e.auxiliary().source()).isNotEqualTo(d.auxiliary().source());
    assertThat(e.sampling().forgeProbability()).isNotEqualTo(d.sampling().forgeProbability());
    assertThat(e.cutPaste()).isNotEqualTo(d.cutPaste());
    assertThat(e.cutSwap()).isNotEqualTo(d.cutSwap());
    assertThat(e.hardAugmentation()).isNotEqualTo(d.hardAugmentation());
  }
}
