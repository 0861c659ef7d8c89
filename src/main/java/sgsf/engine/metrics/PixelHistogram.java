package sgsf.engine.metrics;

/**
 * Binned form of the pixel metrics for interactive threshold changes (METHOD.md section 4): per bin
 * of the score range [0, 1], the number of normal and defect pixels and the defect pixels' region
 * weights (for AUPRO). Built once from the maps in one pass; afterwards a threshold query costs
 * O(1) (cumulative counts) and the threshold-free metrics O(bins).
 *
 * <p><b>Bins.</b> {@code bins} is a power of two B; bin k &lt; B holds scores in [k/B, (k+1)/B) and
 * one extra bin holds scores &gt;= 1 (a saturated sigmoid gives exactly 1). Because B is a power of
 * two, {@code s * B} and {@code k / B} are exact in floating point, so a score is at or above the
 * edge k/B exactly when its bin is k or higher: <b>counts at a bin edge are exact</b>. A threshold
 * t between edges is read at the edge below it, {@code floor(t B) / B}; the counts then differ from
 * the exact ones at t by at most the pixels of the bin containing t ({@link BinnedConfusion}).
 * Scores below 0 go into bin 0 and scores above 1 into the top bin; {@link #outOfRange()} counts
 * them because they break the guarantees (anomaly maps are sigmoid outputs in [0, 1]).
 *
 * <p>Not thread-safe while adding; once built, queries only read (the cumulative counts are rebuilt
 * on the first query after an addition).
 */
public final class PixelHistogram {
  /** 65,536 bins: threshold granularity 1.5e-5. */
  public static final int DEFAULT_BINS = 1 << 16;

  private final int bins;
  private final long[] pos;
  private final long[] neg;
  private final double[] overlap;
  private long regions;
  private long outOfRange;
  private long aboveOne;
  private long maps;
  private long[] cumPos;
  private long[] cumNeg;

  /**
   * @param bins a power of two from 2 to 2^24
   */
  public PixelHistogram(int bins) {
    if (bins < 2 || bins > (1 << 24) || Integer.bitCount(bins) != 1) {
      throw new IllegalArgumentException(
          "bins must be a power of two from 2 to 16777216, got " + bins);
    }
    this.bins = bins;
    this.pos = new long[bins + 1];
    this.neg = new long[bins + 1];
    this.overlap = new double[bins + 1];
  }

  public int bins() {
    return bins;
  }

  /** The bin of a score: floor(s * bins) for s in [0, 1), {@code bins} for s &gt;= 1. */
  public int binOf(double score) {
    if (score >= 1) {
      return bins;
    }
    if (score < 0 || !(score == score)) {
      return 0;
    }
    return (int) (score * bins);
  }

  /** Adds a map; its ground-truth regions are labelled here when it has defect pixels. */
  public void add(PixelMap map) {
    add(map, RegionLabels.of(map));
  }

  /**
   * Adds a map with its (already labelled) regions, {@code null} when it has no defect pixel.
   *
   * @throws IllegalArgumentException naming the pixel when a score is not finite
   */
  public void add(PixelMap map, RegionLabels regionLabels) {
    float[] s = map.scores();
    byte[] mask = map.mask();
    int[] labels = regionLabels == null ? null : regionLabels.labels();
    if (mask != null && map.defectPixels() > 0 && labels == null) {
      throw new IllegalArgumentException("a map with defect pixels needs its region labels");
    }
    double[] w = null;
    if (regionLabels != null) {
      w = new double[regionLabels.count() + 1];
      for (int r = 1; r <= regionLabels.count(); r++) {
        w[r] = 1.0 / regionLabels.areas()[r];
      }
      regions += regionLabels.count();
    }
    long out = 0;
    long above = 0;
    final float scale = bins;
    for (int p = 0; p < s.length; p++) {
      float v = s[p];
      int k;
      if (v >= 1f) {
        k = bins;
        if (v > 1f) {
          out++;
          above++;
        }
      } else if (v >= 0f) {
        k = (int) (v * scale);
      } else if (v < 0f) {
        k = 0;
        out++;
      } else {
        remove(s, mask, labels, w, p);
        throw new IllegalArgumentException(
            "anomaly map has the value NaN at pixel ("
                + (p % map.width())
                + ", "
                + (p / map.width())
                + ")");
      }
      if (mask != null && mask[p] != 0) {
        pos[k]++;
        overlap[k] += w[labels[p]];
      } else {
        neg[k]++;
      }
    }
    outOfRange += out;
    aboveOne += above;
    maps++;
    cumPos = null;
  }

  /** Takes back the first {@code end} pixels of a map whose addition failed. */
  private void remove(float[] s, byte[] mask, int[] labels, double[] w, int end) {
    for (int p = 0; p < end; p++) {
      int k = binOf(s[p]);
      if (mask != null && mask[p] != 0) {
        pos[k]--;
        overlap[k] -= w[labels[p]];
      } else {
        neg[k]--;
      }
    }
    if (w != null) {
      regions -= w.length - 1;
    }
  }

  /** Adds every count of {@code other} (same number of bins). */
  public void addAll(PixelHistogram other) {
    if (other.bins != bins) {
      throw new IllegalArgumentException(
          "cannot merge histograms of " + other.bins + " and " + bins + " bins");
    }
    for (int k = 0; k <= bins; k++) {
      pos[k] += other.pos[k];
      neg[k] += other.neg[k];
      overlap[k] += other.overlap[k];
    }
    regions += other.regions;
    outOfRange += other.outOfRange;
    aboveOne += other.aboveOne;
    maps += other.maps;
    cumPos = null;
  }

  /** A copy holding the same counts. */
  public PixelHistogram copy() {
    PixelHistogram h = new PixelHistogram(bins);
    h.addAll(this);
    return h;
  }

  public long positives() {
    ensureCumulative();
    return cumPos[0];
  }

  public long negatives() {
    ensureCumulative();
    return cumNeg[0];
  }

  /** Number of ground-truth regions over all maps. */
  public long regions() {
    return regions;
  }

  /** Maps added. */
  public long maps() {
    return maps;
  }

  /** Scores outside [0, 1] that were clamped into the end bins (they void the error bounds). */
  public long outOfRange() {
    return outOfRange;
  }

  /** The bin edge at or below {@code threshold}, clamped to [0, 1]. */
  public double snap(double threshold) {
    return edgeIndex(threshold) / (double) bins;
  }

  private int edgeIndex(double t) {
    if (t >= 1) {
      return bins;
    }
    if (t <= 0) {
      return 0;
    }
    return (int) (t * bins);
  }

  /** Confusion counts of {@code score >= threshold}, read at the bin edge below it. O(1). */
  public BinnedConfusion confusion(double threshold) {
    ensureCumulative();
    int k;
    if (threshold > 1) {
      k = bins + 1; // nothing in [0, 1] reaches it
    } else {
      k = edgeIndex(threshold);
    }
    long tp = cumPos[k];
    long fp = cumNeg[k];
    long p = cumPos[0];
    long n = cumNeg[0];
    boolean onEdge = k > bins || k == 0 && threshold <= 0 || (double) k / bins == threshold;
    long tpErr = onEdge ? 0 : pos[k];
    long fpErr = onEdge ? 0 : neg[k];
    double snapped = onEdge ? threshold : (double) k / bins;
    return new BinnedConfusion(
        threshold, snapped, new ConfusionCounts(tp, fp, n - fp, p - tp), tpErr, fpErr);
  }

  private void ensureCumulative() {
    if (cumPos != null) {
      return;
    }
    long[] cp = new long[bins + 2];
    long[] cn = new long[bins + 2];
    for (int k = bins; k >= 0; k--) {
      cp[k] = cp[k + 1] + pos[k];
      cn[k] = cn[k + 1] + neg[k];
    }
    cumNeg = cn;
    cumPos = cp;
  }

  /** Feeds the bins as groups (score = lower edge) from the top. */
  void sweep(SweepListener listener) {
    ensureCumulative();
    listener.begin(cumPos[0], cumNeg[0], regions);
    for (int k = bins; k >= 0; k--) {
      if (pos[k] + neg[k] > 0) {
        listener.group((double) k / bins, pos[k], neg[k], overlap[k]);
      }
    }
    listener.end();
  }

  /**
   * AUROC, AP, F1-max and AUPRO of the binned scores with their error bounds against the exact
   * values (see {@link BinnedCurveMetrics}). O(bins).
   *
   * @param keepCurves whether to return the curves (one point per non-empty bin)
   */
  public BinnedCurveMetrics curveMetrics(boolean keepCurves) {
    CurveAccumulator acc = new CurveAccumulator("pixels", true, keepCurves, 0);
    sweep(acc);
    CurveMetrics m = acc.result();
    long p = cumPos[0];
    long n = cumNeg[0];
    double aurocBound = 0;
    double apBound = 0;
    double f1Upper = 0;
    double auproBound = 0;
    long tpB = 0;
    long fpB = 0;
    double ovB = 0;
    double limit = CurveAccumulator.AUPRO_FPR_LIMIT;
    for (int k = bins; k >= 0; k--) {
      if (pos[k] + neg[k] == 0) {
        continue;
      }
      long tpA = tpB + pos[k];
      long fpA = fpB + neg[k];
      double ovA = ovB + overlap[k];
      // The top bin holds a single value (exactly 1) unless scores above 1 were clamped into it:
      // its ties are real, binned and exact agree there.
      boolean singleValued = k == bins && aboveOne == 0;
      if (p > 0 && n > 0 && !singleValued) {
        aurocBound += (double) pos[k] * neg[k];
        if (pos[k] > 0) {
          double lower = (tpB + 1.0) / (tpB + 1.0 + fpA);
          double upper = (double) tpA / (tpA + fpB);
          apBound += pos[k] * (upper - lower);
        }
        f1Upper = Math.max(f1Upper, 2.0 * tpA / (tpA + fpB + p));
        if (regions > 0) {
          double fb = (double) fpB / n;
          if (fb < limit) {
            double fa = Math.min(limit, (double) fpA / n);
            double rb = Math.min(1.0, ovB / regions);
            double ra = Math.min(1.0, ovA / regions);
            auproBound += (fa - fb) * (ra - rb);
          }
        }
      }
      tpB = tpA;
      fpB = fpA;
      ovB = ovA;
    }
    boolean defined = p > 0 && n > 0;
    return new BinnedCurveMetrics(
        m,
        defined ? aurocBound / (2.0 * p * n) : 0,
        defined ? apBound / p : 0,
        defined ? Math.max(0, f1Upper - m.f1Max().value()) : 0,
        defined && regions > 0 ? auproBound / limit : 0);
  }
}
