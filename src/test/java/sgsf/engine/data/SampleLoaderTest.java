package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.image.OpenCv;

class SampleLoaderTest {
  @TempDir Path dir;

  static {
    OpenCv.ensureLoaded();
  }

  private static Sample good(Path p) {
    return Sample.good(p, Split.TRAIN);
  }

  @Test
  void sixteenBitPngIsScaledBy65535AndReplicatedToThreeChannels() {
    Mat m = new Mat(4, 4, CvType.CV_16UC1, new Scalar(32768));
    m.put(0, 0, new short[] {(short) 65535});
    Path p = TestImages.write(dir.resolve("deep.png"), m);

    FloatImage img = new SampleLoader(4, 4).image(good(p));

    assertThat(img.channels()).isEqualTo(3);
    for (int c = 0; c < 3; c++) {
      assertThat(img.get(c, 0, 0)).isEqualTo(1f);
      assertThat(img.get(c, 2, 3)).isCloseTo(32768f / 65535f, within(1e-6f));
    }
  }

  @Test
  void rgbaPngComesBackAsRgbWithAlphaDropped() {
    // OpenCV stores BGRA: blue 10, green 20, red 200, fully transparent
    Mat m = new Mat(3, 5, CvType.CV_8UC4, new Scalar(10, 20, 200, 0));
    Path p = TestImages.write(dir.resolve("rgba.png"), m);

    FloatImage img = new SampleLoader(3, 5).image(good(p));

    assertThat(img.channels()).isEqualTo(3);
    assertThat(img.get(0, 1, 2)).isCloseTo(200 / 255f, within(1e-6f));
    assertThat(img.get(1, 1, 2)).isCloseTo(20 / 255f, within(1e-6f));
    assertThat(img.get(2, 1, 2)).isCloseTo(10 / 255f, within(1e-6f));
  }

  @Test
  void shrinkingAveragesAreasInsteadOfSamplingPixels() {
    // a one-pixel checkerboard shrunk 3x: area averaging gives 4/9 or 5/9, sampling 0 or 1
    Mat m = new Mat(6, 6, CvType.CV_8UC1);
    byte[] d = new byte[36];
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 6; x++) {
        d[y * 6 + x] = (byte) (((x + y) & 1) == 0 ? 255 : 0);
      }
    }
    m.put(0, 0, d);
    Path p = TestImages.write(dir.resolve("checker.png"), m);

    FloatImage img = new SampleLoader(2, 2).image(good(p));

    assertThat(img.height()).isEqualTo(2);
    assertThat(img.width()).isEqualTo(2);
    assertThat(img.get(0, 0, 0)).isCloseTo(5f / 9f, within(1f / 255f));
    assertThat(img.get(0, 0, 1)).isCloseTo(4f / 9f, within(1f / 255f));
    assertThat(img.get(2, 1, 1)).isCloseTo(5f / 9f, within(1f / 255f));
  }

  @Test
  void masksAreBinarisedAndResizedWithNearestNeighbour() {
    // a 0/1-valued mask (as some tools save them): the top-left 2x2 block is defective
    Mat m = Mat.zeros(4, 4, CvType.CV_8UC1);
    m.put(0, 0, new byte[] {1, 1});
    m.put(1, 0, new byte[] {1, 1});
    Path maskFile = TestImages.write(dir.resolve("m.png"), m);
    Sample s = new Sample(TestImages.image(dir.resolve("i.png"), 4, 4), Split.TEST, "x", maskFile);

    FloatImage mask = new SampleLoader(8, 8).mask(s);

    assertThat(mask.channels()).isEqualTo(1);
    float sum = 0;
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        float v = mask.get(0, y, x);
        assertThat(v).isIn(0f, 1f);
        assertThat(v).isEqualTo(y < 4 && x < 4 ? 1f : 0f);
        sum += v;
      }
    }
    assertThat(sum).isEqualTo(16f);
  }

  @Test
  void sixteenBitMaskAndGoodSamplesGiveZeroOneMasks() {
    Mat m = new Mat(4, 4, CvType.CV_16UC1, new Scalar(0));
    m.put(3, 3, new short[] {(short) 65535});
    Path maskFile = TestImages.write(dir.resolve("m16.png"), m);
    Path img = TestImages.image(dir.resolve("i.png"), 4, 4);
    SampleLoader loader = new SampleLoader(4, 4);

    FloatImage mask = loader.mask(new Sample(img, Split.TEST, "x", maskFile));
    assertThat(mask.get(0, 3, 3)).isEqualTo(1f);
    assertThat(mask.mean()).isEqualTo(1.0 / 16);

    FloatImage none = loader.mask(good(img));
    assertThat(none).isEqualTo(FloatImage.zeros(1, 4, 4));
  }

  @Test
  void cacheEvictsTheLeastRecentlyUsedEntryByBytes() {
    Path a = TestImages.image(dir.resolve("a.png"));
    Path b = TestImages.image(dir.resolve("b.png"));
    Path c = TestImages.image(dir.resolve("c.png"));
    long entry = 4L * 3 * 8 * 8;
    SampleLoader loader = new SampleLoader(8, 8, 2 * entry);

    loader.image(a);
    loader.image(b);
    loader.image(a); // hit; b is now the least recently used
    loader.image(c); // evicts b
    assertThat(loader.hits()).isEqualTo(1);
    assertThat(loader.misses()).isEqualTo(3);
    assertThat(loader.cachedEntries()).isEqualTo(2);
    assertThat(loader.cachedBytes()).isEqualTo(2 * entry);

    loader.image(a); // still cached
    loader.image(b); // was evicted
    assertThat(loader.hits()).isEqualTo(2);
    assertThat(loader.misses()).isEqualTo(4);
  }

  @Test
  void returnedImagesAreCopiesTheCallerMayModify() {
    Path a = TestImages.image(dir.resolve("a.png"));
    SampleLoader loader = new SampleLoader(8, 8);
    FloatImage first = loader.image(a);
    FloatImage reference = first.copy();
    first.data()[0] = 42f;

    assertThat(loader.image(a)).isEqualTo(reference);
  }

  @Test
  void concurrentLoadsAgreeWithSequentialOnes() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      files.add(TestImages.image(dir.resolve("f" + i + ".png"), 20 + i, 30 - i));
    }
    SampleLoader reference = new SampleLoader(16, 16, 0);
    List<FloatImage> expected = files.stream().map(reference::image).toList();
    SampleLoader shared = new SampleLoader(16, 16, 6 * 4L * 3 * 16 * 16);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(
            pool.submit(
                () -> {
                  boolean ok = true;
                  for (int k = 0; k < 60; k++) {
                    int i = (k * 7 + offset) % files.size();
                    ok &= shared.image(files.get(i)).equals(expected.get(i));
                  }
                  return ok;
                }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(shared.cachedEntries()).isLessThanOrEqualTo(6);
    assertThat(shared.cachedBytes()).isEqualTo(shared.cachedEntries() * 4L * 3 * 16 * 16);
    assertThat(shared.hits() + shared.misses()).isEqualTo(240);
  }

  @Test
  void unreadableFileFailsNamingIt() throws Exception {
    Path bad = TestImages.textFile(dir.resolve("bad.png"));
    assertThatThrownBy(() -> new SampleLoader(8, 8).image(bad))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining(bad.toString());
  }
}
