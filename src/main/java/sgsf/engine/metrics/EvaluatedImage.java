package sgsf.engine.metrics;

import java.util.Objects;
import sgsf.engine.data.PathNames;
import sgsf.engine.data.Sample;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;

/**
 * One evaluated test image: what {@code sgsf eval} and the GUI feed into {@link MetricsSummary},
 * {@link ThresholdCalibrator} and {@link ThresholdExplorer}.
 *
 * <p>The anomaly map and the ground-truth mask are at the model's resolution (METHOD.md section 4:
 * masks are resized nearest-neighbour with {@code ImageIo.resizeMask}, values 0/1); both are
 * optional. A good image needs no mask (all its pixels are normal). A defective image with a map
 * but no mask is left out of the pixel metrics (a report note counts such images).
 *
 * @param path the image file as the user knows it (reports print it)
 * @param defectType "good" or the defect type (MVTec folder name)
 * @param label 1 defective, 0 good
 * @param score the image score (METHOD.md section 2: max of the mean-filtered anomaly map)
 * @param width map width, 0 without a map
 * @param height map height, 0 without a map
 * @param anomalyMap {@code width * height} scores row-major, or {@code null}
 * @param groundTruth {@code width * height} values 0/1 row-major, or {@code null}
 */
public record EvaluatedImage(
    String path,
    String defectType,
    int label,
    double score,
    int width,
    int height,
    float[] anomalyMap,
    byte[] groundTruth) {

  /** The defect type of good images (as in {@code sgsf.engine.data.Sample#GOOD}). */
  public static final String GOOD = "good";

  public EvaluatedImage {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(defectType, "defectType");
    if (label != 0 && label != 1) {
      throw new IllegalArgumentException(
          path + ": label must be 0 (good) or 1 (defective), got " + label);
    }
    if (GOOD.equals(defectType) != (label == 0)) {
      throw new IllegalArgumentException(
          path + ": defect type '" + defectType + "' contradicts label " + label);
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException(path + ": the image score is " + score);
    }
    if (anomalyMap == null) {
      if (groundTruth != null) {
        throw new IllegalArgumentException(path + ": a ground-truth mask needs an anomaly map");
      }
    } else {
      if (width <= 0 || height <= 0 || anomalyMap.length != width * height) {
        throw new IllegalArgumentException(
            path
                + ": anomaly map has "
                + anomalyMap.length
                + " values for a size of "
                + width
                + "x"
                + height);
      }
      if (groundTruth != null) {
        if (groundTruth.length != anomalyMap.length) {
          throw new IllegalArgumentException(
              path
                  + ": ground-truth mask has "
                  + groundTruth.length
                  + " values, the anomaly map "
                  + anomalyMap.length);
        }
        int defects = 0;
        for (byte b : groundTruth) {
          if (b != 0 && b != 1) {
            throw new IllegalArgumentException(path + ": mask values must be 0 or 1, found " + b);
          }
          defects += b;
        }
        if (label == 0 && defects > 0) {
          throw new IllegalArgumentException(
              path + ": a good image has " + defects + " defect pixels in its mask");
        }
      }
    }
  }

  /**
   * An evaluated dataset sample: its anomaly map (one channel, model resolution) and, for a
   * defective sample with a mask file, the mask read and resized nearest-neighbour to the map's
   * size ({@link ImageIo#resizeMask}).
   *
   * @param sample the test sample
   * @param score its image score
   * @param map its anomaly map, or {@code null}
   * @throws sgsf.engine.image.ImageReadException naming the mask file when it cannot be read
   */
  public static EvaluatedImage of(Sample sample, double score, FloatImage map) {
    String path = PathNames.lossless(sample.image());
    if (map == null) {
      return scoreOnly(path, sample.defectType(), sample.label(), score);
    }
    if (map.channels() != 1) {
      throw new IllegalArgumentException(path + ": the anomaly map must have one channel");
    }
    byte[] gt = null;
    if (sample.isDefective() && sample.mask() != null) {
      FloatImage mask =
          ImageIo.resizeMask(ImageIo.read(sample.mask(), 1), map.height(), map.width());
      float[] d = mask.data();
      gt = new byte[d.length];
      for (int i = 0; i < d.length; i++) {
        gt[i] = d[i] > 0.5f ? (byte) 1 : 0;
      }
    }
    return new EvaluatedImage(
        path,
        sample.defectType(),
        sample.label(),
        score,
        map.width(),
        map.height(),
        map.data(),
        gt);
  }

  /** An image with a score only (image-level metrics only). */
  public static EvaluatedImage scoreOnly(String path, String defectType, int label, double score) {
    return new EvaluatedImage(path, defectType, label, score, 0, 0, null, null);
  }

  public boolean hasMap() {
    return anomalyMap != null;
  }

  public boolean defective() {
    return label == 1;
  }

  /** Whether this image takes part in the pixel metrics: it has a map and, if defective, a mask. */
  public boolean pixelUsable() {
    return anomalyMap != null && (label == 0 || groundTruth != null);
  }

  /** The map and mask as a {@link PixelMap}; requires {@link #pixelUsable()}. */
  public PixelMap pixelMap() {
    if (!pixelUsable()) {
      throw new IllegalStateException(path + " has no anomaly map or no ground-truth mask");
    }
    return new PixelMap(width, height, anomalyMap, label == 0 ? null : groundTruth);
  }
}
