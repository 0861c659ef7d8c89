package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real Magnetic-Tile data in MVTec layout, when present on this machine. */
class MtdDatasetTest {
  static Path mtd() {
    String prop = System.getProperty("sgsf.mtd");
    return prop != null ? Path.of(prop) : Path.of("..", "shared", "data", "mtd");
  }

  @Test
  void scansTheRealMtdDatasetCompletely() {
    Path root = mtd();
    Assumptions.assumeTrue(Files.isDirectory(root), root + " absent, skipping");

    Dataset d = DatasetScanner.scan(root);

    assertThat(d.layout()).isEqualTo(DatasetLayout.MVTEC);
    assertThat(d.trainGood()).hasSize(761);
    assertThat(d.count(Split.TEST, Sample.GOOD)).isEqualTo(96);
    assertThat(d.defectTypes()).containsExactly("blowhole", "break");
    assertThat(d.count(Split.TEST, "blowhole")).isEqualTo(115);
    assertThat(d.count(Split.TEST, "break")).isEqualTo(85);
    assertThat(d.test().stream().filter(Sample::isDefective)).allMatch(s -> s.mask() != null);
    assertThat(d.skipped()).isEmpty();
  }
}
