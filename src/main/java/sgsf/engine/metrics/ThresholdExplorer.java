package sgsf.engine.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Interactive threshold tuning over an evaluated set: built once (one pass over all anomaly maps
 * into {@link PixelHistogram}s, image scores sorted), then {@link #at} answers every
 * threshold-dependent number in O(types x log images) time, independent of the number of pixels
 * (the {@code sgsf bench metrics} command measures it on 1,000 maps of 256x256).
 *
 * <p>Image-level numbers are exact (sorted scores, binary search). Pixel numbers come from the
 * histograms: exact at bin edges, otherwise within the stated bound ({@link BinnedConfusion}); the
 * threshold-free pixel metrics carry their own bounds ({@link BinnedCurveMetrics}). Immutable and
 * safe to query from any thread once built.
 */
public final class ThresholdExplorer {
  private final double[] good;
  private final double[] defective;
  private final Map<String, double[]> byType;
  private final PixelHistogram goodPixels;
  private final Map<String, PixelHistogram> typePixels;
  private final PixelHistogram allPixels;
  private final CurveMetrics imageCurves;
  private final BinnedCurveMetrics pixelCurves;

  private ThresholdExplorer(
      double[] good,
      double[] defective,
      Map<String, double[]> byType,
      PixelHistogram goodPixels,
      Map<String, PixelHistogram> typePixels,
      PixelHistogram allPixels,
      CurveMetrics imageCurves,
      BinnedCurveMetrics pixelCurves) {
    this.good = good;
    this.defective = defective;
    this.byType = byType;
    this.goodPixels = goodPixels;
    this.typePixels = typePixels;
    this.allPixels = allPixels;
    this.imageCurves = imageCurves;
    this.pixelCurves = pixelCurves;
  }

  /**
   * Builds the explorer.
   *
   * @param images the evaluated images (maps optional)
   * @param bins histogram bins, a power of two ({@link PixelHistogram#DEFAULT_BINS} = 65,536)
   */
  public static ThresholdExplorer build(List<EvaluatedImage> images, int bins) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("there are no evaluated images");
    }
    List<Double> g = new ArrayList<>();
    List<Double> d = new ArrayList<>();
    TreeMap<String, List<Double>> t = new TreeMap<>();
    PixelHistogram goodPixels = new PixelHistogram(bins);
    TreeMap<String, PixelHistogram> typePixels = new TreeMap<>();
    double[] scores = new double[images.size()];
    int[] labels = new int[images.size()];
    int i = 0;
    boolean anyMap = false;
    for (EvaluatedImage e : images) {
      scores[i] = e.score();
      labels[i++] = e.label();
      if (e.defective()) {
        d.add(e.score());
        t.computeIfAbsent(e.defectType(), k -> new ArrayList<>()).add(e.score());
      } else {
        g.add(e.score());
      }
      if (e.pixelUsable()) {
        anyMap = true;
        PixelMap m = e.pixelMap();
        PixelHistogram h =
            e.defective()
                ? typePixels.computeIfAbsent(e.defectType(), k -> new PixelHistogram(bins))
                : goodPixels;
        h.add(m, RegionLabels.of(m));
      }
    }
    Map<String, double[]> byType = new LinkedHashMap<>();
    t.forEach((k, v) -> byType.put(k, sorted(v)));
    PixelHistogram all = null;
    BinnedCurveMetrics pc = null;
    if (anyMap) {
      all = goodPixels.copy();
      for (PixelHistogram h : typePixels.values()) {
        all.addAll(h);
      }
      pc = all.curveMetrics(true);
      goodPixels.positives(); // build the cumulative counts now: queries then only read
      typePixels.values().forEach(PixelHistogram::positives);
    }
    return new ThresholdExplorer(
        sorted(g),
        sorted(d),
        byType,
        anyMap ? goodPixels : null,
        typePixels,
        all,
        BinaryMetrics.evaluate(scores, labels),
        pc);
  }

  private static double[] sorted(List<Double> values) {
    double[] a = new double[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    Arrays.sort(a);
    return a;
  }

  /** Number of values in the ascending array below {@code t}. */
  private static int countBelow(double[] ascending, double t) {
    int lo = 0;
    int hi = ascending.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ascending[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Every threshold-dependent number at these thresholds. */
  public ThresholdView at(double imageLower, double imageUpper, double pixelThreshold) {
    if (!(imageLower <= imageUpper)) {
      throw new IllegalArgumentException(
          "the OK threshold " + imageLower + " must not exceed the NG threshold " + imageUpper);
    }
    int gBelowLower = countBelow(good, imageLower);
    int gBelowUpper = countBelow(good, imageUpper);
    int dBelowLower = countBelow(defective, imageLower);
    int dBelowUpper = countBelow(defective, imageUpper);
    ReviewCounts review =
        new ReviewCounts(
            gBelowLower,
            gBelowUpper - gBelowLower,
            good.length - gBelowUpper,
            dBelowLower,
            dBelowUpper - dBelowLower,
            defective.length - dBelowUpper);
    ConfusionCounts atNg =
        new ConfusionCounts(
            defective.length - dBelowUpper, good.length - gBelowUpper, gBelowUpper, dBelowUpper);
    ConfusionCounts atReview =
        new ConfusionCounts(
            defective.length - dBelowLower, good.length - gBelowLower, gBelowLower, dBelowLower);
    BinnedConfusion goodPx = goodPixels == null ? null : goodPixels.confusion(pixelThreshold);
    BinnedConfusion pixel = goodPx;
    List<ThresholdView.TypeView> types = new ArrayList<>(byType.size());
    for (var e : byType.entrySet()) {
      double[] s = e.getValue();
      int belowLower = countBelow(s, imageLower);
      int belowUpper = countBelow(s, imageUpper);
      PixelHistogram h = typePixels.get(e.getKey());
      BinnedConfusion typePx = null;
      if (h != null) {
        BinnedConfusion own = h.confusion(pixelThreshold);
        pixel = pixel.plus(own);
        typePx = goodPx.plus(own);
      }
      types.add(
          new ThresholdView.TypeView(
              e.getKey(),
              s.length,
              belowLower,
              belowUpper - belowLower,
              s.length - belowUpper,
              typePx));
    }
    return new ThresholdView(
        imageLower, imageUpper, pixelThreshold, atNg, atReview, review, pixel, types);
  }

  /** {@link #at(double, double, double)} with the thresholds of a record. */
  public ThresholdView at(Thresholds t) {
    return at(t.imageLower(), t.imageUpper(), t.pixelThreshold());
  }

  /** Exact image-level AUROC, AP, F1-max and curves. */
  public CurveMetrics imageCurves() {
    return imageCurves;
  }

  /** Binned pixel AUROC, AP, F1-max, AUPRO with bounds, or {@code null} without maps. */
  public BinnedCurveMetrics pixelCurves() {
    return pixelCurves;
  }

  /**
   * Binned pixel metrics of one defect type against the good images ({@code null} without maps).
   */
  public BinnedCurveMetrics pixelCurves(String defectType) {
    PixelHistogram h = typePixels.get(defectType);
    if (h == null) {
      return null;
    }
    PixelHistogram merged = goodPixels.copy();
    merged.addAll(h);
    return merged.curveMetrics(false);
  }

  /** The histogram of all pixels (for drawing), or {@code null} without maps. */
  public PixelHistogram pixelHistogram() {
    return allPixels == null ? null : allPixels.copy();
  }

  /** The pixel threshold the histogram actually reads for {@code t} (a bin edge). */
  public double snapPixelThreshold(double t) {
    return allPixels == null ? t : allPixels.snap(t);
  }

  /** Good image scores, ascending (a copy). */
  public double[] goodScores() {
    return good.clone();
  }

  /** Defective image scores, ascending (a copy). */
  public double[] defectiveScores() {
    return defective.clone();
  }

  /** The defect types, sorted. */
  public List<String> defectTypes() {
    return List.copyOf(byType.keySet());
  }
}
