package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KolektorSdd2LayoutTest {
  @TempDir Path dir;

  private void item(String split, int id, boolean defective) {
    Path folder = dir.resolve("ksdd2").resolve(split);
    TestImages.image(folder.resolve(id + ".png"), 16, 40);
    TestImages.mask(folder.resolve(id + "_GT.png"), 16, 40, !defective);
  }

  private Path dataset() {
    for (int i = 0; i < 4; i++) {
      item("train", 10000 + i, false);
    }
    item("train", 10010, true);
    for (int i = 0; i < 3; i++) {
      item("test", 20000 + i, false);
    }
    item("test", 20010, true);
    item("test", 20011, true);
    return dir.resolve("ksdd2");
  }

  @Test
  void allZeroGroundTruthMeansGoodAndNonZeroMeansDefective() {
    Path root = dataset();
    assertThat(DatasetScanner.detect(root)).contains(DatasetLayout.KOLEKTOR_SDD2);

    Dataset d = DatasetScanner.scan(root);

    assertThat(d.trainGood()).hasSize(4);
    assertThat(d.count(Split.TEST, Sample.GOOD)).isEqualTo(3);
    assertThat(d.count(Split.TEST, KolektorSdd2Layout.DEFECT_TYPE)).isEqualTo(2);
    assertThat(d.test().stream().filter(Sample::isDefective))
        .extracting(s -> s.mask().getFileName().toString())
        .containsExactly("20010_GT.png", "20011_GT.png");
    assertThat(d.samples().stream().filter(s -> !s.isDefective())).allMatch(s -> s.mask() == null);
  }

  @Test
  void defectiveTrainingImagesAreSkippedAndListed() {
    Dataset d = DatasetScanner.scan(dataset());

    assertThat(d.samples()).noneMatch(s -> s.split() == Split.TRAIN && s.isDefective());
    assertThat(d.skipped())
        .extracting(SkippedFile::path)
        .containsExactly(
            dir.resolve("ksdd2/train/10010.png"), dir.resolve("ksdd2/train/10010_GT.png"));
    assertThat(d.skipped().get(0).reason()).contains("defective image in the training split");
  }

  @Test
  void imageWithoutGroundTruthIsFatal() throws Exception {
    Path root = dataset();
    Files.delete(root.resolve("test/20001_GT.png"));

    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(root.resolve("test/20001.png").toString())
        .hasMessageContaining("20001_GT.png");
  }
}
