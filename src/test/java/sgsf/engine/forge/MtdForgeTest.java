package sgsf.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;

/** SAM on real Magnetic-Tile images (grey tile surfaces), when the data is on this machine. */
class MtdForgeTest {
  static Path mtd() {
    String prop = System.getProperty("sgsf.mtd");
    return prop != null ? Path.of(prop) : Path.of("..", "shared", "data", "mtd");
  }

  @Test
  void forgesGreyAnomaliesInsideTheMaskOfRealTileImages() throws IOException {
    Path good = mtd().resolve("train").resolve("good");
    Assumptions.assumeTrue(Files.isDirectory(good), good + " absent, skipping");
    List<Path> files;
    try (Stream<Path> s = Files.list(good)) {
      files = s.filter(ImageIo::isImageFile).sorted().limit(4).toList();
    }
    ForgeConfig config = ForgeConfig.defaults();
    Forger forger = Forger.create(config, new SaliencyCache(), List.of());
    int forged = 0;
    for (int i = 0; i < files.size(); i++) {
      FloatImage a = ImageIo.resize(ImageIo.read(files.get(i), 3), 256, 256);
      ForgeResult r = forger.forge(a, files.get(i), i);
      SaliencyMap s = forger.saliency(a, files.get(i));
      assertThat(s.kind()).isIn(SaliencyMap.Kind.COMPUTED, SaliencyMap.Kind.TEXTURE_UNIFORM);
      assertThat(r.threshold())
          .isBetween(config.threshold().a(), config.threshold().a() + config.threshold().b());
      assertThat(ForgeFixtures.changedOutsideMask(a, r.image(), r.mask())).isZero();
      if (r.forged()) {
        forged++;
        assertThat(ForgeFixtures.changedInsideMask(a, r.image(), r.mask())).isPositive();
        // the tile images are grey, so the forged defect is grey too
        FloatImage img = r.image();
        for (int p = 0; p < img.plane(); p++) {
          assertThat(Math.abs(img.data()[p] - img.data()[img.plane() + p])).isLessThan(0.01f);
        }
      }
    }
    assertThat(forged).isGreaterThanOrEqualTo(3);
  }
}
