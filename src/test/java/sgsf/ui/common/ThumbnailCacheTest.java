package sgsf.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import sgsf.engine.image.OpenCv;
import sgsf.ui.FxTestToolkit;

/** Thumbnails go through the one decode-and-validate path: a broken file shows no picture. */
class ThumbnailCacheTest {
  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start();
  }

  @Test
  void aTruncatedJpegGetsNoThumbnailAndAWholeOneDoes() throws Exception {
    OpenCv.ensureLoaded();
    Mat m = new Mat(256, 256, CvType.CV_8UC3, new Scalar(40, 120, 200));
    MatOfByte jpeg = new MatOfByte();
    assertThat(Imgcodecs.imencode(".jpg", m, jpeg)).isTrue();
    byte[] bytes = jpeg.toArray();
    m.release();
    jpeg.release();
    Path whole = Files.write(dir.resolve("whole.jpg"), bytes);
    Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
    Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
    ThumbnailCache cache = new ThumbnailCache(64, 8, 1, Runnable::run);
    try {
      assertThat(cache.decode(whole, 64)).isNotNull();
      // OpenCV alone decodes the truncated JPEG (grey fill): the validation must refuse it
      assertThat(cache.decode(cut, 64)).isNull();
      assertThat(cache.decode(text, 64)).isNull();
      assertThat(cache.decodedCount()).isEqualTo(1);
    } finally {
      cache.shutdown();
    }
  }
}
