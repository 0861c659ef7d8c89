package sgsf.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The one decode-and-validate step ({@link ImageIo#read}) refuses what every entry point must never
 * score: truncated JPEGs and PNGs (libjpeg fills a cut JPEG with grey and decodes it) and images
 * larger than {@link ImageIo#MAX_PIXELS}, the latter from the header, before decoding.
 */
class HostileImagesTest {
  @TempDir Path dir;

  /** A grey gradient of {@code w x h}, written by OpenCV in the format of the file's extension. */
  static Path gradient(Path file, int w, int h) {
    OpenCv.ensureLoaded();
    Mat m = new Mat(h, w, CvType.CV_8UC3);
    byte[] d = new byte[w * h * 3];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (i * 7 % 251);
    }
    m.put(0, 0, d);
    assertThat(Imgcodecs.imwrite(file.toString(), m)).isTrue();
    m.release();
    return file;
  }

  /** A uniform grey image of {@code w x h} (compresses to a small PNG even when huge). */
  static Path uniform(Path file, int w, int h) {
    OpenCv.ensureLoaded();
    Mat m = new Mat(h, w, CvType.CV_8UC1, new Scalar(128));
    assertThat(Imgcodecs.imwrite(file.toString(), m)).isTrue();
    m.release();
    return file;
  }

  @Test
  void aTruncatedJpegIsRefusedNotDecodedPartially() throws Exception {
    Path jpg = gradient(dir.resolve("frame.jpg"), 256, 256);
    byte[] whole = Files.readAllBytes(jpg);
    assertThat(ImageIo.read(jpg).height()).isEqualTo(256);
    Files.write(jpg, Arrays.copyOf(whole, whole.length * 2 / 3));
    assertThatThrownBy(() -> ImageIo.read(jpg))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining(jpg.toString())
        .hasMessageContaining("truncated JPEG");
  }

  @Test
  void aTruncatedPngIsRefused() throws Exception {
    Path png = gradient(dir.resolve("frame.png"), 64, 64);
    byte[] whole = Files.readAllBytes(png);
    Files.write(png, Arrays.copyOf(whole, whole.length - 20));
    assertThatThrownBy(() -> ImageIo.read(png))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("truncated PNG");
  }

  @Test
  void aHugePngIsRefusedFromItsHeaderWithTheLimitInTheMessage() throws Exception {
    Path huge = uniform(dir.resolve("huge.png"), 12000, 12000);
    assertThat(Files.size(huge)).isLessThan(5_000_000L);
    assertThatThrownBy(() -> ImageIo.read(huge))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining(huge.toString())
        .hasMessageContaining("12000x12000")
        .hasMessageContaining("megapixels");
  }
}
