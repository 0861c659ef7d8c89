package sgsf.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibratorTest {

  /** Good scores 0.10..0.55 (step 0.05), defective 0.45, 0.52, 0.7, 0.9 (type "a"/"b"). */
  static List<EvaluatedImage> images() {
    List<EvaluatedImage> list = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      list.add(EvaluatedImage.scoreOnly("good/" + i + ".png", "good", 0, 0.10 + 0.05 * i));
    }
    list.add(EvaluatedImage.scoreOnly("a/0.png", "a", 1, 0.45));
    list.add(EvaluatedImage.scoreOnly("a/1.png", "a", 1, 0.52));
    list.add(EvaluatedImage.scoreOnly("b/0.png", "b", 1, 0.7));
    list.add(EvaluatedImage.scoreOnly("b/1.png", "b", 1, 0.9));
    return list;
  }

  @Test
  void reviewBandFromFalseRejectAndMissRateTargets() {
    // NG: false-reject rate <= 10 % of 10 good -> 1 good may be NG -> threshold between the
    // 2nd-highest good score 0.50 and the next higher score 0.52: 0.51.
    // OK: miss rate <= 25 % of 4 defective -> 1 may pass -> the 2nd-lowest defective score 0.52
    // would be the highest allowed; that is above 0.51, so the band collapses to one threshold
    // halfway: 0.515 (both targets hold there).
    Thresholds t =
        ThresholdCalibrator.calibrate(
            images(),
            new ThresholdPolicy(
                ThresholdRule.falseRejectRate(0.10),
                ThresholdRule.missRate(0.25),
                ThresholdRule.manual(0.5)));
    assertThat(t.imageUpper()).isCloseTo(0.515, within(1e-12));
    assertThat(t.imageLower()).isEqualTo(t.imageUpper());
    assertThat(t.note()).contains("no review band needed");
    // Miss rate 0 %: OK only below the lowest defective score 0.45 -> band [0.45, 0.51).
    Thresholds band =
        ThresholdCalibrator.calibrate(
            images(),
            new ThresholdPolicy(
                ThresholdRule.falseRejectRate(0.10),
                ThresholdRule.missRate(0.0),
                ThresholdRule.manual(0.5)));
    assertThat(band.imageLower()).isEqualTo(0.45);
    assertThat(band.imageUpper()).isCloseTo(0.51, within(1e-12));
    assertThat(band.imageLowerMethod()).isEqualTo("MISS_RATE");
    assertThat(band.imageUpperMethod()).isEqualTo("FALSE_REJECT_RATE");
    assertThat(band.imageUpperTarget()).isEqualTo(0.10);
    ReviewCounts rc = ReviewCounts.of(images(), band);
    // good 0.45 and 0.50 are REVIEW, 0.55 NG; defective 0.45 REVIEW, 0.52 / 0.7 / 0.9 NG.
    assertThat(rc).isEqualTo(new ReviewCounts(7, 2, 1, 0, 1, 3));
    assertThat(band.imageScoreMin()).isCloseTo(0.10, within(1e-12));
    assertThat(band.imageScoreMax()).isEqualTo(0.9);
    assertThat(band.calibratedOn()).isEqualTo("10 good, 4 defective images");
  }

  @Test
  void f1MaxNeedsDefectiveImagesAndSaysWhatToUseInstead() {
    List<EvaluatedImage> goodOnly = images().subList(0, 10);
    assertThatThrownBy(() -> ThresholdCalibrator.calibrate(goodOnly, ThresholdPolicy.f1Max()))
        .isInstanceOf(UndefinedMetricException.class)
        .hasMessageContaining("cannot choose the NG (upper) threshold by F1-max")
        .hasMessageContaining("all 10 images are good")
        .hasMessageContaining("use a false-reject-rate target");
    Thresholds t =
        ThresholdCalibrator.calibrate(
            goodOnly,
            new ThresholdPolicy(
                ThresholdRule.falseRejectRate(0.0), null, ThresholdRule.manual(0.5)));
    assertThat(t.imageUpper()).isEqualTo(Math.nextUp(0.55));
    assertThat(t.verdict(0.55)).isEqualTo(Verdict.OK);
  }

  @Test
  void pixelThresholdNeedsMapsUnlessSetByHand() {
    assertThatThrownBy(() -> ThresholdCalibrator.calibrate(images(), ThresholdPolicy.f1Max()))
        .hasMessageContaining("cannot choose the pixel threshold by F1-max")
        .hasMessageContaining("no image has an anomaly map");
  }

  @Test
  void pixelF1AndFalsePositiveRateThresholdsFromMaps() {
    // The 3 reference maps of PixelMetricsTest as images: F1-max pixel threshold 0.6f (sklearn).
    List<PixelMap> maps = PixelMetricsTest.referenceMaps();
    List<EvaluatedImage> list = new ArrayList<>();
    for (int i = 0; i < maps.size(); i++) {
      PixelMap m = maps.get(i);
      int label = m.mask() == null ? 0 : 1;
      list.add(
          new EvaluatedImage(
              "m" + i,
              label == 0 ? "good" : "x",
              label,
              0.2 + 0.3 * i,
              8,
              6,
              m.scores(),
              m.mask()));
    }
    Thresholds t = ThresholdCalibrator.calibrate(list, ThresholdPolicy.f1Max());
    assertThat(t.pixelThreshold()).isEqualTo(0.6000000238418579);
    assertThat(t.pixelScoreMin()).isEqualTo(0.0);
    assertThat(t.pixelScoreMax()).isEqualTo(1.0);
    // FPR <= 5 % on the 144 - 12 = 132 normal pixels: floor(6.6) = 6 may be flagged. Normal
    // pixel scores >= 0.5 (counted in PixelMetricsTest.confusionCountsPixelsOverAllMaps):
    // 0.5 x19, 0.6 x2, 0.7 x2, 0.8 x1. At 0.6 five are flagged (<= 6), at 0.5 twenty-four (> 6),
    // so the threshold lies above 0.5, halfway to the next higher score 0.6 (as floats): 0.55.
    Thresholds f =
        ThresholdCalibrator.calibrate(
            list,
            new ThresholdPolicy(ThresholdRule.f1Max(), null, ThresholdRule.falseRejectRate(0.05)));
    assertThat(f.pixelThreshold()).isCloseTo((0.5f + 0.6f) / 2.0, within(1e-7));
    ConfusionCounts c = PixelMetrics.confusion(maps, f.pixelThreshold());
    assertThat(c.fp()).isEqualTo(5);
  }

  @Test
  void goodImagesAloneCalibrateByFalseRejectRates() {
    // Training-time calibration sees good images only: image and pixel thresholds from
    // false-reject targets. Map of image i: 100 pixels with values (i*100 + p) / 1000.
    List<EvaluatedImage> good = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      float[] map = new float[100];
      for (int p = 0; p < 100; p++) {
        map[p] = (i * 100 + p) / 1000f;
      }
      good.add(new EvaluatedImage("g" + i, "good", 0, 0.1 * (i + 1), 10, 10, map, null));
    }
    Thresholds t = ThresholdCalibrator.calibrate(good, ThresholdPolicy.falseRejectRate(0.2, 0.01));
    // 20 % of 5 good images: 1 may be rejected -> above 0.4 (2nd highest), halfway to 0.5.
    assertThat(t.imageUpper()).isCloseTo(0.45, within(1e-12));
    // 1 % of 500 normal pixels: 5 may be flagged -> the 6th highest value 0.494 must pass:
    // halfway to 0.495.
    assertThat(t.pixelThreshold()).isCloseTo((0.494f + 0.495f) / 2.0, within(1e-7));
    assertThat(
            PixelMetrics.confusion(
                    good.stream().map(EvaluatedImage::pixelMap).toList(), t.pixelThreshold())
                .fp())
        .isEqualTo(5);
    assertThat(t.calibratedOn()).isEqualTo("5 good, 0 defective images, 5 anomaly maps");
  }
}
