package sgsf.engine.forge;

import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Helpers of the patch-based strategies, working on planar float Mats (see {@link Mats}). */
final class Patches {
  private Patches() {}

  /** One channel plane of a planar Mat (a view, not a copy). */
  static Mat plane(Mat planar, int c, int h) {
    return planar.rowRange(c * h, (c + 1) * h);
  }

  /** Warps every plane with the 2x3 affine {@code m} (bilinear, reflected borders). */
  static Mat warp(Mat planar, int channels, int h, Mat m) {
    Mat out = new Mat(planar.size(), planar.type());
    int w = planar.cols();
    Mat tmp = new Mat();
    for (int c = 0; c < channels; c++) {
      Imgproc.warpAffine(
          plane(planar, c, h),
          tmp,
          m,
          new Size(w, h),
          Imgproc.INTER_LINEAR,
          Core.BORDER_REFLECT_101);
      tmp.copyTo(plane(out, c, h));
    }
    tmp.release();
    return out;
  }

  /**
   * Colour jitter in place: brightness and contrast factors in [1 - s, 1 + s], and for three
   * channels a saturation factor in [1 - s, 1 + s]; values clipped to [0, 1].
   *
   * @param minChange each factor differs from 1 by at least this much (0 allows identity)
   */
  static String jitter(
      Mat planar, int channels, int h, double s, double minChange, SplittableRandom rng) {
    double brightness = factor(rng, s, minChange);
    double contrast = factor(rng, s, minChange);
    double saturation = factor(rng, s, minChange);
    double mean = Core.mean(planar).val[0];
    // x' = brightness * (contrast * (x - mean) + mean)
    planar.convertTo(planar, -1, brightness * contrast, brightness * mean * (1 - contrast));
    if (channels == 3) {
      Mat grey = Mat.zeros(h, planar.cols(), CvType.CV_32FC1);
      for (int c = 0; c < 3; c++) {
        Core.scaleAdd(plane(planar, c, h), 1 / 3.0, grey, grey);
      }
      for (int c = 0; c < 3; c++) {
        Mat p = plane(planar, c, h);
        Core.addWeighted(p, saturation, grey, 1 - saturation, 0, p);
      }
      grey.release();
    }
    clip01(planar);
    return String.format(
        "brightness x%.2f, contrast x%.2f%s",
        brightness, contrast, channels == 3 ? String.format(", saturation x%.2f", saturation) : "");
  }

  static void clip01(Mat m) {
    Core.min(m, Scalar.all(1), m);
    Core.max(m, Scalar.all(0), m);
  }

  /** A copy of {@code a} with {@code content} written where the one-channel mask is non-zero. */
  static Mat paste(Mat aPlanar, Mat contentPlanar, Mat mask8, int channels) {
    Mat mask3 = new Mat();
    Core.repeat(mask8, channels, 1, mask3);
    Mat out = aPlanar.clone();
    contentPlanar.copyTo(out, mask3);
    mask3.release();
    return out;
  }

  /** A CV_8UC1 mask of size h x w that is 255 inside {@code r}. */
  static Mat rectMask(int h, int w, Rect... rects) {
    Mat m = Mat.zeros(h, w, CvType.CV_8UC1);
    for (Rect r : rects) {
      m.submat(r).setTo(Scalar.all(255));
    }
    return m;
  }

  private static double factor(SplittableRandom rng, double s, double minChange) {
    double lo = Math.min(minChange, s);
    double mag = lo + (s - lo) * rng.nextDouble();
    return rng.nextBoolean() ? 1 + mag : Math.max(0.05, 1 - mag);
  }

  static double uniform(SplittableRandom rng, double min, double max) {
    return min + (max - min) * rng.nextDouble();
  }
}
