package sgsf.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.image.OpenCv;

/**
 * Verifies that an image file decodes, through OpenCV, and reports its size.
 *
 * <p>The whole file is decoded ({@code IMREAD_UNCHANGED}); on this class of machine that costs
 * about 0.6 ms per small grey JPEG, so a 1,000-image dataset verifies in well under a second per
 * core. Because libjpeg silently fills a truncated JPEG with grey, a JPEG must also end with its
 * end-of-image marker (FF D9) within its last bytes; a PNG must end with its IEND chunk (checked
 * before decoding, which also spares the console libpng's error message). A JPEG damaged in the
 * middle of its data still decodes (libjpeg repairs it and prints a warning) and is accepted.
 */
public final class ImageCheck {
  /** How far from the end of a file its end marker may sit (trailing padding). */
  private static final int END_WINDOW = 512;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private ImageCheck() {}

  /**
   * Decodes {@code path} and returns its size and format.
   *
   * @param measureMax whether to measure the largest pixel value (needed for masks)
   * @throws ImageReadException naming the file when it is missing, empty, truncated or not a
   *     decodable image
   */
  public static ImageInfo inspect(Path path, boolean measureMax) {
    OpenCv.ensureLoaded();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ImageReadException(path, "cannot read file (" + e + ")");
    }
    if (bytes.length == 0) {
      throw new ImageReadException(path, "file is empty (0 bytes)");
    }
    if (looksLikeJpeg(bytes) && !hasJpegEnd(bytes)) {
      throw new ImageReadException(path, "truncated JPEG (no end-of-image marker)");
    }
    if (looksLikePng(bytes) && !hasPngEnd(bytes)) {
      throw new ImageReadException(path, "truncated PNG (no IEND chunk at the end)");
    }
    MatOfByte buf = new MatOfByte(bytes);
    Mat m = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_UNCHANGED);
    buf.release();
    try {
      if (m.empty()) {
        throw new ImageReadException(
            path, "not a decodable image (corrupt, truncated or not an image format)");
      }
      int bits =
          switch (m.depth()) {
            case CvType.CV_8U, CvType.CV_8S -> 8;
            case CvType.CV_16U, CvType.CV_16S -> 16;
            default -> 32;
          };
      double max = -1;
      if (measureMax) {
        max = maxValue(m);
      }
      return new ImageInfo(m.cols(), m.rows(), m.channels(), bits, max);
    } finally {
      m.release();
    }
  }

  private static double maxValue(Mat m) {
    if (m.channels() == 1) {
      return Core.minMaxLoc(m).maxVal;
    }
    Mat flat = m.reshape(1);
    double max = Core.minMaxLoc(flat).maxVal;
    flat.release();
    return max;
  }

  private static boolean looksLikeJpeg(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
  }

  private static boolean looksLikePng(byte[] b) {
    return b.length >= PNG_SIGNATURE.length
        && Arrays.equals(b, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
  }

  /** Whether the IEND chunk type sits near the end (trailing padding tolerated). */
  private static boolean hasPngEnd(byte[] b) {
    int from = Math.max(PNG_SIGNATURE.length, b.length - END_WINDOW);
    for (int i = b.length - 4; i >= from; i--) {
      if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasJpegEnd(byte[] b) {
    int from = Math.max(2, b.length - END_WINDOW);
    for (int i = b.length - 2; i >= from; i--) {
      if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
        return true;
      }
    }
    return false;
  }
}
