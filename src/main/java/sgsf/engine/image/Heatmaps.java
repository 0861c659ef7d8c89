package sgsf.engine.image;

import java.util.EnumMap;
import java.util.Map;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Heatmap colouring of anomaly maps and overlays on their images, with OpenCV's colour maps (no
 * per-pixel Java loops). Values are brought to [0, 1] by a linear map {@code gain * v + offset} and
 * clipped; with the pixel normalisation of the thresholds ({@code gain = 1 / span}, {@code offset =
 * 0.5 - threshold / span}) the pixel threshold sits at the middle of the palette.
 */
public final class Heatmaps {
  /** The colour maps on offer. */
  public enum Palette {
    /** Perceptually uniform, dark to bright yellow (matplotlib's inferno); the default. */
    INFERNO(Imgproc.COLORMAP_INFERNO),
    /** Blue to red; familiar, not perceptually uniform. */
    JET(Imgproc.COLORMAP_JET);

    private final int code;

    Palette(int code) {
      this.code = code;
    }
  }

  private static final Map<Palette, int[]> LUTS = new EnumMap<>(Palette.class);

  private Heatmaps() {}

  /**
   * The palette as 256 packed {@code 0xRRGGBB} colours, index 0 for value 0 and 255 for value 1
   * (for drawing in any toolkit).
   */
  public static synchronized int[] lut(Palette palette) {
    return LUTS.computeIfAbsent(palette, Heatmaps::buildLut).clone();
  }

  private static int[] buildLut(Palette palette) {
    OpenCv.ensureLoaded();
    Mat ramp = new Mat(1, 256, CvType.CV_8UC1);
    byte[] r = new byte[256];
    for (int i = 0; i < 256; i++) {
      r[i] = (byte) i;
    }
    ramp.put(0, 0, r);
    Mat bgr = new Mat();
    Imgproc.applyColorMap(ramp, bgr, palette.code);
    byte[] c = new byte[256 * 3];
    bgr.get(0, 0, c);
    ramp.release();
    bgr.release();
    int[] lut = new int[256];
    for (int i = 0; i < 256; i++) {
      int b = c[3 * i] & 0xFF;
      int g = c[3 * i + 1] & 0xFF;
      int rr = c[3 * i + 2] & 0xFF;
      lut[i] = (rr << 16) | (g << 8) | b;
    }
    return lut;
  }

  /**
   * The anomaly map coloured, as an RGB image.
   *
   * @param map {@code width * height} values, row-major
   * @param gain scale of the linear map to [0, 1]
   * @param offset offset of the linear map to [0, 1]
   */
  public static FloatImage colourise(
      float[] map, int width, int height, double gain, double offset, Palette palette) {
    Mat bgr = colouredBgr(map, width, height, gain, offset, palette);
    try {
      return toRgbImage(bgr);
    } finally {
      bgr.release();
    }
  }

  /**
   * The coloured map blended over an image: {@code alpha * heat + (1 - alpha) * image}. The image
   * (grey or RGB, any size) is resized to the map's size.
   */
  public static FloatImage overlay(
      FloatImage image,
      float[] map,
      int width,
      int height,
      double gain,
      double offset,
      double alpha,
      Palette palette) {
    FloatImage bg = ImageIo.resize(image.withChannels(3), height, width);
    Mat heat = colouredBgr(map, width, height, gain, offset, palette);
    Mat heatF = new Mat();
    heat.convertTo(heatF, CvType.CV_32FC3, 1.0 / 255);
    Imgproc.cvtColor(heatF, heatF, Imgproc.COLOR_BGR2RGB);
    Mat base = ImageIo.toMat(bg);
    Mat out = new Mat();
    Core.addWeighted(heatF, alpha, base, 1 - alpha, 0, out);
    try {
      return ImageIo.fromFloatMat(out);
    } finally {
      heat.release();
      heatF.release();
      base.release();
      out.release();
    }
  }

  /**
   * Draws the boundary of a 0/1 mask (its morphological gradient, one pixel wide on each side) onto
   * an RGB image of the same size in the given colour; returns a new image.
   */
  public static FloatImage outline(FloatImage rgb, byte[] mask, float r, float g, float b) {
    if (rgb.channels() != 3 || mask.length != rgb.plane()) {
      throw new IllegalArgumentException("outline needs an RGB image and a mask of its size");
    }
    OpenCv.ensureLoaded();
    Mat m = new Mat(rgb.height(), rgb.width(), CvType.CV_8UC1);
    m.put(0, 0, mask);
    Mat edge = new Mat();
    Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3));
    Imgproc.morphologyEx(m, edge, Imgproc.MORPH_GRADIENT, kernel);
    Mat img = ImageIo.toMat(rgb);
    img.setTo(new Scalar(r, g, b), edge);
    try {
      return ImageIo.fromFloatMat(img);
    } finally {
      m.release();
      edge.release();
      kernel.release();
      img.release();
    }
  }

  private static Mat colouredBgr(
      float[] map, int width, int height, double gain, double offset, Palette palette) {
    if (map.length != width * height) {
      throw new IllegalArgumentException(
          "map has " + map.length + " values, expected " + width + "x" + height);
    }
    OpenCv.ensureLoaded();
    Mat f = new Mat(height, width, CvType.CV_32FC1);
    f.put(0, 0, map);
    Mat u8 = new Mat();
    // convertTo saturates: values below 0 become 0, above 255 become 255 (the clip to [0, 1])
    f.convertTo(u8, CvType.CV_8UC1, 255 * gain, 255 * offset);
    Mat bgr = new Mat();
    Imgproc.applyColorMap(u8, bgr, palette.code);
    f.release();
    u8.release();
    return bgr;
  }

  private static FloatImage toRgbImage(Mat bgr) {
    Mat f = new Mat();
    bgr.convertTo(f, CvType.CV_32FC3, 1.0 / 255);
    Imgproc.cvtColor(f, f, Imgproc.COLOR_BGR2RGB);
    try {
      return ImageIo.fromFloatMat(f);
    } finally {
      f.release();
    }
  }
}
