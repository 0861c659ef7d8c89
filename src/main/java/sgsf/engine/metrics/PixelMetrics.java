package sgsf.engine.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact pixel-level metrics over many anomaly maps (METHOD.md section 4; the paper's section IV-B:
 * AUROC<sub>loc</sub> over all test pixels, AP<sub>loc</sub>; plus AUPRO up to FPR 0.3 and F1-max).
 * Every pixel of every map is one sample; ground-truth defect pixels are the positives.
 *
 * <p>The areas are exact: the sweep visits every distinct float score (see {@link ExactPixelSweep}:
 * memory stays bounded, the maps are not concatenated). The returned curves are thinned for
 * plotting: a point is kept when it moves at least {@link #CURVE_RESOLUTION} along an axis.
 */
public final class PixelMetrics {
  /** Axis resolution of the returned (plotting) curves. */
  public static final double CURVE_RESOLUTION = 1e-3;

  private PixelMetrics() {}

  /**
   * AUROC, AP, F1-max (with threshold) and AUPRO of the maps, with thinned curves; undefined
   * metrics carry their reason. Ground-truth regions are labelled here (8-connectivity).
   */
  public static CurveMetrics exact(List<PixelMap> maps) {
    List<RegionLabels> regions = new ArrayList<>(maps.size());
    for (PixelMap m : maps) {
      regions.add(RegionLabels.of(m));
    }
    return exact(maps, regions, true);
  }

  /**
   * As {@link #exact(List)} with the regions labelled already ({@code regions.get(i)} for map i,
   * {@code null} where it has no defect), optionally without curves.
   */
  public static CurveMetrics exact(
      List<PixelMap> maps, List<RegionLabels> regions, boolean keepCurves) {
    return exact(maps, regions, keepCurves, ExactPixelSweep.DEFAULT_CHUNK_PIXELS);
  }

  static CurveMetrics exact(
      List<PixelMap> maps, List<RegionLabels> regions, boolean keepCurves, int chunkPixels) {
    return exact(maps, regions, keepCurves, chunkPixels, ExactPixelSweep.DEFAULT_HISTOGRAM_SEGMENT);
  }

  static CurveMetrics exact(
      List<PixelMap> maps,
      List<RegionLabels> regions,
      boolean keepCurves,
      int chunkPixels,
      int histogramSegment) {
    CurveAccumulator acc = new CurveAccumulator("pixels", true, keepCurves, CURVE_RESOLUTION);
    new ExactPixelSweep(maps, regions, chunkPixels, histogramSegment).run(acc);
    return acc.result();
  }

  /** The F1-max point over all pixels. */
  public static F1Max f1Max(List<PixelMap> maps) {
    CurveAccumulator acc = new CurveAccumulator("pixels", false, false, 0);
    new ExactPixelSweep(maps, null, ExactPixelSweep.DEFAULT_CHUNK_PIXELS).run(acc);
    return acc.f1MaxPoint();
  }

  /**
   * The lowest pixel threshold whose false-positive rate on normal pixels (all pixels outside the
   * ground truth, of good and defective images) is at most {@code rate}; see {@link
   * BinaryMetrics#thresholdForFalseRejectRate}.
   */
  public static double thresholdForFalsePositiveRate(List<PixelMap> maps, double rate) {
    RateThresholdFinder f =
        new RateThresholdFinder(RateThresholdFinder.Kind.FALSE_REJECT, rate, "pixels");
    new ExactPixelSweep(maps, null, ExactPixelSweep.DEFAULT_CHUNK_PIXELS).run(f);
    return f.threshold();
  }

  /**
   * The highest pixel threshold that leaves at most {@code floor(rate * defectPixels)} defect
   * pixels below it; see {@link BinaryMetrics#thresholdForMissRate}.
   */
  public static double thresholdForMissRate(List<PixelMap> maps, double rate) {
    RateThresholdFinder f =
        new RateThresholdFinder(RateThresholdFinder.Kind.MISS_RATE, rate, "pixels");
    new ExactPixelSweep(maps, null, ExactPixelSweep.DEFAULT_CHUNK_PIXELS).run(f);
    return f.threshold();
  }

  /** Pixel confusion counts of {@code score >= threshold} over all maps. */
  public static ConfusionCounts confusion(List<PixelMap> maps, double threshold) {
    long tp = 0;
    long fp = 0;
    long p = 0;
    long total = 0;
    for (PixelMap map : maps) {
      float[] s = map.scores();
      byte[] mask = map.mask();
      total += s.length;
      if (mask == null) {
        for (float v : s) {
          if (v >= threshold) {
            fp++;
          }
        }
      } else {
        for (int i = 0; i < s.length; i++) {
          if (s[i] >= threshold) {
            if (mask[i] == 1) {
              tp++;
            } else {
              fp++;
            }
          }
          p += mask[i];
        }
      }
    }
    return new ConfusionCounts(tp, fp, total - p - fp, p - tp);
  }
}
