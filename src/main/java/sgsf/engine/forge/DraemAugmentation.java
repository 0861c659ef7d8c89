package sgsf.engine.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * DRAEM's augmentations of the auxiliary image B (METHOD.md section 1, step 6), with the ranges of
 * DRAEM's imgaug pipeline. {@link #applyRandom} applies three of the ten, drawn without
 * replacement. All operate in place on an 8-bit RGB Mat (CV_8UC3).
 */
public enum DraemAugmentation {
  /** Gamma contrast, gamma in [0.5, 2] per channel. */
  GAMMA_CONTRAST("gamma"),
  /** Brightness (the Y of YCrCb) times [0.8, 1.2] plus [-30, 30]. */
  BRIGHTNESS("brightness"),
  /** PIL sharpness enhancement, factor in [0, 2] (0 blurs, 2 sharpens). */
  SHARPNESS("sharpness"),
  /** Hue and saturation each shifted by [-50, 50] (of 255). */
  HUE_SATURATION("hue/saturation"),
  /** With probability 0.5, values at or above a threshold in [32, 128] inverted. */
  SOLARIZE("solarize"),
  /** Keep 1 to 8 bits per channel. */
  POSTERIZE("posterize"),
  /** 255 - value. */
  INVERT("invert"),
  /** Per-channel contrast stretch after cutting [0, 20] % of each histogram end. */
  AUTOCONTRAST("autocontrast"),
  /** Per-channel histogram equalisation. */
  EQUALIZE("equalize"),
  /** Rotation by [-45, 45] degrees about the centre, black outside. */
  ROTATE("rotate");

  private final String label;

  DraemAugmentation(String label) {
    this.label = label;
  }

  /** A short human-readable name. */
  public String label() {
    return label;
  }

  /**
   * Applies {@code count} distinct augmentations, drawn uniformly without replacement, in the order
   * drawn.
   *
   * @return the augmentations applied
   */
  public static List<DraemAugmentation> applyRandom(Mat rgb, int count, SplittableRandom rng) {
    DraemAugmentation[] all = values();
    int[] idx = new int[all.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    List<DraemAugmentation> chosen = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(idx.length - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      DraemAugmentation aug = all[idx[i]];
      aug.apply(rgb, rng);
      chosen.add(aug);
    }
    return chosen;
  }

  /** Applies this augmentation in place with parameters drawn from {@code rng}. */
  public void apply(Mat rgb, SplittableRandom rng) {
    switch (this) {
      case GAMMA_CONTRAST -> {
        double[] g = {uniform(rng, 0.5, 2), uniform(rng, 0.5, 2), uniform(rng, 0.5, 2)};
        lut(rgb, (c, i) -> 255 * Math.pow(i / 255.0, g[c]));
      }
      case BRIGHTNESS -> {
        double mul = uniform(rng, 0.8, 1.2);
        double add = uniform(rng, -30, 30);
        Mat ycc = new Mat();
        Imgproc.cvtColor(rgb, ycc, Imgproc.COLOR_RGB2YCrCb);
        List<Mat> ch = new ArrayList<>(3);
        Core.split(ycc, ch);
        ch.get(0).convertTo(ch.get(0), -1, mul, add);
        Core.merge(ch, ycc);
        Imgproc.cvtColor(ycc, rgb, Imgproc.COLOR_YCrCb2RGB);
        ycc.release();
        ch.forEach(Mat::release);
      }
      case SHARPNESS -> {
        double f = uniform(rng, 0, 2);
        Mat kernel = new Mat(3, 3, CvType.CV_32FC1);
        kernel.put(0, 0, 1, 1, 1, 1, 5, 1, 1, 1, 1);
        Core.multiply(kernel, Scalar.all(1 / 13.0), kernel);
        Mat smooth = new Mat();
        Imgproc.filter2D(rgb, smooth, -1, kernel, new Point(-1, -1), 0, Core.BORDER_REPLICATE);
        Core.addWeighted(rgb, f, smooth, 1 - f, 0, rgb);
        Mats.release(kernel, smooth);
      }
      case HUE_SATURATION -> {
        int dh = (int) Math.round(uniform(rng, -50, 50));
        int ds = (int) Math.round(uniform(rng, -50, 50));
        Mat hsv = new Mat();
        Imgproc.cvtColor(rgb, hsv, Imgproc.COLOR_RGB2HSV_FULL);
        lut(hsv, (c, i) -> c == 0 ? Math.floorMod(i + dh, 256) : c == 1 ? i + ds : i);
        Imgproc.cvtColor(hsv, rgb, Imgproc.COLOR_HSV2RGB_FULL);
        hsv.release();
      }
      case SOLARIZE -> {
        boolean apply = rng.nextDouble() < 0.5;
        int t = 32 + rng.nextInt(97);
        if (apply) {
          lut(rgb, (c, i) -> i >= t ? 255 - i : i);
        }
      }
      case POSTERIZE -> {
        int bits = 1 + rng.nextInt(8);
        int keep = 0xFF & ~((1 << (8 - bits)) - 1);
        lut(rgb, (c, i) -> i & keep);
      }
      case INVERT -> lut(rgb, (c, i) -> 255 - i);
      case AUTOCONTRAST -> autocontrast(rgb, uniform(rng, 0, 20) / 100.0);
      case EQUALIZE -> {
        List<Mat> ch = new ArrayList<>(3);
        Core.split(rgb, ch);
        for (Mat c : ch) {
          Imgproc.equalizeHist(c, c);
        }
        Core.merge(ch, rgb);
        ch.forEach(Mat::release);
      }
      case ROTATE -> {
        double deg = uniform(rng, -45, 45);
        Mat rot =
            Imgproc.getRotationMatrix2D(
                new Point((rgb.cols() - 1) / 2.0, (rgb.rows() - 1) / 2.0), deg, 1.0);
        Mat out = new Mat();
        // DRAEM (imgaug) fills the corners a rotation uncovers with black; pasted under a mask
        // those black wedges taught the network that defects are black. Reflect the texture.
        Imgproc.warpAffine(
            rgb, out, rot, rgb.size(), Imgproc.INTER_LINEAR, Core.BORDER_REFLECT_101);
        out.copyTo(rgb);
        Mats.release(rot, out);
      }
    }
  }

  private interface LutFunction {
    double value(int channel, int in);
  }

  /** Applies a per-channel look-up table (values saturated to [0, 255]). */
  private static void lut(Mat rgb, LutFunction f) {
    int channels = rgb.channels();
    byte[] table = new byte[256 * channels];
    boolean shared = true;
    for (int i = 0; i < 256; i++) {
      for (int c = 0; c < channels; c++) {
        long v = Math.round(f.value(c, i));
        table[i * channels + c] = (byte) Math.max(0, Math.min(255, v));
        shared &= table[i * channels + c] == table[i * channels];
      }
    }
    if (shared) {
      // one table for all channels: OpenCV's one-channel LUT is about twice as fast
      Mat lut = new Mat(1, 256, CvType.CV_8UC1);
      byte[] one = new byte[256];
      for (int i = 0; i < 256; i++) {
        one[i] = table[i * channels];
      }
      lut.put(0, 0, one);
      Mat flat = rgb.reshape(1);
      Core.LUT(flat, lut, flat);
      Mats.release(lut, flat);
      return;
    }
    Mat lut = new Mat(1, 256, CvType.makeType(CvType.CV_8U, channels));
    lut.put(0, 0, table);
    Core.LUT(rgb, lut, rgb);
    lut.release();
  }

  private static void autocontrast(Mat rgb, double cutoff) {
    int channels = rgb.channels();
    int[] lo = new int[channels];
    int[] hi = new int[channels];
    double total = (double) rgb.rows() * rgb.cols();
    for (int c = 0; c < channels; c++) {
      Mat hist = new Mat();
      Imgproc.calcHist(
          List.of(rgb),
          new MatOfInt(c),
          new Mat(),
          hist,
          new MatOfInt(256),
          new MatOfFloat(0f, 256f));
      float[] h = new float[256];
      hist.get(0, 0, h);
      hist.release();
      double cut = total * cutoff;
      double acc = 0;
      int l = 0;
      while (l < 255 && acc + h[l] <= cut) {
        acc += h[l++];
      }
      acc = 0;
      int u = 255;
      while (u > 0 && acc + h[u] <= cut) {
        acc += h[u--];
      }
      lo[c] = l;
      hi[c] = u;
    }
    lut(rgb, (c, i) -> hi[c] <= lo[c] ? i : (i - lo[c]) * 255.0 / (hi[c] - lo[c]));
  }

  private static double uniform(SplittableRandom rng, double min, double max) {
    return min + (max - min) * rng.nextDouble();
  }
}
