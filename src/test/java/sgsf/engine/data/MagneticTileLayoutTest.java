package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

class MagneticTileLayoutTest {
  @TempDir Path dir;

  /** MT_<cls>/Imgs/<cls>_<i>.jpg with a same-named PNG mask (all zero for MT_Free). */
  private Path tile(String cls, int n) {
    Path imgs = dir.resolve("MT").resolve("MT_" + cls).resolve("Imgs");
    for (int i = 0; i < n; i++) {
      String stem = "exp_" + cls.toLowerCase() + "_" + i;
      TestImages.image(imgs.resolve(stem + ".jpg"), 20 + i, 18);
      TestImages.mask(imgs.resolve(stem + ".png"), 20 + i, 18, cls.equals("Free"));
    }
    return dir.resolve("MT");
  }

  @Test
  void detectsClassesAndPairsJpegImagesWithPngMasks() {
    tile("Free", 10);
    tile("Blowhole", 3);
    Path root = tile("Crack", 2);

    assertThat(DatasetScanner.detect(root)).contains(DatasetLayout.MAGNETIC_TILE);
    Dataset d = DatasetScanner.scan(root);

    assertThat(d.layout()).isEqualTo(DatasetLayout.MAGNETIC_TILE);
    assertThat(d.defectTypes()).containsExactly("blowhole", "crack");
    assertThat(d.count(Split.TEST, "blowhole")).isEqualTo(3);
    assertThat(d.count(Split.TEST, "crack")).isEqualTo(2);
    assertThat(d.trainGood()).hasSize(8);
    assertThat(d.count(Split.TEST, Sample.GOOD)).isEqualTo(2);
    assertThat(d.skipped()).isEmpty();
    for (Sample s : d.samples()) {
      if (s.isDefective()) {
        assertThat(s.mask().getFileName().toString())
            .isEqualTo(s.fileName().replace(".jpg", ".png"));
      } else {
        assertThat(s.mask()).isNull();
      }
    }
  }

  @Test
  void goodImagesAreSplitBySeededShuffleOfSortedNames() {
    Path root = tile("Free", 10);
    Dataset d =
        MagneticTileLayout.scan(root, 0.2, 5L, ProgressListener.NONE, CancellationToken.none());

    List<String> names = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      names.add("exp_free_" + i + ".jpg");
    }
    Collections.sort(names);
    Collections.shuffle(names, new Random(5L));
    assertThat(d.test())
        .extracting(Sample::fileName)
        .containsExactlyInAnyOrderElementsOf(names.subList(0, 2));
  }

  @Test
  void defectImageWithoutMaskIsFatal() throws Exception {
    tile("Free", 3);
    Path root = tile("Break", 2);
    Files.delete(root.resolve("MT_Break/Imgs/exp_break_1.png"));

    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(root.resolve("MT_Break/Imgs/exp_break_1.jpg").toString())
        .hasMessageContaining("no mask");
  }

  @Test
  void wrongSizeMaskNamesBothFilesAndSizes() {
    tile("Free", 3);
    Path root = tile("Fray", 1);
    TestImages.mask(root.resolve("MT_Fray/Imgs/exp_fray_0.png"), 40, 40, false);

    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("exp_fray_0.png")
        .hasMessageContaining("exp_fray_0.jpg")
        .hasMessageContaining("40x40")
        .hasMessageContaining("20x18");
  }

  @Test
  void withoutDefectFreeClassItIsFatal() {
    Path root = tile("Uneven", 2);
    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("MT_Free");
  }

  @Test
  void pngWithoutImageAndForeignFilesAreListed() throws Exception {
    Path root = tile("Free", 3);
    TestImages.mask(root.resolve("MT_Free/Imgs/lonely.png"));
    TestImages.textFile(root.resolve("README.txt"));

    Dataset d = DatasetScanner.scan(root);

    assertThat(d.skipped())
        .extracting(SkippedFile::path)
        .containsExactly(root.resolve("MT_Free/Imgs/lonely.png"), root.resolve("README.txt"));
  }
}
