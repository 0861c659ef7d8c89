package sgsf.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary against scikit-learn / MVTec-AUPRO reference values, per type included. */
class MetricsSummaryTest {
  private static final double EPS = 1e-12;

  /*
   * Image level: the TIES data of BinaryMetricsTest with defect types
   *   s = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2, 0.65, 0.35]
   *   y = [0, 0, 1, 1, 1, 0, 1, 0, 1, 0]
   *   t = [good, good, a, b, a, good, b, good, a, good]
   *   for each type: m = (t == "good") | (t == typ); roc_auc_score(y[m], s[m]), average_precision
   *   a auroc 0.7666666666666666 ap 0.6666666666666667
   *   b auroc 1.0 ap 1.0
   * Pixel level: image 0 (good) carries map S0, image 2 (type a) S1/G1, image 3 (type b) S2/G2 of
   * PixelMetricsTest; per type, the good map plus the type's map (same script as there):
   *   a auroc 0.888250319284802  ap 0.6801346801346801 aupro 0.740345785440613
   *   b auroc 0.9802867383512545 ap 0.5                aupro 0.934289127837515
   */
  static List<EvaluatedImage> images() {
    double[] s = {0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2, 0.65, 0.35};
    int[] y = {0, 0, 1, 1, 1, 0, 1, 0, 1, 0};
    String[] t = {"good", "good", "a", "b", "a", "good", "b", "good", "a", "good"};
    List<EvaluatedImage> list = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      String path = "img" + i + ".png";
      if (i == 0) {
        list.add(new EvaluatedImage(path, t[i], y[i], s[i], 8, 6, PixelMetricsTest.S0, null));
      } else if (i == 2) {
        list.add(
            new EvaluatedImage(
                path, t[i], y[i], s[i], 8, 6, PixelMetricsTest.S1, PixelMetricsTest.G1));
      } else if (i == 3) {
        list.add(
            new EvaluatedImage(
                path, t[i], y[i], s[i], 8, 6, PixelMetricsTest.S2, PixelMetricsTest.G2));
      } else {
        list.add(EvaluatedImage.scoreOnly(path, t[i], y[i], s[i]));
      }
    }
    return list;
  }

  static Thresholds thresholds() {
    return Thresholds.manual(0.35, 0.65, 0.5, 0.1, 0.9, 0, 1);
  }

  @Test
  void summaryMatchesTheReferenceValues() {
    MetricsSummary m = MetricsSummary.compute(images(), thresholds());
    assertThat(m.images()).isEqualTo(10);
    assertThat(m.goodImages()).isEqualTo(5);
    assertThat(m.image().curves().auroc().value()).isCloseTo(0.86, within(EPS));
    assertThat(m.image().curves().averagePrecision().value())
        .isCloseTo(0.8583333333333332, within(EPS));
    assertThat(m.pixel().curves().auroc().value()).isCloseTo(0.9116161616161617, within(EPS));
    assertThat(m.pixel().curves().averagePrecision().value())
        .isCloseTo(0.6306593690107622, within(EPS));
    assertThat(m.pixel().curves().aupro().value()).isCloseTo(0.7965921844709725, within(EPS));
    assertThat(m.pixel().maps()).isEqualTo(3);
    assertThat(m.pixel().resolutions()).containsExactly("8x6");
    assertThat(m.pixel().atThreshold()).isEqualTo(new ConfusionCounts(10, 24, 108, 2));

    TypeMetrics a = m.perType().get(0);
    TypeMetrics b = m.perType().get(1);
    assertThat(a.defectType()).isEqualTo("a");
    assertThat(a.images()).isEqualTo(3);
    assertThat(a.goodImages()).isEqualTo(5);
    assertThat(a.image().auroc().value()).isCloseTo(0.7666666666666666, within(EPS));
    assertThat(a.image().averagePrecision().value()).isCloseTo(0.6666666666666667, within(EPS));
    assertThat(b.image().auroc().value()).isEqualTo(1.0);
    assertThat(a.pixel().auroc().value()).isCloseTo(0.888250319284802, within(EPS));
    assertThat(a.pixel().averagePrecision().value()).isCloseTo(0.6801346801346801, within(EPS));
    assertThat(a.pixel().aupro().value()).isCloseTo(0.740345785440613, within(EPS));
    assertThat(b.pixel().auroc().value()).isCloseTo(0.9802867383512545, within(EPS));
    assertThat(b.pixel().averagePrecision().value()).isCloseTo(0.5, within(EPS));
    assertThat(b.pixel().aupro().value()).isCloseTo(0.934289127837515, within(EPS));
  }

  @Test
  void verdictsAndAtThresholdCountsFollowTheReviewBand() {
    // Band [0.35, 0.65). Good 0.1 0.4 0.4 0.2 0.35 -> OK 0.1, 0.2; REVIEW 0.4, 0.4, 0.35; NG none.
    // Type a 0.35 0.4 0.65 -> REVIEW, REVIEW, NG. Type b 0.8 0.9 -> NG, NG.
    MetricsSummary m = MetricsSummary.compute(images(), thresholds());
    assertThat(m.image().review()).isEqualTo(new ReviewCounts(2, 3, 0, 0, 2, 3));
    // At NG (>= 0.65): TP 3 (0.65 0.8 0.9), FP 0, TN 5, FN 2.
    assertThat(m.image().atNg()).isEqualTo(new ConfusionCounts(3, 0, 5, 2));
    // At REVIEW-or-NG (>= 0.35): TP 5, FP 3 (0.4 0.4 0.35), TN 2, FN 0.
    assertThat(m.image().atReview()).isEqualTo(new ConfusionCounts(5, 3, 2, 0));
    assertThat(m.image().atNg().mAcc().value()).isCloseTo((3.0 / 5 + 1.0) / 2, within(EPS));
    TypeMetrics a = m.perType().get(0);
    assertThat(a.detectionRate().value()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(a.escapeRate().value()).isEqualTo(0.0);
    assertThat(a.review().defectiveReview()).isEqualTo(2);
  }

  @Test
  void singleClassSetsAreReportedAsUndefinedWithNotes() {
    List<EvaluatedImage> good = images().stream().filter(e -> !e.defective()).toList();
    MetricsSummary m = MetricsSummary.compute(good, thresholds());
    assertThat(m.image().curves().auroc().defined()).isFalse();
    assertThat(m.perType()).isEmpty();
    assertThat(m.notes())
        .anyMatch(n -> n.startsWith("Image-level AUROC is undefined: all 5 images are good"))
        .anyMatch(n -> n.startsWith("Pixel-level AUROC is undefined"));
    assertThat(m.pixel().curves().aupro().undefinedReason()).contains("no defect region");
  }

  @Test
  void defectiveImagesWithoutMasksAreLeftOutOfPixelMetricsAndCounted() {
    List<EvaluatedImage> list = new ArrayList<>(images());
    list.add(new EvaluatedImage("nomask.png", "a", 1, 0.7, 8, 6, PixelMetricsTest.S2, null));
    MetricsSummary m = MetricsSummary.compute(list, thresholds());
    assertThat(m.pixel().skippedWithoutMask()).isEqualTo(1);
    assertThat(m.pixel().maps()).isEqualTo(3);
    assertThat(m.notes()).anyMatch(n -> n.contains("1 defective image(s) have an anomaly map"));
    assertThat(m.pixel().curves().auroc().value()).isCloseTo(0.9116161616161617, within(EPS));
  }

  @Test
  void worstFalseAlarmsAndMissesAreRanked() {
    assertThat(MetricsSummary.highestScoringGood(images(), 2))
        .extracting(EvaluatedImage::score)
        .containsExactly(0.4, 0.4);
    assertThat(MetricsSummary.lowestScoringDefective(images(), 3))
        .extracting(EvaluatedImage::score)
        .containsExactly(0.35, 0.4, 0.65);
  }

  @Test
  void inconsistentImagesAreRejectedNamingTheFile() {
    assertThatThrownBy(() -> EvaluatedImage.scoreOnly("x.png", "good", 1, 0.3))
        .hasMessageContaining("x.png: defect type 'good' contradicts label 1");
    assertThatThrownBy(
            () ->
                new EvaluatedImage("g.png", "good", 0, 0.3, 2, 1, new float[2], new byte[] {0, 1}))
        .hasMessageContaining("g.png: a good image has 1 defect pixels");
    assertThatThrownBy(() -> EvaluatedImage.scoreOnly("n.png", "a", 1, Double.NaN))
        .hasMessageContaining("n.png: the image score is NaN");
    assertThatThrownBy(() -> MetricsSummary.compute(List.of(), thresholds()))
        .hasMessageContaining("no evaluated images");
  }
}
