package sgsf.workflow;

import sgsf.engine.image.FloatImage;
import sgsf.engine.image.Heatmaps;
import sgsf.engine.image.ImageIo;
import sgsf.engine.infer.Prediction;
import sgsf.engine.metrics.Thresholds;

/**
 * The pictures of one prediction that {@code sgsf infer} and the Spark scoring job write: the raw
 * anomaly map at the image's size and the heatmap over the image, its colours spread over the
 * thresholds' pixel-score range (the map's own [0, 1] without thresholds).
 */
public final class PredictionImages {
  private PredictionImages() {}

  /** The anomaly map resized to the original image and clipped to [0, 1]. */
  public static FloatImage map(Prediction p) {
    FloatImage full = p.mapAtOriginalSize();
    ImageIo.clip01(full);
    return full;
  }

  /**
   * The heatmap of {@code map} (from {@link #map}) over the image, at half opacity.
   *
   * @param thresholds the model's thresholds, or {@code null}
   */
  public static FloatImage overlay(FloatImage image, FloatImage map, Thresholds thresholds) {
    double gain = 1;
    double offset = 0;
    if (thresholds != null && thresholds.pixelScoreMax() > thresholds.pixelScoreMin()) {
      gain = 1.0 / (thresholds.pixelScoreMax() - thresholds.pixelScoreMin());
      offset = -thresholds.pixelScoreMin() * gain;
    }
    return Heatmaps.overlay(
        image, map.data(), map.width(), map.height(), gain, offset, 0.5, Heatmaps.Palette.INFERNO);
  }
}
