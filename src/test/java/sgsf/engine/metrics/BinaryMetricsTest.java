package sgsf.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Image-level metrics against scikit-learn 1.2.1 (numpy 1.24.2), run once by hand with
 * /usr/bin/python3; its printed outputs are the expected values below.
 */
class BinaryMetricsTest {
  private static final double EPS = 1e-12;

  /*
   * import numpy as np
   * from sklearn.metrics import roc_curve, roc_auc_score, precision_recall_curve, \
   *     average_precision_score
   * s = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2, 0.65, 0.35])
   * y = np.array([0, 0, 1, 1, 1, 0, 1, 0, 1, 0])
   * fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
   * p, r, t = precision_recall_curve(y, s)
   * f1 = 2*p*r/(p+r+1e-300); i = np.argmax(f1[:-1])
   *
   * fpr [0.  0.  0.  0.  0.4 0.6 0.8 1. ]
   * tpr [0.  0.2 0.4 0.6 0.8 1.  1.  1. ]
   * thr [1.9  0.9  0.8  0.65 0.4  0.35 0.2  0.1 ]     (1.9 = max+1 before sklearn 1.3; +inf here)
   * roc_auc_score 0.86
   * precision [0.5 0.5555555555555556 0.625 0.6666666666666666 1. 1. 1. 1.]
   * recall    [1.  1.  1.  0.8 0.6 0.4 0.2 0. ]
   * pr_thr    [0.1  0.2  0.35 0.4  0.65 0.8  0.9 ]
   * average_precision_score 0.8583333333333332
   * f1max 0.7692307692307693 thr 0.35 P 0.625 R 1.0
   */
  private static final double[] TIES = {0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2, 0.65, 0.35};
  private static final int[] TIES_LABELS = {0, 0, 1, 1, 1, 0, 1, 0, 1, 0};

  @Test
  void rocCurveGroupsTiesLikeScikitLearn() {
    RocCurve roc = BinaryMetrics.rocCurve(TIES, TIES_LABELS);
    assertThat(roc.fpr()).containsExactly(new double[] {0, 0, 0, 0, 0.4, 0.6, 0.8, 1}, within(EPS));
    assertThat(roc.tpr())
        .containsExactly(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1}, within(EPS));
    assertThat(roc.thresholds())
        .containsExactly(Double.POSITIVE_INFINITY, 0.9, 0.8, 0.65, 0.4, 0.35, 0.2, 0.1);
  }

  @Test
  void aurocMatchesScikitLearnWithTies() {
    assertThat(BinaryMetrics.auroc(TIES, TIES_LABELS)).isCloseTo(0.86, within(EPS));
    assertThat(BinaryMetrics.rocCurve(TIES, TIES_LABELS).area()).isCloseTo(0.86, within(EPS));
  }

  @Test
  void prCurveIsScikitLearnsArraysReversed() {
    PrCurve pr = BinaryMetrics.prCurve(TIES, TIES_LABELS);
    assertThat(pr.recall())
        .containsExactly(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1}, within(EPS));
    assertThat(pr.precision())
        .containsExactly(
            new double[] {1, 1, 1, 1, 0.6666666666666666, 0.625, 0.5555555555555556, 0.5},
            within(EPS));
    assertThat(pr.thresholds())
        .containsExactly(Double.POSITIVE_INFINITY, 0.9, 0.8, 0.65, 0.4, 0.35, 0.2, 0.1);
  }

  @Test
  void averagePrecisionMatchesScikitLearnWithTies() {
    assertThat(BinaryMetrics.averagePrecision(TIES, TIES_LABELS))
        .isCloseTo(0.8583333333333332, within(EPS));
  }

  @Test
  void f1MaxAndItsThresholdMatchScikitLearn() {
    F1Max f = BinaryMetrics.f1Max(TIES, TIES_LABELS);
    assertThat(f.f1()).isCloseTo(0.7692307692307693, within(EPS));
    assertThat(f.threshold()).isEqualTo(0.35);
    assertThat(f.precision()).isCloseTo(0.625, within(EPS));
    assertThat(f.recall()).isCloseTo(1.0, within(EPS));
  }

  /*
   * rng = np.random.default_rng(7); n = 60
   * y = (rng.random(n) < 0.4).astype(int)
   * s = np.round(rng.normal(0.3 + 0.25*y, 0.15), 1)        # 8 distinct values, heavy ties
   * roc_auc_score 0.8548571428571428
   * average_precision_score 0.7756634656783985
   * f1max 0.7499999999999999 thr 0.5
   */
  private static final double[] HEAVY_TIES = {
    0.2, 0.3, 0.2, 0.6, 0.4, 0.2, 0.5, 0.4, 0.5, 0.1, 0.4, 0.6, 0.3, 0.2, 0.3, 0.5, 0.4, 0.3, 0.2,
    0.3, 0.8, 0.5, 0.3, 0.6, 0.5, 0.3, 0.1, 0.3, 0.2, 0.5, 0.4, 0.5, 0.7, 0.5, 0.5, 0.5, 0.6, 0.4,
    0.4, 0.3, 0.2, 0.3, 0.2, 0.3, 0.6, 0.2, 0.5, 0.3, 0.4, 0.3, 0.5, 0.4, 0.6, 0.4, 0.5, 0.6, 0.1,
    0.6, 0.2, 0.4
  };
  private static final int[] HEAVY_TIES_LABELS = {
    0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1,
    1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0
  };

  @Test
  void heavilyTiedScoresMatchScikitLearn() {
    CurveMetrics m = BinaryMetrics.evaluate(HEAVY_TIES, HEAVY_TIES_LABELS);
    assertThat(m.auroc().value()).isCloseTo(0.8548571428571428, within(EPS));
    assertThat(m.averagePrecision().value()).isCloseTo(0.7756634656783985, within(EPS));
    assertThat(m.f1Max().value()).isCloseTo(0.7499999999999999, within(EPS));
    assertThat(m.f1Threshold().value()).isEqualTo(0.5);
    assertThat(m.roc().size()).isEqualTo(9); // (0,0) + 8 distinct scores
  }

  @Test
  void allEqualScoresGiveAurocOneHalfAndApTheDefectShare() {
    // One group: the ROC goes straight from (0,0) to (1,1); AP = precision of the only step = P/n.
    double[] s = {0.42, 0.42, 0.42, 0.42, 0.42};
    int[] y = {1, 0, 0, 1, 0};
    assertThat(BinaryMetrics.auroc(s, y)).isEqualTo(0.5);
    assertThat(BinaryMetrics.averagePrecision(s, y)).isCloseTo(0.4, within(EPS));
    assertThat(BinaryMetrics.f1Max(s, y).f1()).isCloseTo(2 * 0.4 / 1.4, within(EPS));
  }

  @Test
  void perfectAndInvertedRankingsGiveOneAndZero() {
    double[] s = {0.1, 0.2, 0.8, 0.9};
    assertThat(BinaryMetrics.auroc(s, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
    assertThat(BinaryMetrics.auroc(s, new int[] {1, 1, 0, 0})).isEqualTo(0.0);
    assertThat(BinaryMetrics.averagePrecision(s, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
  }

  @Test
  void singleClassSplitsAreUndefinedWithAClearMessage() {
    double[] s = {0.1, 0.5, 0.7};
    assertThatThrownBy(() -> BinaryMetrics.auroc(s, new int[] {0, 0, 0}))
        .isInstanceOf(UndefinedMetricException.class)
        .hasMessageContaining("all 3 images are good")
        .hasMessageContaining("needs defective images");
    assertThatThrownBy(() -> BinaryMetrics.averagePrecision(s, new int[] {1, 1, 1}))
        .isInstanceOf(UndefinedMetricException.class)
        .hasMessageContaining("all 3 images are defective");
    assertThatThrownBy(() -> BinaryMetrics.f1Max(s, new int[] {0, 0, 0}))
        .isInstanceOf(UndefinedMetricException.class);
    CurveMetrics m = BinaryMetrics.evaluate(s, new int[] {0, 0, 0});
    assertThat(m.auroc().defined()).isFalse();
    assertThat(m.auroc().undefinedReason()).startsWith("AUROC is undefined: all 3 images are good");
    assertThat(m.roc()).isNull();
    assertThat(BinaryMetrics.evaluate(new double[0], new int[0]).auroc().undefinedReason())
        .contains("there are no images");
  }

  @Test
  void badInputNamesTheProblem() {
    assertThatThrownBy(() -> BinaryMetrics.auroc(new double[] {0.1, Double.NaN}, new int[] {0, 1}))
        .hasMessageContaining("score 1 is NaN");
    assertThatThrownBy(() -> BinaryMetrics.auroc(new double[] {0.1, 0.2}, new int[] {0, 2}))
        .hasMessageContaining("label 1 is 2");
    assertThatThrownBy(() -> BinaryMetrics.auroc(new double[] {0.1}, new int[] {0, 1}))
        .hasMessageContaining("1 scores but 2 labels");
  }

  @Test
  void f1MaximumIsFoundAndExactTiesResolveToTheLowestThreshold() {
    // Hand derivation, F1 = 2 TP / (TP + FP + P) at each threshold.
    // Scores 0.9(1) 0.8(0) 0.7(1) 0.6(0), P = 2:
    //   t=0.9: TP1 FP0 -> 2/3;  t=0.8: TP1 FP1 -> 1/2;  t=0.7: TP2 FP1 -> 4/5;  t=0.6: TP2 FP2 ->
    // 2/3.
    F1Max f = BinaryMetrics.f1Max(new double[] {0.9, 0.8, 0.7, 0.6}, new int[] {1, 0, 1, 0});
    assertThat(f.f1()).isCloseTo(0.8, within(EPS));
    assertThat(f.threshold()).isEqualTo(0.7);
    // Scores 0.9(1) 0.8(0) 0.7(0) 0.6(1), P = 2:
    //   t=0.9: TP1 FP0 -> 2/3;  t=0.8: 2/4;  t=0.7: 2/5;  t=0.6: TP2 FP2 -> 4/6 = 2/3.
    // The maximum 2/3 is reached exactly twice; the lowest threshold (0.6, recall 1) is chosen.
    F1Max tie = BinaryMetrics.f1Max(new double[] {0.9, 0.8, 0.7, 0.6}, new int[] {1, 0, 0, 1});
    assertThat(tie.f1()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(tie.threshold()).isEqualTo(0.6);
    assertThat(tie.recall()).isEqualTo(1.0);
  }

  @Test
  void falseRejectThresholdKeepsAtMostTheAllowedGoodImagesAbove() {
    // 10 good scores 0.10..0.55 step 0.05 and defective 0.52, 0.9. Target 10 %: floor(0.1*10) = 1
    // good image may score at or above the threshold. The second-highest good score 0.50 must
    // pass, so the threshold lies above 0.50, halfway to the next higher score (0.52): 0.51.
    double[] s = {0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.52, 0.9};
    int[] y = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
    double t = BinaryMetrics.thresholdForFalseRejectRate(s, y, 0.10);
    assertThat(t).isCloseTo(0.51, within(EPS));
    ConfusionCounts c = BinaryMetrics.confusion(s, y, t);
    assertThat(c.fp()).isEqualTo(1);
    assertThat(c.tp()).isEqualTo(2);
    // 0 %: nothing good may be flagged: halfway between 0.55 and 0.9.
    assertThat(BinaryMetrics.thresholdForFalseRejectRate(s, y, 0.0)).isCloseTo(0.725, within(EPS));
    // Good images only, 0 %: just above the highest good score.
    double[] good = {0.2, 0.3};
    double top = BinaryMetrics.thresholdForFalseRejectRate(good, new int[] {0, 0}, 0.0);
    assertThat(top).isGreaterThan(0.3).isEqualTo(Math.nextUp(0.3));
    assertThatThrownBy(
            () -> BinaryMetrics.thresholdForFalseRejectRate(good, new int[] {1, 1}, 0.01))
        .isInstanceOf(UndefinedMetricException.class)
        .hasMessageContaining("needs good images");
  }

  @Test
  void missRateThresholdIsTheHighestThatLetsAtMostTheAllowedDefectsPass() {
    // Defective scores 0.3, 0.5, 0.6, 0.8 (P = 4). 25 %: one may be missed -> threshold 0.5 (the
    // 0.3 one scores below it; 0.5 itself is flagged since score >= threshold). 0 %: 0.3.
    double[] s = {0.3, 0.5, 0.6, 0.8, 0.1, 0.55};
    int[] y = {1, 1, 1, 1, 0, 0};
    assertThat(BinaryMetrics.thresholdForMissRate(s, y, 0.25)).isEqualTo(0.5);
    assertThat(BinaryMetrics.thresholdForMissRate(s, y, 0.0)).isEqualTo(0.3);
    assertThat(BinaryMetrics.thresholdForMissRate(s, y, 0.24)).isEqualTo(0.3);
  }
}
