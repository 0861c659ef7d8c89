package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.image.FloatImage;

class DemoDatasetTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  private static Path first;
  private static Path second;

  @BeforeAll
  static void generateTwice() {
    first = DemoDataset.ensure(shared.resolve("a"));
    second = DemoDataset.ensure(shared.resolve("b"));
  }

  private static List<Path> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void generationIsDeterministicToTheByte() throws Exception {
    Path a = first;
    Path b = second;

    List<Path> fa = files(a);
    assertThat(fa).isEqualTo(files(b));
    // 2 x (120 + 20 + 30) images + 2 x 30 masks + the marker
    assertThat(fa).hasSize(2 * 170 + 2 * 30 + 1);
    for (Path rel : fa) {
      assertThat(Files.readAllBytes(b.resolve(rel)))
          .as(rel.toString())
          .isEqualTo(Files.readAllBytes(a.resolve(rel)));
    }
  }

  @Test
  void bothCategoriesHaveThePromisedCountsAndNonEmptyMasks() {
    Path root = first;
    assertThat(DatasetScanner.categories(root))
        .containsExactly(root.resolve(DemoDataset.OBJECT), root.resolve(DemoDataset.TEXTURE));
    SampleLoader loader = new SampleLoader(128, 128, 0);
    for (String category : DemoDataset.CATEGORIES) {
      Dataset d = DatasetScanner.scan(root.resolve(category));
      assertThat(d.layout()).isEqualTo(DatasetLayout.MVTEC);
      assertThat(d.trainGood()).hasSize(DemoDataset.TRAIN_GOOD);
      assertThat(d.count(Split.TEST, Sample.GOOD)).isEqualTo(DemoDataset.TEST_GOOD);
      assertThat(d.defectTypes()).containsExactlyElementsOf(DemoDataset.DEFECT_TYPES);
      for (String type : DemoDataset.DEFECT_TYPES) {
        assertThat(d.count(Split.TEST, type)).isEqualTo(DemoDataset.TEST_PER_DEFECT);
      }
      assertThat(d.skipped()).isEmpty();
      assertThat(d.hasPixelMasks()).isTrue();
      for (Sample s : d.test()) {
        if (!s.isDefective()) {
          continue;
        }
        FloatImage mask = loader.mask(s);
        double area = mask.mean() * 128 * 128;
        assertThat(area).as(s.image().toString()).isBetween(8.0, 1500.0);
        if (category.equals(DemoDataset.OBJECT)) {
          assertDefectLiesOnTheNut(s, mask);
        }
      }
    }
  }

  /** Every mask pixel lies within the nut's outer radius (40 px) of its jittered centre. */
  private static void assertDefectLiesOnTheNut(Sample s, FloatImage mask) {
    for (int y = 0; y < 128; y++) {
      for (int x = 0; x < 128; x++) {
        if (mask.get(0, y, x) > 0) {
          double r = Math.hypot(x - 64, y - 64);
          assertThat(r).as(s.image() + " at " + x + "," + y).isLessThan(40 + 5 * Math.sqrt(2));
        }
      }
    }
  }

  @Test
  void reusesACompleteFolderRegeneratesAnIncompleteOneAndRemovesOldVersions() throws Exception {
    Path stale = Files.createDirectories(dir.resolve("sgsf-demo-v0/object"));
    Path root = DemoDataset.ensure(dir);
    Path marker = root.resolve(DemoDataset.MARKER);
    assertThat(Files.readString(marker))
        .contains("generator_version=" + DemoDataset.GENERATOR_VERSION);
    assertThat(stale).doesNotExist();

    Path sentinel = root.resolve("object/train/good/sentinel.txt");
    Files.writeString(sentinel, "kept");
    assertThat(DemoDataset.ensure(dir)).isEqualTo(root);
    assertThat(sentinel).exists();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactly(root.getFileName().toString());
    }

    // without its marker a folder counts as incomplete and is replaced as a whole
    Files.delete(marker);
    DemoDataset.deleteTree(root.resolve("texture/test"));
    Path again = DemoDataset.ensure(dir);
    assertThat(again).isEqualTo(root);
    assertThat(marker).exists();
    assertThat(sentinel).doesNotExist();
    assertThat(DatasetScanner.scan(again.resolve("texture")).test()).hasSize(50);
  }

  @Test
  void defaultCacheDirHonoursTheSystemProperty() {
    String old = System.getProperty(DemoDataset.CACHE_DIR_PROPERTY);
    try {
      System.setProperty(DemoDataset.CACHE_DIR_PROPERTY, dir.toString());
      assertThat(DemoDataset.defaultCacheDir()).isEqualTo(dir);
      System.clearProperty(DemoDataset.CACHE_DIR_PROPERTY);
      assertThat(DemoDataset.defaultCacheDir().toString())
          .endsWith("sgsf-workbench" + java.io.File.separator + "demo");
    } finally {
      if (old == null) {
        System.clearProperty(DemoDataset.CACHE_DIR_PROPERTY);
      } else {
        System.setProperty(DemoDataset.CACHE_DIR_PROPERTY, old);
      }
    }
  }
}
