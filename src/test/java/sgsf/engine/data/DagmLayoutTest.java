package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagmLayoutTest {
  @TempDir Path dir;

  /** Class3/<split> with good images 0..good-1 and defective ones after, Labels.txt as DAGM's. */
  private void split(Path cls, String split, int good, int defective, boolean labelsTxt)
      throws Exception {
    Path folder = cls.resolve(split);
    StringBuilder labels = new StringBuilder("1\n");
    for (int i = 0; i < good + defective; i++) {
      String name = String.format("%04d", i);
      TestImages.image(folder.resolve(name + ".PNG"), 32, 32);
      if (i < good) {
        labels.append(i + 1).append("\t0\t").append(name).append(".PNG\t0\t0\n");
      } else {
        TestImages.mask(folder.resolve("Label/" + name + "_label.PNG"), 32, 32, false);
        labels
            .append(i + 1)
            .append("\t1\t")
            .append(name)
            .append(".PNG\t0\t")
            .append(name)
            .append("_label.PNG\n");
      }
    }
    Files.createDirectories(folder.resolve("Label"));
    if (labelsTxt) {
      Files.writeString(folder.resolve("Label/Labels.txt"), labels);
    }
  }

  private Path dagm(boolean labelsTxt) throws Exception {
    Path cls = dir.resolve("Class3");
    split(cls, "Train", 6, 2, labelsTxt);
    split(cls, "Test", 4, 3, labelsTxt);
    return cls;
  }

  @Test
  void readsLabelsTxtAndPairsLabelMasks() throws Exception {
    Path root = dagm(true);
    assertThat(DatasetScanner.detect(root)).contains(DatasetLayout.DAGM);

    Dataset d = DatasetScanner.scan(root);

    assertThat(d.layout()).isEqualTo(DatasetLayout.DAGM);
    assertThat(d.trainGood()).hasSize(6);
    assertThat(d.count(Split.TEST, Sample.GOOD)).isEqualTo(4);
    assertThat(d.count(Split.TEST, DagmLayout.DEFECT_TYPE)).isEqualTo(3);
    assertThat(d.test().stream().filter(Sample::isDefective))
        .allMatch(
            s ->
                s.mask()
                    .getFileName()
                    .toString()
                    .equals(s.fileName().replace(".PNG", "_label.PNG")));
    // the two defective training images and their masks
    assertThat(d.skipped()).hasSize(4);
    assertThat(d.skipped())
        .filteredOn(s -> s.path().getFileName().toString().endsWith("6.PNG"))
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("defective image in the training split"));
  }

  @Test
  void withoutLabelsTxtTheMasksDecide() throws Exception {
    Dataset d = DatasetScanner.scan(dagm(false));

    assertThat(d.trainGood()).hasSize(6);
    assertThat(d.count(Split.TEST, DagmLayout.DEFECT_TYPE)).isEqualTo(3);
  }

  @Test
  void defectListedInLabelsTxtWithoutMaskIsFatal() throws Exception {
    Path root = dagm(true);
    Files.delete(root.resolve("Test/Label/0005_label.PNG"));

    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(root.resolve("Test/0005.PNG").toString())
        .hasMessageContaining("Labels.txt marks it defective but it has no mask");
  }

  @Test
  void aFolderOfClassesIsACollection() throws Exception {
    dagm(true);
    split(dir.resolve("Class7"), "Train", 2, 0, true);

    assertThat(DatasetScanner.categories(dir))
        .containsExactly(dir.resolve("Class3"), dir.resolve("Class7"));
  }
}
