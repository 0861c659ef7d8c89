package sgsf.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pixel-level metrics against scikit-learn, MVTec AD's AUPRO algorithm and hand derivations. */
class PixelMetricsTest {
  private static final double EPS = 1e-12;

  /*
   * Three 8x6 maps (row-major), scores rounded to one decimal (ties), computed with
   * /usr/bin/python3, scikit-learn 1.2.1, scipy 1.10.1:
   *
   *   rng = np.random.default_rng(11); H, W = 6, 8
   *   gts = [np.zeros((H, W), np.uint8) for _ in range(3)]
   *   gts[1][1:3, 1:3] = 1; gts[1][3, 3] = 1   # 2x2 block + a diagonal neighbour: one 8-region
   *   gts[1][4:6, 6:8] = 1                      # a second region
   *   gts[2][0, 5:8] = 1                        # a 1x3 region
   *   maps = [np.round(np.clip(rng.normal(0.3 + 0.35*g, 0.18), 0, 1), 1).astype(np.float32)
   *           for g in gts]
   *   yy = concatenated masks; ss = concatenated maps as float64
   *   roc_auc_score(yy, ss)            -> 0.9116161616161617
   *   average_precision_score(yy, ss)  -> 0.6306593690107622
   *   p, r, t = precision_recall_curve(yy, ss); f1 = 2*p*r/(p+r); i = argmax(f1[:-1])
   *                                    -> f1 0.6923076923076924 at t 0.6000000238418579 (0.6f)
   *
   * AUPRO with MVTec AD's reference algorithm (mvtec_ad_evaluation: pro_curve_util.compute_pro and
   * generic_util.trapezoid), restated in numpy: label each mask with scipy.ndimage.label and a
   * 3x3 structure of ones; every normal pixel adds 1 to the FP count, every region pixel adds
   * 1/area(region); sort all pixels by score descending, cumulative sums, keep the last index of
   * each distinct score, divide by the number of normal pixels / regions, clip to [0, 1], prepend
   * (0, 0); trapezoid up to x_max = 0.3 with a linearly interpolated last segment; divide by 0.3.
   *   regions -> 3
   *   aupro   -> 0.7965921844709725
   */
  static final float[] S0 = {
    0.3f, 0.5f, 0.5f, 0.2f, 0.2f, 0.2f, 0.4f, 0.3f, 0.4f, 0.0f, 0.6f, 0.3f, 0.4f, 0.3f, 0.2f, 0.4f,
    0.4f, 0.3f, 0.3f, 0.4f, 0.1f, 0.0f, 0.4f, 0.2f, 0.0f, 0.2f, 0.2f, 0.1f, 0.0f, 0.3f, 0.5f, 0.3f,
    0.2f, 0.4f, 0.4f, 0.2f, 0.4f, 0.5f, 0.3f, 0.2f, 0.4f, 0.3f, 0.5f, 0.1f, 0.2f, 0.1f, 0.0f, 0.3f
  };
  static final float[] S1 = {
    0.4f, 0.2f, 0.5f, 0.4f, 0.4f, 0.4f, 0.5f, 0.1f, 0.4f, 0.8f, 0.3f, 0.4f, 0.3f, 0.4f, 0.2f, 0.3f,
    0.4f, 0.5f, 0.8f, 0.3f, 0.4f, 0.2f, 0.5f, 0.4f, 0.3f, 0.4f, 0.5f, 1.0f, 0.0f, 0.5f, 0.4f, 0.3f,
    0.1f, 0.5f, 0.1f, 0.4f, 0.5f, 0.0f, 0.6f, 0.4f, 0.3f, 0.6f, 0.7f, 0.0f, 0.2f, 0.4f, 0.9f, 0.7f
  };
  static final byte[] G1 = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1
  };
  static final float[] S2 = {
    0.2f, 0.4f, 0.3f, 0.3f, 0.2f, 0.7f, 0.7f, 0.6f, 0.3f, 0.1f, 0.2f, 0.5f, 0.3f, 0.0f, 0.5f, 0.4f,
    0.7f, 0.3f, 0.2f, 0.0f, 0.5f, 0.8f, 0.2f, 0.2f, 0.4f, 0.2f, 0.3f, 0.2f, 0.3f, 0.5f, 0.3f, 0.5f,
    0.2f, 0.4f, 0.0f, 0.0f, 0.4f, 0.2f, 0.4f, 0.4f, 0.5f, 0.4f, 0.5f, 0.3f, 0.2f, 0.2f, 0.2f, 0.1f
  };
  static final byte[] G2 = {
    0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  static List<PixelMap> referenceMaps() {
    return List.of(
        new PixelMap(8, 6, S0, null), new PixelMap(8, 6, S1, G1), new PixelMap(8, 6, S2, G2));
  }

  @Test
  void pixelMetricsMatchScikitLearnAndMvtecAupro() {
    CurveMetrics m = PixelMetrics.exact(referenceMaps());
    assertThat(m.regions()).isEqualTo(3);
    assertThat(m.positives()).isEqualTo(12); // 4 + 1 + 4 in S1, 3 in S2
    assertThat(m.auroc().value()).isCloseTo(0.9116161616161617, within(EPS));
    assertThat(m.averagePrecision().value()).isCloseTo(0.6306593690107622, within(EPS));
    assertThat(m.f1Max().value()).isCloseTo(0.6923076923076924, within(EPS));
    assertThat(m.f1Threshold().value()).isEqualTo(0.6000000238418579);
    assertThat(m.aupro().value()).isCloseTo(0.7965921844709725, within(EPS));
  }

  @Test
  void auproCountsDiagonalNeighboursAsOneRegion() {
    // Hand derivation. Good map A (3x2): 0.6 0.3 0.4 / 0.2 0.6 0.1.
    // Map B (3x2): 0.9 0.8 0.2 / 0.5 0.1 0.45 with mask 1 1 0 / 0 0 1.
    // (1,0) and (2,1) touch diagonally: one 8-connected region of 3 pixels, weight 1/3 each.
    // Normal pixels: 6 (A) + 3 (B) = 9. Sweep (FPR, PRO):
    //   0.9 -> (0, 1/3); 0.8 -> (0, 2/3); 0.6 (two normals) -> (2/9, 2/3); 0.5 -> (3/9, 2/3);
    //   0.45 -> (3/9, 1) ...
    // Area up to FPR 0.3: (2/9)(2/3) + (0.3 - 2/9)(2/3) = 0.3 * 2/3 = 0.2; AUPRO = 0.2/0.3 = 2/3.
    // (With 4-connectivity the regions would be {2 pixels, 1 pixel}, PRO 1/2 on that stretch and
    // AUPRO 1/2, so this separates the two.)
    PixelMap a = new PixelMap(3, 2, new float[] {0.6f, 0.3f, 0.4f, 0.2f, 0.6f, 0.1f}, null);
    PixelMap b =
        new PixelMap(
            3, 2, new float[] {0.9f, 0.8f, 0.2f, 0.5f, 0.1f, 0.45f}, new byte[] {1, 1, 0, 0, 0, 1});
    CurveMetrics m = PixelMetrics.exact(List.of(a, b));
    assertThat(m.regions()).isEqualTo(1);
    assertThat(m.aupro().value()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(m.pro().fpr()).startsWith(0.0, 0.0, 0.0, 2.0 / 9);
  }

  @Test
  void auproAveragesOverRegionsNotPixels() {
    // Hand derivation. One map 4x1: scores 0.9 0.8 0.7 0.1, mask 1 0 1 1 -> regions {x=0} (1 px)
    // and {x=2,3} (2 px, 4- and 8-connected alike). Normal pixels: 1 (x=1).
    // Sweep: 0.9 -> (0, 1/2) [region 1 complete = 1/2 of the regions];
    //        0.8 -> (1, 1/2); 0.7 -> (1, 3/4); 0.1 -> (1, 1).
    // Area to 0.3: (0.3 - 0)(1/2) = 0.15 -> AUPRO 0.5. Pixel-wise the first defect pixel is only
    // 1/3 of the defect area; PRO weighs the small region like the large one.
    PixelMap m = new PixelMap(4, 1, new float[] {0.9f, 0.8f, 0.7f, 0.1f}, new byte[] {1, 0, 1, 1});
    CurveMetrics r = PixelMetrics.exact(List.of(m));
    assertThat(r.regions()).isEqualTo(2);
    assertThat(r.aupro().value()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void chunkedSweepEqualsOneSortAndTheImageLevelPath() {
    // The chunked radix sweep must give bit-identical results for any chunk size, including
    // single buckets larger than a chunk and long bucket segments (both resolved by low-bit
    // histograms instead of sorting), and must agree with
    // the independent image-level path (BinaryMetrics on all pixels concatenated as doubles).
    Random rnd = new Random(5);
    List<PixelMap> maps = new ArrayList<>();
    int w = 17;
    int h = 13;
    for (int k = 0; k < 9; k++) {
      float[] s = new float[w * h];
      byte[] g = k % 3 == 0 ? null : new byte[w * h];
      for (int i = 0; i < s.length; i++) {
        boolean defect = g != null && (i / w) % 5 == k % 5 && (i % w) > 3 && (i % w) < 9;
        if (defect) {
          g[i] = 1;
        }
        double v = rnd.nextGaussian() * 0.2 + (defect ? 0.6 : 0.3);
        // a third of the pixels exactly 0 (a giant tie), some negative, some -0.0, rest fine
        s[i] =
            switch (i % 6) {
              case 0, 1 -> 0f;
              case 2 -> -0.0f;
              case 3 -> (float) (-Math.abs(v) * 1e-3);
              default -> (float) v;
            };
      }
      maps.add(new PixelMap(w, h, s, g));
    }
    List<RegionLabels> regions = maps.stream().map(RegionLabels::of).toList();
    CurveMetrics whole = PixelMetrics.exact(maps, regions, true, Integer.MAX_VALUE);
    int[][] settings = {{1, 1 << 14}, {7, 1 << 14}, {100, 1}, {1000, 3}, {1000, 1 << 14}};
    for (int[] setting : settings) {
      CurveMetrics c = PixelMetrics.exact(maps, regions, true, setting[0], setting[1]);
      assertThat(c.auroc().value()).isEqualTo(whole.auroc().value());
      assertThat(c.averagePrecision().value()).isEqualTo(whole.averagePrecision().value());
      assertThat(c.f1Max().value()).isEqualTo(whole.f1Max().value());
      assertThat(c.f1Threshold().value()).isEqualTo(whole.f1Threshold().value());
      assertThat(c.aupro().value()).isEqualTo(whole.aupro().value());
      assertThat(c.roc().fpr()).containsExactly(whole.roc().fpr());
    }
    int n = maps.size() * w * h;
    double[] all = new double[n];
    int[] labels = new int[n];
    int i = 0;
    for (PixelMap m : maps) {
      for (int p = 0; p < m.size(); p++) {
        all[i] = m.scores()[p];
        labels[i++] = m.mask() == null ? 0 : m.mask()[p];
      }
    }
    CurveMetrics ref = BinaryMetrics.evaluate(all, labels);
    assertThat(whole.auroc().value()).isCloseTo(ref.auroc().value(), within(EPS));
    assertThat(whole.averagePrecision().value())
        .isCloseTo(ref.averagePrecision().value(), within(EPS));
    assertThat(whole.f1Max().value()).isCloseTo(ref.f1Max().value(), within(EPS));
    assertThat(whole.f1Threshold().value()).isEqualTo(ref.f1Threshold().value());
  }

  @Test
  void orderKeyFollowsFloatOrder() {
    float[] ascending = {
      Float.NEGATIVE_INFINITY,
      -3f,
      -1e-30f,
      -Float.MIN_VALUE,
      0f,
      Float.MIN_VALUE,
      1e-30f,
      0.5f,
      Math.nextUp(0.5f),
      1f,
      Float.MAX_VALUE
    };
    for (int i = 1; i < ascending.length; i++) {
      assertThat(ExactPixelSweep.key(ascending[i]))
          .isGreaterThan(ExactPixelSweep.key(ascending[i - 1]));
      assertThat(ExactPixelSweep.value(ExactPixelSweep.key(ascending[i]))).isEqualTo(ascending[i]);
    }
    assertThat(ExactPixelSweep.key(-0.0f)).isEqualTo(ExactPixelSweep.key(0.0f));
  }

  @Test
  void mapsWithoutDefectsLeavePixelMetricsUndefinedNotNaN() {
    PixelMap good = new PixelMap(2, 2, new float[] {0.1f, 0.2f, 0.3f, 0.4f}, null);
    PixelMap emptyMask = new PixelMap(2, 2, new float[] {0.5f, 0.2f, 0.3f, 0.4f}, new byte[4]);
    CurveMetrics m = PixelMetrics.exact(List.of(good, emptyMask));
    assertThat(m.auroc().defined()).isFalse();
    assertThat(m.auroc().undefinedReason()).contains("all 8 pixels are good");
    assertThat(m.aupro().undefinedReason()).contains("no defect region");
    assertThat(Double.isNaN(m.auroc().value())).isTrue(); // NaN only behind defined() == false
    assertThatThrownBy(() -> m.averagePrecision().orElseThrow())
        .isInstanceOf(UndefinedMetricException.class);
    PixelMap allDefect = new PixelMap(2, 1, new float[] {0.1f, 0.9f}, new byte[] {1, 1});
    assertThat(PixelMetrics.exact(List.of(allDefect)).aupro().undefinedReason())
        .contains("none normal");
  }

  @Test
  void nonFiniteScoresAndBadMasksAreRejectedWithTheirPosition() {
    PixelMap nan = new PixelMap(3, 2, new float[] {0, 0, 0, 0, Float.NaN, 0}, null);
    assertThatThrownBy(() -> PixelMetrics.exact(List.of(nan)))
        .hasMessageContaining("anomaly map 0 has the value NaN at pixel (1, 1)");
    assertThatThrownBy(() -> new PixelMap(2, 1, new float[2], new byte[] {0, (byte) 255}))
        .hasMessageContaining("pixel (1, 0) is -1");
    assertThatThrownBy(() -> new PixelMap(2, 2, new float[3], null))
        .hasMessageContaining("3 values, expected 2x2");
  }

  @Test
  void confusionCountsPixelsOverAllMaps() {
    // Counted at threshold 0.5 (by hand, checked with numpy: f = s >= 0.5; (f & g).sum() ...):
    // S0 (no defect): normal scores >= 0.5 are 0.5 x5, 0.6 -> FP 6.
    // S1: defect scores 0.8 0.3 0.5 0.8 1.0 0.6 0.4 0.9 0.7 -> TP 7, FN 2;
    //     normal scores >= 0.5: 0.5 x7, 0.6, 0.7 -> FP 9.
    // S2: defect scores 0.7 0.7 0.6 -> TP 3; normal >= 0.5: 0.5 x7, 0.7, 0.8 -> FP 9.
    // Totals TP 10, FN 2, FP 24, TN = 144 - 12 - 24 = 108.
    ConfusionCounts c = PixelMetrics.confusion(referenceMaps(), 0.5);
    assertThat(c).isEqualTo(new ConfusionCounts(10, 24, 108, 2));
  }
}
