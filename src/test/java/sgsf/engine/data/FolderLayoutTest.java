package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

class FolderLayoutTest {
  @TempDir Path dir;

  private void images(Path folder, int n, String suffix) {
    for (int i = 0; i < n; i++) {
      TestImages.image(folder.resolve(String.format("img%02d%s.png", i, suffix)));
    }
  }

  @Test
  void explicitFoldersGiveTrainAndTestWithMasksMatchedByName() {
    images(dir.resolve("ok"), 10, "");
    TestImages.image(dir.resolve("ng/a.png"));
    TestImages.image(dir.resolve("ng/b.jpg"));
    TestImages.image(dir.resolve("ng/c.png"));
    TestImages.mask(dir.resolve("gt/a_mask.png"));
    TestImages.mask(dir.resolve("gt/B_GT.png"));
    TestImages.mask(dir.resolve("gt/c.png"));

    Dataset d = FolderLayout.scan(dir.resolve("ok"), dir.resolve("ng"), dir.resolve("gt"));

    assertThat(d.layout()).isEqualTo(DatasetLayout.FOLDER);
    assertThat(d.trainGood()).hasSize(8);
    assertThat(d.count(Split.TEST, Sample.GOOD)).isEqualTo(2);
    assertThat(d.count(Split.TEST, FolderLayout.DEFECT_TYPE)).isEqualTo(3);
    assertThat(d.test().stream().filter(Sample::isDefective))
        .extracting(s -> s.mask().getFileName().toString())
        .containsExactly("a_mask.png", "B_GT.png", "c.png");
    assertThat(d.skipped()).isEmpty();
  }

  @Test
  void normalSplitFollowsTheDocumentedSeededRule() {
    images(dir.resolve("ok"), 10, "");
    Dataset d =
        FolderLayout.scan(
            dir.resolve("ok"),
            null,
            null,
            0.3,
            7L,
            ProgressListener.NONE,
            CancellationToken.none());

    List<String> names =
        IntStream.range(0, 10)
            .mapToObj(i -> String.format("img%02d.png", i))
            .collect(Collectors.toList());
    Collections.shuffle(names, new Random(7L));
    Set<String> expectedTest = Set.copyOf(names.subList(0, 3));
    assertThat(d.test())
        .extracting(Sample::fileName)
        .containsExactlyInAnyOrderElementsOf(expectedTest);
    assertThat(d.trainGood()).hasSize(7);

    Dataset again =
        FolderLayout.scan(
            dir.resolve("ok"),
            null,
            null,
            0.3,
            7L,
            ProgressListener.NONE,
            CancellationToken.none());
    assertThat(again.samples()).isEqualTo(d.samples());
  }

  @Test
  void withoutMaskFolderAbnormalImagesHaveImageLabelsOnly() {
    images(dir.resolve("ok"), 3, "");
    images(dir.resolve("ng"), 2, "");

    Dataset d = FolderLayout.scan(dir.resolve("ok"), dir.resolve("ng"), null);

    assertThat(d.test().stream().filter(Sample::isDefective))
        .hasSize(2)
        .allMatch(s -> s.mask() == null);
  }

  @Test
  void abnormalImageWithoutMaskIsFatalWhenAMaskFolderIsGiven() {
    images(dir.resolve("ok"), 3, "");
    TestImages.image(dir.resolve("ng/a.png"));
    TestImages.image(dir.resolve("ng/b.png"));
    TestImages.mask(dir.resolve("gt/a.png"));

    assertThatThrownBy(
            () -> FolderLayout.scan(dir.resolve("ok"), dir.resolve("ng"), dir.resolve("gt")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(dir.resolve("ng/b.png").toString())
        .hasMessageContaining("no mask");
  }

  @Test
  void emptyNormalFolderIsFatal() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("ok"));
    images(dir.resolve("ng"), 1, "");

    assertThatThrownBy(() -> FolderLayout.scan(dir.resolve("ok"), dir.resolve("ng"), null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(dir.resolve("ok").toString())
        .hasMessageContaining("no readable normal training image");
  }

  @Test
  void aMissingFolderIsNamed() {
    assertThatThrownBy(() -> FolderLayout.scan(dir.resolve("nothing"), (Path) null, null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(dir.resolve("nothing").toString())
        .hasMessageContaining("normal images");
  }

  @Test
  void autoDetectsGoodAndDefectSubfolders() throws Exception {
    Path root = dir.resolve("parts");
    images(root.resolve("good"), 5, "");
    images(root.resolve("defect"), 2, "");
    TestImages.mask(root.resolve("masks/img00_mask.png"));
    TestImages.mask(root.resolve("masks/img01_mask.png"));
    TestImages.textFile(root.resolve("notes.txt"));

    assertThat(DatasetScanner.detect(root)).contains(DatasetLayout.FOLDER);
    Dataset d = DatasetScanner.scan(root);
    assertThat(d.name()).isEqualTo("parts");
    assertThat(d.trainGood()).hasSize(4);
    assertThat(d.count(Split.TEST, FolderLayout.DEFECT_TYPE)).isEqualTo(2);
    assertThat(d.hasPixelMasks()).isTrue();
    assertThat(d.skipped())
        .extracting(SkippedFile::path)
        .containsExactly(root.resolve("notes.txt"));
  }
}
