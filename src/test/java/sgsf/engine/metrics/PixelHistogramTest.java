package sgsf.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The binned pixel metrics against the exact ones: exact at bin edges, within the stated bounds
 * everywhere (the bounds are derived in {@link BinnedCurveMetrics} and {@link BinnedConfusion}).
 */
class PixelHistogramTest {

  /** Smooth random maps in [0, 1] with blob-like defects, a few saturated pixels (exactly 1). */
  static List<PixelMap> randomMaps(long seed, int count, int w, int h) {
    Random rnd = new Random(seed);
    List<PixelMap> maps = new ArrayList<>();
    for (int m = 0; m < count; m++) {
      float[] s = new float[w * h];
      byte[] g = null;
      int cx = rnd.nextInt(w);
      int cy = rnd.nextInt(h);
      int r = 1 + rnd.nextInt(Math.max(1, w / 4));
      boolean defective = m % 2 == 1;
      if (defective) {
        g = new byte[w * h];
      }
      for (int i = 0; i < s.length; i++) {
        int x = i % w;
        int y = i / w;
        boolean in = defective && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
        if (in) {
          g[i] = 1;
        }
        double v = 1 / (1 + Math.exp(-(rnd.nextGaussian() * 1.5 + (in ? 1.0 : -1.5))));
        s[i] = rnd.nextInt(200) == 0 ? 1f : (float) v;
      }
      maps.add(new PixelMap(w, h, s, g));
    }
    return maps;
  }

  static PixelHistogram histogram(List<PixelMap> maps, int bins) {
    PixelHistogram hist = new PixelHistogram(bins);
    for (PixelMap m : maps) {
      hist.add(m);
    }
    return hist;
  }

  @Test
  void countsAtBinEdgesAreExact() {
    List<PixelMap> maps = randomMaps(1, 12, 24, 20);
    PixelHistogram hist = histogram(maps, 64);
    for (int k = 0; k <= 64; k++) {
      double t = k / 64.0;
      BinnedConfusion b = hist.confusion(t);
      assertThat(b.counts()).isEqualTo(PixelMetrics.confusion(maps, t));
      assertThat(b.tpError()).isZero();
      assertThat(b.fpError()).isZero();
      assertThat(b.snappedThreshold()).isEqualTo(t);
    }
    // outside [0, 1]: everything / nothing flagged, exactly
    assertThat(hist.confusion(-0.5).counts()).isEqualTo(PixelMetrics.confusion(maps, -0.5));
    assertThat(hist.confusion(1.5).counts()).isEqualTo(PixelMetrics.confusion(maps, 1.5));
  }

  @Test
  void countsBetweenEdgesAreWithinTheBinOfTheThreshold() {
    List<PixelMap> maps = randomMaps(2, 12, 24, 20);
    PixelHistogram hist = histogram(maps, 16);
    Random rnd = new Random(3);
    int strictlyInside = 0;
    for (int i = 0; i < 200; i++) {
      double t = rnd.nextDouble();
      BinnedConfusion b = hist.confusion(t);
      ConfusionCounts exact = PixelMetrics.confusion(maps, t);
      assertThat(b.snappedThreshold()).isEqualTo(Math.floor(t * 16) / 16);
      assertThat(b.counts()).isEqualTo(PixelMetrics.confusion(maps, b.snappedThreshold()));
      assertThat(exact.tp()).isBetween(b.counts().tp() - b.tpError(), b.counts().tp());
      assertThat(exact.fp()).isBetween(b.counts().fp() - b.fpError(), b.counts().fp());
      if (exact.fp() != b.counts().fp()) {
        strictlyInside++;
      }
    }
    assertThat(strictlyInside).as("the test must exercise inexact reads").isGreaterThan(100);
  }

  @Test
  void binnedMetricsStayWithinTheirProvenBounds() {
    List<PixelMap> maps = randomMaps(4, 16, 32, 24);
    CurveMetrics exact = PixelMetrics.exact(maps);
    for (int bins : new int[] {4, 16, 256, 4096, 65536}) {
      BinnedCurveMetrics b = histogram(maps, bins).curveMetrics(false);
      CurveMetrics m = b.metrics();
      double slack = 1e-12;
      assertThat(Math.abs(m.auroc().value() - exact.auroc().value()))
          .as("AUROC at %d bins", bins)
          .isLessThanOrEqualTo(b.aurocErrorBound() + slack);
      assertThat(Math.abs(m.averagePrecision().value() - exact.averagePrecision().value()))
          .as("AP at %d bins", bins)
          .isLessThanOrEqualTo(b.apErrorBound() + slack);
      assertThat(exact.f1Max().value() - m.f1Max().value())
          .as("F1 at %d bins", bins)
          .isBetween(-slack, b.f1MaxErrorBound() + slack);
      assertThat(Math.abs(m.aupro().value() - exact.aupro().value()))
          .as("AUPRO at %d bins", bins)
          .isLessThanOrEqualTo(b.auproErrorBound() + slack);
    }
    // Coarse bins really are off (the bounds are not vacuous checks of equal numbers) ...
    BinnedCurveMetrics coarse = histogram(maps, 4).curveMetrics(false);
    assertThat(Math.abs(coarse.metrics().auroc().value() - exact.auroc().value()))
        .isGreaterThan(1e-3);
    // ... and at 65,536 bins the guaranteed error is tiny.
    BinnedCurveMetrics fine = histogram(maps, 65536).curveMetrics(false);
    assertThat(fine.aurocErrorBound()).isLessThan(1e-3);
    assertThat(fine.apErrorBound()).isLessThan(5e-3);
    assertThat(fine.auproErrorBound()).isLessThan(1e-3);
    assertThat(fine.f1MaxErrorBound()).isLessThan(5e-3);
  }

  @Test
  void scoresOnBinEdgesGiveExactlyTheExactMetrics() {
    // Quantised to multiples of 1/32 (and exactly 1.0), every tie inside a bin is a real tie.
    List<PixelMap> maps = new ArrayList<>();
    for (PixelMap m : randomMaps(5, 10, 20, 16)) {
      float[] q = m.scores().clone();
      for (int i = 0; i < q.length; i++) {
        q[i] = (float) (Math.floor(q[i] * 32) / 32);
      }
      maps.add(new PixelMap(m.width(), m.height(), q, m.mask()));
    }
    CurveMetrics exact = PixelMetrics.exact(maps);
    CurveMetrics binned = histogram(maps, 32).curveMetrics(true).metrics();
    assertThat(binned.auroc().value()).isCloseTo(exact.auroc().value(), within(1e-12));
    assertThat(binned.averagePrecision().value())
        .isCloseTo(exact.averagePrecision().value(), within(1e-12));
    assertThat(binned.f1Max().value()).isCloseTo(exact.f1Max().value(), within(1e-12));
    assertThat(binned.f1Threshold().value()).isEqualTo(exact.f1Threshold().value());
    assertThat(binned.aupro().value()).isCloseTo(exact.aupro().value(), within(1e-12));
  }

  @Test
  void mergedHistogramsEqualOneBuiltFromAllMaps() {
    List<PixelMap> maps = randomMaps(6, 8, 16, 16);
    PixelHistogram all = histogram(maps, 256);
    PixelHistogram a = histogram(maps.subList(0, 3), 256);
    a.addAll(histogram(maps.subList(3, 8), 256));
    assertThat(a.positives()).isEqualTo(all.positives());
    assertThat(a.regions()).isEqualTo(all.regions());
    assertThat(a.curveMetrics(false).metrics().auroc().value())
        .isEqualTo(all.curveMetrics(false).metrics().auroc().value());
    assertThat(a.confusion(0.3).counts()).isEqualTo(all.confusion(0.3).counts());
  }

  @Test
  void rejectsBadBinCountsAndNaNWithoutCorruptingCounts() {
    assertThatThrownBy(() -> new PixelHistogram(1000)).hasMessageContaining("power of two");
    PixelHistogram h = new PixelHistogram(16);
    h.add(new PixelMap(2, 1, new float[] {0.2f, 0.7f}, new byte[] {0, 1}));
    PixelMap bad = new PixelMap(3, 1, new float[] {0.1f, 0.9f, Float.NaN}, new byte[] {1, 0, 0});
    assertThatThrownBy(() -> h.add(bad)).hasMessageContaining("NaN at pixel (2, 0)");
    assertThat(h.positives()).isEqualTo(1);
    assertThat(h.negatives()).isEqualTo(1);
    assertThat(h.regions()).isEqualTo(1);
    h.add(new PixelMap(2, 1, new float[] {-0.1f, 1.5f}, null));
    assertThat(h.outOfRange()).isEqualTo(2);
  }
}
