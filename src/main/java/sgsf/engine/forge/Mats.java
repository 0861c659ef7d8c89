package sgsf.engine.forge;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.OpenCv;

/**
 * Conversions between {@link FloatImage} and OpenCV Mats used on the forging hot paths.
 *
 * <p>A CHW image maps without copying loops onto a "planar" Mat: one CV_32FC1 Mat of {@code
 * channels * height} rows, channel after channel. Element-wise ops then act on all channels at once
 * and a one-channel mask applies to all channels after {@code Core.repeat(mask, channels, 1)}.
 */
final class Mats {
  private Mats() {}

  /** The image as a planar CV_32FC1 Mat of {@code channels * height} rows. */
  static Mat planar(FloatImage img) {
    OpenCv.ensureLoaded();
    Mat m = new Mat(img.channels() * img.height(), img.width(), CvType.CV_32FC1);
    m.put(0, 0, img.data());
    return m;
  }

  /** A planar CV_32FC1 Mat back into a FloatImage with {@code channels} channels. */
  static FloatImage fromPlanar(Mat m, int channels) {
    float[] d = new float[m.rows() * m.cols()];
    m.get(0, 0, d);
    return new FloatImage(channels, m.rows() / channels, m.cols(), d);
  }

  /** A one-channel Mat of any depth as a one-channel FloatImage (values unscaled). */
  static FloatImage fromSingle(Mat m) {
    Mat f = m;
    if (m.type() != CvType.CV_32FC1) {
      f = new Mat();
      m.convertTo(f, CvType.CV_32FC1);
    }
    float[] d = new float[m.rows() * m.cols()];
    f.get(0, 0, d);
    if (f != m) {
      f.release();
    }
    return new FloatImage(1, m.rows(), m.cols(), d);
  }

  /** An interleaved 8-bit RGB Mat (CV_8UC3) as a planar float Mat with values in [0, 1]. */
  static Mat planarFromRgb8(Mat rgb8) {
    List<Mat> ch = new ArrayList<>(3);
    Core.split(rgb8, ch);
    Mat stacked = new Mat();
    Core.vconcat(ch, stacked);
    Mat out = new Mat();
    stacked.convertTo(out, CvType.CV_32FC1, 1.0 / 255.0);
    stacked.release();
    ch.forEach(Mat::release);
    return out;
  }

  /** A 1- or 3-channel FloatImage as an interleaved 8-bit RGB Mat (grey is replicated). */
  static Mat rgb8(FloatImage img) {
    Mat planar = planar(img);
    Mat u8 = new Mat();
    planar.convertTo(u8, CvType.CV_8UC1, 255.0);
    planar.release();
    int h = img.height();
    List<Mat> ch = new ArrayList<>(3);
    for (int c = 0; c < 3; c++) {
      int src = img.channels() == 1 ? 0 : c;
      ch.add(u8.rowRange(src * h, (src + 1) * h));
    }
    Mat out = new Mat();
    Core.merge(ch, out);
    u8.release();
    return out;
  }

  /**
   * An 8-bit RGB image kept on the Java heap, so that caches of many of them are visible to the
   * garbage collector (native Mats are not).
   */
  record Rgb8(byte[] data, int rows, int cols) {
    static Rgb8 of(Mat rgb) {
      byte[] b = new byte[rgb.rows() * rgb.cols() * 3];
      rgb.get(0, 0, b);
      return new Rgb8(b, rgb.rows(), rgb.cols());
    }

    /** A new CV_8UC3 Mat holding a copy of the pixels; the caller releases it. */
    Mat toMat() {
      Mat m = new Mat(rows, cols, CvType.CV_8UC3);
      m.put(0, 0, data);
      return m;
    }
  }

  /** Area of a binary mask Mat: its non-zero pixels. */
  static int area(Mat mask) {
    return Core.countNonZero(mask);
  }

  /** Releases every non-null Mat. */
  static void release(Mat... mats) {
    for (Mat m : mats) {
      if (m != null) {
        m.release();
      }
    }
  }
}
