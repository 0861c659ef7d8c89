package sgsf.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.Thresholds;

class ThresholdChoiceTest {
  private static EvaluatedImage good(String name, double score) {
    return new EvaluatedImage(name, EvaluatedImage.GOOD, 0, score, 0, 0, null, null);
  }

  private static EvaluatedImage bad(String name, double score) {
    return new EvaluatedImage(name, "crack", 1, score, 0, 0, null, null);
  }

  @Test
  void storedThresholdsWin() {
    Thresholds stored = Thresholds.manual(0.2, 0.4, 0.5, 0, 1, 0, 1);
    ThresholdChoice c =
        ThresholdChoice.choose(stored, List.of(good("a", 0.1), bad("b", 0.9)), new double[0]);
    assertThat(c.thresholds()).isSameAs(stored);
    assertThat(c.origin()).isEqualTo(ThresholdChoice.STORED);
  }

  @Test
  void goodAndDefectiveImagesGiveAReviewBandWithNgAtF1Max() {
    // 20 good at 0.1..0.29, 20 defective at 0.25..0.44: F1 peaks inside the overlap
    List<EvaluatedImage> images = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      images.add(good("g" + i, 0.1 + i * 0.01));
      images.add(bad("d" + i, 0.25 + i * 0.01));
    }
    ThresholdChoice c = ThresholdChoice.choose(null, images, new double[0]);
    Thresholds t = c.thresholds();
    assertThat(t.imageUpperMethod()).isEqualTo("F1_MAX");
    assertThat(t.imageLowerMethod()).isEqualTo("MISS_RATE");
    assertThat(t.imageLowerTarget()).isEqualTo(ThresholdChoice.OK_MISS_RATE);
    assertThat(t.imageLower()).isLessThanOrEqualTo(t.imageUpper());
    // no anomaly maps: the pixel threshold falls back to 0.5 and the origin says so
    assertThat(t.pixelMethod()).isEqualTo("MANUAL");
    assertThat(c.origin()).startsWith("review band calibrated").contains("no usable pixel");
  }

  @Test
  void goodImagesOnlyGiveAFalseRejectTarget() {
    List<EvaluatedImage> images = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      images.add(good("g" + i, i / 100.0));
    }
    ThresholdChoice c = ThresholdChoice.choose(null, images, new double[0]);
    assertThat(c.thresholds().imageUpperMethod()).isEqualTo("FALSE_REJECT_RATE");
    assertThat(c.thresholds().imageLower()).isEqualTo(c.thresholds().imageUpper());
    assertThat(c.origin()).isEqualTo("1 % false rejects on the good images");
  }

  @Test
  void noGroundTruthGivesTheDefaultsOverTheScoreRange() {
    ThresholdChoice c = ThresholdChoice.choose(null, List.of(), new double[] {0.2, 0.9});
    assertThat(c.thresholds().imageUpper()).isEqualTo(0.5);
    assertThat(c.thresholds().imageScoreMin()).isEqualTo(0.2);
    assertThat(c.thresholds().imageScoreMax()).isEqualTo(0.9);
    assertThat(c.origin()).startsWith("defaults");
  }
}
