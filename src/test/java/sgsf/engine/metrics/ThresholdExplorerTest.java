package sgsf.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The interactive (binned) explorer against the exact summary. */
class ThresholdExplorerTest {

  static List<EvaluatedImage> randomImages() {
    List<PixelMap> maps = PixelHistogramTest.randomMaps(9, 20, 24, 16);
    Random rnd = new Random(10);
    List<EvaluatedImage> list = new ArrayList<>();
    for (int i = 0; i < maps.size(); i++) {
      PixelMap m = maps.get(i);
      boolean defective = m.mask() != null;
      String type = defective ? (i % 4 == 1 ? "crack" : "hole") : "good";
      double score = Math.min(1, Math.max(0, rnd.nextGaussian() * 0.15 + (defective ? 0.6 : 0.35)));
      list.add(
          new EvaluatedImage(
              "i" + i,
              type,
              defective ? 1 : 0,
              score,
              m.width(),
              m.height(),
              m.scores(),
              m.mask()));
    }
    return list;
  }

  @Test
  void imageNumbersAreExactAndPixelNumbersExactOnBinEdges() {
    List<EvaluatedImage> images = randomImages();
    ThresholdExplorer ex = ThresholdExplorer.build(images, 1024);
    for (double[] t : new double[][] {{0.3, 0.5, 0.25}, {0.45, 0.45, 0.5}, {0.2, 0.7, 0.875}}) {
      Thresholds th = Thresholds.manual(t[0], t[1], t[2], 0, 1, 0, 1);
      ThresholdView v = ex.at(th);
      MetricsSummary exact = MetricsSummary.compute(images, th);
      assertThat(v.review()).isEqualTo(exact.image().review());
      assertThat(v.imageAtNg()).isEqualTo(exact.image().atNg());
      assertThat(v.imageAtReview()).isEqualTo(exact.image().atReview());
      // the pixel thresholds above are multiples of 1/1024: exact
      assertThat(v.pixel().counts()).isEqualTo(exact.pixel().atThreshold());
      assertThat(v.pixel().tpError()).isZero();
      for (int k = 0; k < exact.perType().size(); k++) {
        TypeMetrics tm = exact.perType().get(k);
        ThresholdView.TypeView tv = v.perType().get(k);
        assertThat(tv.defectType()).isEqualTo(tm.defectType());
        assertThat(new int[] {tv.ok(), tv.review(), tv.ng()})
            .containsExactly(
                tm.review().defectiveOk(),
                tm.review().defectiveReview(),
                tm.review().defectiveNg());
        List<PixelMap> typeMaps =
            images.stream()
                .filter(e -> !e.defective() || e.defectType().equals(tm.defectType()))
                .map(EvaluatedImage::pixelMap)
                .toList();
        assertThat(tv.pixel().counts()).isEqualTo(PixelMetrics.confusion(typeMaps, t[2]));
      }
    }
  }

  @Test
  void pixelNumbersBetweenEdgesStayWithinTheirBound() {
    List<EvaluatedImage> images = randomImages();
    ThresholdExplorer ex = ThresholdExplorer.build(images, 64);
    List<PixelMap> maps = images.stream().map(EvaluatedImage::pixelMap).toList();
    double t = 0.4321;
    BinnedConfusion b = ex.at(0.4, 0.5, t).pixel();
    ConfusionCounts exact = PixelMetrics.confusion(maps, t);
    assertThat(b.snappedThreshold()).isEqualTo(27 / 64.0);
    assertThat(ex.snapPixelThreshold(t)).isEqualTo(27 / 64.0);
    assertThat(exact.fp()).isBetween(b.counts().fp() - b.fpError(), b.counts().fp());
    assertThat(exact.tp()).isBetween(b.counts().tp() - b.tpError(), b.counts().tp());
    assertThat(b.fpError()).isPositive();
  }

  @Test
  void thresholdFreeMetricsMatchTheExactOnesWithinBounds() {
    List<EvaluatedImage> images = randomImages();
    ThresholdExplorer ex = ThresholdExplorer.build(images, 4096);
    MetricsSummary exact =
        MetricsSummary.compute(images, Thresholds.manual(0.5, 0.5, 0.5, 0, 1, 0, 1));
    assertThat(ex.imageCurves().auroc().value()).isEqualTo(exact.image().curves().auroc().value());
    BinnedCurveMetrics b = ex.pixelCurves();
    assertThat(b.metrics().auroc().value())
        .isCloseTo(exact.pixel().curves().auroc().value(), within(b.aurocErrorBound() + 1e-12));
    assertThat(b.metrics().aupro().value())
        .isCloseTo(exact.pixel().curves().aupro().value(), within(b.auproErrorBound() + 1e-12));
    BinnedCurveMetrics crack = ex.pixelCurves("crack");
    TypeMetrics exactCrack = exact.perType().get(0);
    assertThat(crack.metrics().averagePrecision().value())
        .isCloseTo(
            exactCrack.pixel().averagePrecision().value(), within(crack.apErrorBound() + 1e-12));
    assertThat(ex.defectTypes()).containsExactly("crack", "hole");
  }
}
