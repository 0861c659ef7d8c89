package sgsf.engine.metrics;

/**
 * Computes every threshold-free metric from one descending sweep: AUROC, AP, F1-max and AUPRO, and
 * records the ROC, PR and PRO curves (optionally thinned for plotting).
 *
 * <p>AUROC is accumulated in integer arithmetic as the Mann-Whitney statistic: each group of equal
 * scores adds {@code negatives * (2 * tpBefore + positives)}, i.e. the trapezoid of the ROC step,
 * and the sum is divided by {@code 2 P N} once at the end. This equals the trapezoidal area under
 * scikit-learn's ROC points without rounding in between. AP is scikit-learn's step-wise {@code sum
 * (R_n - R_{n-1}) P_n}. AUPRO follows MVTec AD's reference code ({@code compute_pro} and {@code
 * trapezoid(x_max=0.3)}): the PRO curve starts at (0, 0), is integrated with the trapezoid rule up
 * to FPR 0.3 (linearly interpolating the last segment) and divided by 0.3.
 */
final class CurveAccumulator implements SweepListener {
  /** The FPR up to which AUPRO integrates (MVTec AD's customary limit). */
  static final double AUPRO_FPR_LIMIT = 0.3;

  private final String unit;
  private final boolean withRegions;
  private final boolean keepCurves;
  private final double resolution;

  private long positives;
  private long negatives;
  private long regions;
  private long tp;
  private long fp;
  private double overlap;
  private long aucTwiceNumerator;
  private double apSum;

  private long f1Num = -1;
  private long f1Den = 1;
  private double f1Threshold;
  private long f1Tp;
  private long f1Fp;

  private double proArea;
  private double proLastF;
  private double proLastR;
  private boolean proClosed;

  private Recorder roc;
  private Recorder pr;
  private Recorder pro;
  private boolean begun;
  private boolean ended;

  /**
   * @param unit "images" or "pixels", for messages
   * @param withRegions whether the source reports ground-truth regions (AUPRO)
   * @param keepCurves whether to record the curves
   * @param resolution 0 keeps every point; otherwise a point is kept only when it moves at least
   *     this far along either axis from the last kept one (the last point is always kept)
   */
  CurveAccumulator(String unit, boolean withRegions, boolean keepCurves, double resolution) {
    this.unit = unit;
    this.withRegions = withRegions;
    this.keepCurves = keepCurves;
    this.resolution = resolution;
  }

  @Override
  public void begin(long positives, long negatives, long regions) {
    this.positives = positives;
    this.negatives = negatives;
    this.regions = regions;
    this.begun = true;
    if (keepCurves && positives > 0 && negatives > 0) {
      roc = new Recorder(resolution);
      pr = new Recorder(resolution);
      roc.add(0, 0, Double.POSITIVE_INFINITY);
      pr.add(0, 1, Double.POSITIVE_INFINITY);
      if (withRegions && regions > 0) {
        pro = new Recorder(resolution);
        pro.add(0, 0, Double.POSITIVE_INFINITY);
      }
    }
  }

  @Override
  public void group(double score, long pos, long neg, double groupOverlap) {
    aucTwiceNumerator += neg * (2 * tp + pos);
    tp += pos;
    fp += neg;
    overlap += groupOverlap;
    if (pos > 0) {
      apSum += pos * ((double) tp / (tp + fp));
    }
    if (positives > 0) {
      long num = 2 * tp;
      long den = tp + fp + positives;
      if (f1Num < 0 || compareFractions(num, den, f1Num, f1Den) >= 0) {
        f1Num = num;
        f1Den = den;
        f1Threshold = score;
        f1Tp = tp;
        f1Fp = fp;
      }
    }
    if (roc != null) {
      double f = (double) fp / negatives;
      double t = (double) tp / positives;
      roc.add(f, t, score);
      pr.add(t, (double) tp / (tp + fp), score);
    }
    if (withRegions && regions > 0 && negatives > 0) {
      double f = (double) fp / negatives;
      double r = Math.min(1.0, overlap / regions);
      if (pro != null) {
        pro.add(f, r, score);
      }
      if (!proClosed) {
        if (f <= AUPRO_FPR_LIMIT) {
          proArea += (f - proLastF) * (r + proLastR) / 2;
          proLastF = f;
          proLastR = r;
          proClosed = f == AUPRO_FPR_LIMIT;
        } else {
          double ri = proLastR + (r - proLastR) * (AUPRO_FPR_LIMIT - proLastF) / (f - proLastF);
          proArea += (AUPRO_FPR_LIMIT - proLastF) * (proLastR + ri) / 2;
          proClosed = true;
        }
      }
    }
  }

  @Override
  public void end() {
    ended = true;
  }

  /** The results; call after the sweep has ended. */
  CurveMetrics result() {
    if (!begun || !ended) {
      throw new IllegalStateException("the sweep has not run to its end");
    }
    String twoClass = twoClassProblem();
    Metric auroc;
    Metric ap;
    Metric f1;
    Metric f1t;
    if (twoClass != null) {
      auroc = Metric.undefined("AUROC is undefined: " + twoClass);
      ap = Metric.undefined("AP is undefined: " + twoClass);
      f1 = Metric.undefined("F1-max is undefined: " + twoClass);
      f1t = Metric.undefined("the F1-max threshold is undefined: " + twoClass);
    } else {
      auroc = Metric.of(aucTwiceNumerator / (2.0 * positives * negatives));
      ap = Metric.of(apSum / positives);
      f1 = Metric.of((double) f1Num / f1Den);
      f1t = Metric.of(f1Threshold);
    }
    Metric aupro;
    if (!withRegions) {
      aupro = Metric.undefined("AUPRO is a pixel-level metric; it has no meaning for " + unit);
    } else if (negatives == 0) {
      aupro =
          Metric.undefined(
              "AUPRO is undefined: all " + positives + " " + unit + " are defective, none normal");
    } else if (regions == 0) {
      aupro =
          Metric.undefined(
              "AUPRO is undefined: the ground truth has no defect region (all "
                  + negatives
                  + " "
                  + unit
                  + " are normal)");
    } else {
      aupro = Metric.of(proArea / AUPRO_FPR_LIMIT);
    }
    return new CurveMetrics(
        unit,
        positives,
        negatives,
        regions,
        auroc,
        ap,
        f1,
        f1t,
        aupro,
        roc == null ? null : new RocCurve(roc.x(), roc.y(), roc.t()),
        pr == null ? null : new PrCurve(pr.x(), pr.y(), pr.t()),
        pro == null ? null : new ProCurve(pro.x(), pro.y(), pro.t()));
  }

  /** The F1-max point; requires both classes. */
  F1Max f1MaxPoint() {
    String twoClass = twoClassProblem();
    if (twoClass != null) {
      throw new UndefinedMetricException("F1-max is undefined: " + twoClass);
    }
    return new F1Max(
        (double) f1Num / f1Den,
        f1Threshold,
        (double) f1Tp / (f1Tp + f1Fp),
        (double) f1Tp / positives);
  }

  private String twoClassProblem() {
    if (positives == 0 && negatives == 0) {
      return "there are no " + unit;
    }
    if (positives == 0) {
      return "all "
          + negatives
          + " "
          + unit
          + " are good (label 0); it needs defective "
          + unit
          + " too";
    }
    if (negatives == 0) {
      return "all "
          + positives
          + " "
          + unit
          + " are defective (label 1); it needs good "
          + unit
          + " too";
    }
    return null;
  }

  /** Compares a/b with c/d for non-negative a, c and positive b, d without overflow. */
  static int compareFractions(long a, long b, long c, long d) {
    long hi1 = Math.multiplyHigh(a, d);
    long hi2 = Math.multiplyHigh(c, b);
    if (hi1 != hi2) {
      return Long.compare(hi1, hi2);
    }
    return Long.compareUnsigned(a * d, c * b);
  }

  /** Records curve points, thinned to a resolution. */
  private static final class Recorder {
    private final double resolution;
    private final DoubleList xs = new DoubleList();
    private final DoubleList ys = new DoubleList();
    private final DoubleList ts = new DoubleList();
    private double px;
    private double py;
    private double pt;
    private boolean pending;

    Recorder(double resolution) {
      this.resolution = resolution;
    }

    void add(double x, double y, double t) {
      if (xs.size() == 0
          || resolution <= 0
          || Math.abs(x - xs.last()) >= resolution
          || Math.abs(y - ys.last()) >= resolution) {
        xs.add(x);
        ys.add(y);
        ts.add(t);
        pending = false;
      } else {
        px = x;
        py = y;
        pt = t;
        pending = true;
      }
    }

    private void flush() {
      if (pending) {
        xs.add(px);
        ys.add(py);
        ts.add(pt);
        pending = false;
      }
    }

    double[] x() {
      flush();
      return xs.toArray();
    }

    double[] y() {
      flush();
      return ys.toArray();
    }

    double[] t() {
      flush();
      return ts.toArray();
    }
  }
}
