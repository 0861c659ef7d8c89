package sgsf.ui.common;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import sgsf.engine.image.FloatImage;

/**
 * FloatImage to JavaFX {@link Image} conversion. Images may be created on any thread; build them
 * off the FX thread and hand the finished image over.
 */
public final class FxImages {
  private FxImages() {}

  /** A grey (1 channel) or RGB (3 channels) image, values in [0, 1] clamped. */
  public static WritableImage toImage(FloatImage img) {
    int w = img.width();
    int h = img.height();
    int p = w * h;
    float[] d = img.data();
    int[] argb = new int[p];
    if (img.channels() == 1) {
      for (int i = 0; i < p; i++) {
        int v = to8(d[i]);
        argb[i] = 0xff000000 | (v << 16) | (v << 8) | v;
      }
    } else if (img.channels() == 3) {
      for (int i = 0; i < p; i++) {
        argb[i] = 0xff000000 | (to8(d[i]) << 16) | (to8(d[p + i]) << 8) | to8(d[2 * p + i]);
      }
    } else {
      throw new IllegalArgumentException(
          "cannot show an image with " + img.channels() + " channels");
    }
    return fromArgb(argb, w, h);
  }

  /** A one-channel map in [0, 1] through a colour map. */
  public static WritableImage heatmap(FloatImage map, ColorMap colors) {
    return heatmap(map, colors, 0f, 1f);
  }

  /** A one-channel map through a colour map, {@code lo..hi} stretched to the full map. */
  public static WritableImage heatmap(FloatImage map, ColorMap colors, float lo, float hi) {
    if (map.channels() != 1) {
      throw new IllegalArgumentException(
          "a heatmap needs a one-channel map, got " + map.channels());
    }
    float[] d = map.data();
    int[] lut = colors.lut();
    float scale = hi > lo ? 1f / (hi - lo) : 0f;
    int[] argb = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      argb[i] = lut[ColorMap.index((d[i] - lo) * scale)];
    }
    return fromArgb(argb, map.width(), map.height());
  }

  /**
   * A transparent image with {@code color} where the one-channel mask is above 0.5 (the mask's
   * foreground), at the colour's own opacity.
   */
  public static WritableImage maskOverlay(FloatImage mask, Color color) {
    float[] d = mask.data();
    int c = toArgb(color);
    int[] argb = new int[mask.plane()];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = d[i] > 0.5f ? c : 0;
    }
    return fromArgb(argb, mask.width(), mask.height());
  }

  /**
   * The image with the outline of the mask's foreground drawn in {@code color} (the pixels of the
   * mask's morphological gradient, one pixel wide on each side of the border).
   */
  public static WritableImage withOutline(FloatImage img, FloatImage mask, Color color) {
    if (!img.sameSize(mask)) {
      throw new IllegalArgumentException("mask " + mask + " does not fit image " + img);
    }
    WritableImage base = toImage(img.channels() == 1 || img.channels() == 3 ? img : img.channel(0));
    org.opencv.core.Mat m =
        sgsf.engine.image.ImageIo.toMat(mask.channels() == 1 ? mask : mask.channel(0));
    org.opencv.core.Mat bin = new org.opencv.core.Mat();
    org.opencv.imgproc.Imgproc.threshold(
        m, bin, 0.5, 1.0, org.opencv.imgproc.Imgproc.THRESH_BINARY);
    org.opencv.core.Mat edge = new org.opencv.core.Mat();
    org.opencv.imgproc.Imgproc.morphologyEx(
        bin,
        edge,
        org.opencv.imgproc.Imgproc.MORPH_GRADIENT,
        org.opencv.imgproc.Imgproc.getStructuringElement(
            org.opencv.imgproc.Imgproc.MORPH_RECT, new org.opencv.core.Size(3, 3)));
    float[] e = new float[mask.plane()];
    edge.get(0, 0, e);
    m.release();
    bin.release();
    edge.release();
    int w = img.width();
    int[] argb = new int[e.length];
    base.getPixelReader()
        .getPixels(0, 0, w, img.height(), PixelFormat.getIntArgbInstance(), argb, 0, w);
    int c = toArgb(color) | 0xff000000;
    for (int i = 0; i < e.length; i++) {
      if (e[i] > 0.5f) {
        argb[i] = c;
      }
    }
    return fromArgb(argb, w, img.height());
  }

  /** Non-premultiplied ARGB pixels, row-major, as an image. */
  public static WritableImage fromArgb(int[] argb, int width, int height) {
    WritableImage out = new WritableImage(width, height);
    out.getPixelWriter()
        .setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
    return out;
  }

  public static int toArgb(Color c) {
    return ((int) Math.round(c.getOpacity() * 255) << 24)
        | ((int) Math.round(c.getRed() * 255) << 16)
        | ((int) Math.round(c.getGreen() * 255) << 8)
        | (int) Math.round(c.getBlue() * 255);
  }

  private static int to8(float v) {
    if (!(v > 0f)) {
      return 0;
    }
    return v >= 1f ? 255 : (int) (v * 255f + 0.5f);
  }
}
