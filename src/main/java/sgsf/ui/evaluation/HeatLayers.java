package sgsf.ui.evaluation;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import sgsf.engine.image.FloatImage;
import sgsf.engine.metrics.Thresholds;
import sgsf.ui.common.ColorMap;
import sgsf.ui.common.FxImages;

/**
 * Heatmap images of anomaly maps for the Evaluate, Neighbours and Review views: the colours
 * stretched over the range of map values the thresholds were calibrated on (so that a weakly spread
 * map still shows its structure), and, for overlays, transparency that rises from the lowest value
 * to the pixel threshold, so normal regions leave the image visible and defect regions are covered.
 */
public final class HeatLayers {
  private HeatLayers() {}

  /** The value range the colours span: the thresholds' calibration range, or [0, 1]. */
  public static float[] range(Thresholds t) {
    if (t == null || !(t.pixelScoreMax() > t.pixelScoreMin())) {
      return new float[] {0f, 1f};
    }
    return new float[] {(float) t.pixelScoreMin(), (float) t.pixelScoreMax()};
  }

  /** The map in colours over {@link #range}, opaque. */
  public static WritableImage map(FloatImage map, ColorMap colors, Thresholds t) {
    float[] r = range(t);
    return FxImages.heatmap(map, colors, r[0], r[1]);
  }

  /**
   * The map in colours over {@link #range}, with alpha (v - min) / (threshold - min) clamped to [0,
   * 1]: transparent at the lowest value, opaque from the pixel threshold up.
   */
  public static WritableImage overlay(FloatImage map, ColorMap colors, Thresholds t) {
    WritableImage img = map(map, colors, t);
    int w = map.width();
    int h = map.height();
    int[] argb = new int[w * h];
    img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    float[] sorted = map.data().clone();
    java.util.Arrays.sort(sorted);
    float lo = sorted[sorted.length / 2];
    float thr = t == null ? 0.5f : (float) t.pixelThreshold();
    float span = Math.max(1e-6f, thr - lo);
    float[] d = map.data();
    for (int i = 0; i < argb.length; i++) {
      float a = Math.max(0f, Math.min(1f, (d[i] - lo) / span));
      argb[i] = ((int) (a * 255f + 0.5f) << 24) | (argb[i] & 0xffffff);
    }
    return FxImages.fromArgb(argb, w, h);
  }
}
