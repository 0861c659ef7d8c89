package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

class MvtecLayoutTest {
  @TempDir Path dir;

  private Path category() {
    return TestImages.mvtec(dir.resolve("widget"), 5, 2, 3, "scratch", "hole");
  }

  private static Map<String, String> reasons(Dataset d) {
    return d.skipped().stream()
        .collect(Collectors.toMap(s -> s.path().getFileName().toString(), SkippedFile::reason));
  }

  @Test
  void detectsMvtecAndCountsEverySplitAndType() {
    Path root = category();
    Dataset d = DatasetScanner.scan(root);

    assertThat(DatasetScanner.detect(root)).contains(DatasetLayout.MVTEC);
    assertThat(d.layout()).isEqualTo(DatasetLayout.MVTEC);
    assertThat(d.name()).isEqualTo("widget");
    assertThat(d.trainGood()).hasSize(5);
    assertThat(d.count(Split.TEST, Sample.GOOD)).isEqualTo(2);
    assertThat(d.count(Split.TEST, "scratch")).isEqualTo(3);
    assertThat(d.count(Split.TEST, "hole")).isEqualTo(3);
    assertThat(d.defectTypes()).containsExactly("hole", "scratch");
    assertThat(d.skipped()).isEmpty();
    assertThat(d.hasPixelMasks()).isTrue();
    assertThat(d.counts())
        .containsExactly(
            new Dataset.Count(Split.TRAIN, "good", 5, 0),
            new Dataset.Count(Split.TEST, "good", 2, 0),
            new Dataset.Count(Split.TEST, "hole", 3, 3),
            new Dataset.Count(Split.TEST, "scratch", 3, 3));
  }

  @Test
  void sixteenBitAndRgbaImagesAndSixteenBitMasksAreAccepted() {
    Path root = category();
    Mat deep = new Mat(24, 24, CvType.CV_16UC1, new Scalar(40000));
    Mat rgba = new Mat(24, 24, CvType.CV_8UC4, new Scalar(1, 2, 3, 128));
    TestImages.write(root.resolve("train/good/deep.png"), deep);
    TestImages.write(root.resolve("train/good/rgba.png"), rgba);
    TestImages.write(root.resolve("ground_truth/hole/000_mask.png"), deep);

    Dataset d = DatasetScanner.scan(root);

    assertThat(d.skipped()).isEmpty();
    assertThat(d.trainGood()).extracting(Sample::fileName).contains("deep.png", "rgba.png");
    assertThat(d.count(Split.TEST, "hole")).isEqualTo(3);
  }

  @Test
  void pairsEachDefectImageWithItsOwnMask() {
    Dataset d = DatasetScanner.scan(category());
    for (Sample s : d.samples()) {
      if (s.isDefective()) {
        assertThat(s.mask())
            .isEqualTo(
                d.root()
                    .resolve("ground_truth")
                    .resolve(s.defectType())
                    .resolve(s.fileName().replace(".png", "_mask.png")));
      } else {
        assertThat(s.mask()).isNull();
      }
    }
  }

  @Test
  void summaryStatesLayoutCountsAndSkippedFiles() throws Exception {
    Path root = category();
    TestImages.textFile(root.resolve("train/good/notes.txt"));
    String summary = DatasetScanner.scan(root).summary();

    assertThat(summary)
        .contains("MVTec AD layout")
        .containsPattern("train good +5 images")
        .containsPattern("test +scratch +3 images +3 with mask")
        .contains("skipped: 1 file")
        .contains("notes.txt: not an image file");
  }

  @Test
  void skipsAndListsCorruptEmptyAndNonImageFiles() throws Exception {
    Path root = category();
    TestImages.truncatedJpeg(root.resolve("train/good/truncated.jpg"));
    TestImages.emptyFile(root.resolve("train/good/empty.png"));
    TestImages.textFile(root.resolve("train/good/text.png"));
    TestImages.textFile(root.resolve("test/good/readme.md"));
    Path png = TestImages.image(root.resolve("test/good/cut.png"), 64, 64);
    byte[] bytes = Files.readAllBytes(png);
    Files.write(png, java.util.Arrays.copyOf(bytes, bytes.length - 20));

    Dataset d = DatasetScanner.scan(root);

    assertThat(d.trainGood()).hasSize(5);
    assertThat(d.count(Split.TEST, Sample.GOOD)).isEqualTo(2);
    Map<String, String> reasons = reasons(d);
    assertThat(reasons).hasSize(5);
    assertThat(reasons.get("cut.png")).contains("truncated PNG");
    assertThat(reasons.get("truncated.jpg")).contains("truncated JPEG");
    assertThat(reasons.get("empty.png")).contains("empty (0 bytes)");
    assertThat(reasons.get("text.png")).contains("not a decodable image");
    assertThat(reasons.get("readme.md")).contains("not an image file");
    assertThat(d.skipped())
        .extracting(SkippedFile::path)
        .contains(root.resolve("train/good/truncated.jpg"));
  }

  @Test
  void aCorruptDefectImageIsSkippedTogetherWithItsMask() throws Exception {
    Path root = category();
    TestImages.emptyFile(root.resolve("test/scratch/001.png"));

    Dataset d = DatasetScanner.scan(root);

    assertThat(d.count(Split.TEST, "scratch")).isEqualTo(2);
    Map<Path, String> byPath =
        d.skipped().stream().collect(Collectors.toMap(SkippedFile::path, SkippedFile::reason));
    assertThat(byPath.get(root.resolve("test/scratch/001.png"))).contains("empty");
    assertThat(byPath.get(root.resolve("ground_truth/scratch/001_mask.png")))
        .contains("mask of a skipped image");
  }

  @Test
  void wrongSizeMaskIsFatalAndNamesBothFilesAndSizes() {
    Path root = category();
    Path mask = root.resolve("ground_truth/hole/002_mask.png");
    TestImages.mask(mask, 30, 20, false);

    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .satisfies(e -> assertThat(((DatasetException) e).path()).isEqualTo(mask))
        .hasMessageContaining(mask.toString())
        .hasMessageContaining(root.resolve("test/hole/002.png").toString())
        .hasMessageContaining("30x20")
        .hasMessageContaining("24x24");
  }

  @Test
  void defectImageWithoutMaskIsFatalAndNamesTheExpectedMask() throws Exception {
    Path root = category();
    Files.delete(root.resolve("ground_truth/scratch/001_mask.png"));

    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(root.resolve("test/scratch/001.png").toString())
        .hasMessageContaining("no mask")
        .hasMessageContaining(root.resolve("ground_truth/scratch/001_mask.png").toString());
  }

  @Test
  void unreadableMaskIsFatal() throws Exception {
    Path root = category();
    Path mask = root.resolve("ground_truth/scratch/000_mask.png");
    TestImages.textFile(mask);

    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(mask.toString())
        .hasMessageContaining("unreadable");
  }

  @Test
  void withoutGroundTruthFolderDefectsCarryImageLabelsOnly() throws Exception {
    Path root = category();
    DemoDataset.deleteTree(root.resolve("ground_truth"));

    Dataset d = DatasetScanner.scan(root);

    assertThat(d.test().stream().filter(Sample::isDefective))
        .hasSize(6)
        .allMatch(s -> s.mask() == null);
    assertThat(d.hasPixelMasks()).isFalse();
  }

  @Test
  void emptyTrainGoodIsFatal() throws Exception {
    Path root = dir.resolve("empty");
    Files.createDirectories(root.resolve("train/good"));
    TestImages.image(root.resolve("test/good/000.png"));

    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(root.resolve("train/good").toString())
        .hasMessageContaining("no readable normal training image");
  }

  @Test
  void trainGoodWithOnlyBrokenFilesIsFatalAndSaysSo() throws Exception {
    Path root = dir.resolve("broken");
    TestImages.emptyFile(root.resolve("train/good/a.png"));
    TestImages.textFile(root.resolve("train/good/b.jpg"));

    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("no readable normal training image (2 files skipped there)");
  }

  @Test
  void orphanMasksAndExtraFoldersAreListed() throws Exception {
    Path root = category();
    TestImages.mask(root.resolve("ground_truth/hole/099_mask.png"));
    TestImages.image(root.resolve("train/bad/000.png"));

    Dataset d = DatasetScanner.scan(root);

    Map<Path, String> byPath =
        d.skipped().stream().collect(Collectors.toMap(SkippedFile::path, SkippedFile::reason));
    assertThat(byPath.get(root.resolve("ground_truth/hole/099_mask.png")))
        .contains("mask without a matching image");
    assertThat(byPath.get(root.resolve("train/bad"))).contains("train may only hold good");
  }

  @Test
  void folderMatchingNoLayoutIsFatalAndListsTheExpectedLayouts() {
    Path root = dir.resolve("random");
    TestImages.image(root.resolve("a.png"));

    assertThat(DatasetScanner.detect(root)).isEmpty();
    assertThatThrownBy(() -> DatasetScanner.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(root.toString())
        .hasMessageContaining("matches no known dataset layout")
        .hasMessageContaining("MVTec AD")
        .hasMessageContaining("KolektorSDD2")
        .hasMessageContaining("DAGM");
  }

  @Test
  void missingFolderAndFileAreFatal() throws Exception {
    assertThatThrownBy(() -> DatasetScanner.scan(dir.resolve("nope")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("does not exist");
    Path file = TestImages.image(dir.resolve("x.png"));
    assertThatThrownBy(() -> DatasetScanner.scan(file))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("is a file");
  }

  @Test
  void aCollectionOfCategoriesIsListedNotScannedAsOne() {
    TestImages.mvtec(dir.resolve("coll/bottle"), 1, 0, 0);
    TestImages.mvtec(dir.resolve("coll/cable"), 1, 0, 0);

    assertThat(DatasetScanner.categories(dir.resolve("coll")))
        .containsExactly(dir.resolve("coll/bottle"), dir.resolve("coll/cable"));
    assertThatThrownBy(() -> DatasetScanner.scan(dir.resolve("coll")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("holds 2 datasets (bottle, cable)");
  }

  @Test
  void reportsProgressAndHonoursCancellation() {
    Path root = category();
    java.util.concurrent.atomic.AtomicInteger last =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger seenTotal =
        new java.util.concurrent.atomic.AtomicInteger();
    DatasetScanner.scan(
        root,
        (done, total) -> {
          last.accumulateAndGet(done, Math::max);
          seenTotal.set(total);
        },
        CancellationToken.none());
    // 5 train + 2 test good + 6 defect images + 6 masks
    assertThat(seenTotal.get()).isEqualTo(19);
    assertThat(last.get()).isEqualTo(19);

    CancellationToken cancelled = new CancellationToken();
    cancelled.cancel();
    assertThatThrownBy(() -> DatasetScanner.scan(root, ProgressListener.NONE, cancelled))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void samplesAreInAStableSortedOrder() {
    Dataset a = DatasetScanner.scan(category());
    List<Path> train = a.trainGood().stream().map(Sample::image).toList();
    assertThat(train).isSortedAccordingTo(java.util.Comparator.comparing(Path::toString));
  }
}
