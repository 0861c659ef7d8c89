package sgsf.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

  private static Thresholds band(double lower, double upper) {
    return Thresholds.manual(lower, upper, 0.4, 0.1, 0.9, 0.0, 1.0);
  }

  @Test
  void reviewBandVerdictsAtTheEdges() {
    Thresholds t = band(0.3, 0.6);
    assertThat(t.verdict(0.2999999)).isEqualTo(Verdict.OK);
    assertThat(t.verdict(0.3)).isEqualTo(Verdict.REVIEW); // at the lower edge: not OK any more
    assertThat(t.verdict(0.5999999)).isEqualTo(Verdict.REVIEW);
    assertThat(t.verdict(0.6)).isEqualTo(Verdict.NG); // at the upper edge: NG
    assertThat(t.verdict(10)).isEqualTo(Verdict.NG);
    assertThat(t.hasReviewBand()).isTrue();
    Thresholds single = band(0.5, 0.5);
    assertThat(single.hasReviewBand()).isFalse();
    assertThat(single.verdict(Math.nextDown(0.5))).isEqualTo(Verdict.OK);
    assertThat(single.verdict(0.5)).isEqualTo(Verdict.NG);
  }

  @Test
  void normalisationPinsTheThresholdAtOneHalf() {
    // anomalib: ((s - t) / (max - min)) + 0.5, clipped to [0, 1] (the anomaly maps' normalisation).
    // t = 0.6, min 0.1, max 0.9 (span 0.8): 0.6 -> 0.5; 0.7 -> 0.625; 0.2 -> 0.0; 1.5 -> 1 (clip)
    ScoreNormalisation n = new ScoreNormalisation(0.6, 0.1, 0.9);
    assertThat(n.apply(0.6)).isEqualTo(0.5);
    assertThat(n.apply(0.7)).isCloseTo(0.625, within(1e-12));
    assertThat(n.apply(0.2)).isCloseTo(0.0, within(1e-12));
    assertThat(n.apply(0.1)).isEqualTo(0.0); // (0.1 - 0.6)/0.8 + 0.5 = -0.125, clipped
    assertThat(n.apply(1.5)).isEqualTo(1.0);
    assertThat(n.apply(0.3)).isCloseTo(0.125, within(1e-12));
    assertThat(n.invert(0.625)).isCloseTo(0.7, within(1e-12));
    // the image normalisation: normalised >= 0.5 is the NG decision, for any score
    Thresholds t = band(0.3, 0.6);
    for (double s = 0; s < 1.2; s += 0.013) {
      assertThat(t.imageNormalisation().apply(s) >= 0.5).isEqualTo(t.verdict(s) == Verdict.NG);
    }
    assertThat(t.pixelNormalisation().apply(0.4)).isEqualTo(0.5);
    // all scores equal: the span falls back to 1 and the threshold still maps to 0.5
    ScoreNormalisation flat = new ScoreNormalisation(0.7, 0.7, 0.7);
    assertThat(flat.apply(0.7)).isEqualTo(0.5);
    assertThat(flat.apply(0.8)).isCloseTo(0.6, within(1e-12));
  }

  /** Checks the three verdict ranges and strict monotony over a sweep of raw scores. */
  private static void assertKeepsTheBandVisible(Thresholds t) {
    double previous = -1;
    for (double s = -2; s < 3; s += 0.001) {
      double n = t.imageNormalisation().apply(s);
      assertThat(n).as("score %s", s).isGreaterThan(previous).isBetween(0.0, 1.0);
      previous = n;
      switch (t.verdict(s)) {
        case OK -> assertThat(n).as("OK score %s", s).isLessThan(0.25);
        case REVIEW ->
            assertThat(n).as("REVIEW score %s", s).isBetween(0.25, 0.5).isNotEqualTo(0.5);
        case NG -> assertThat(n).as("NG score %s", s).isGreaterThanOrEqualTo(0.5);
      }
    }
    assertThat(t.imageNormalisation().apply(t.imageUpper())).isEqualTo(0.5);
  }

  @Test
  void normalisedImageScoresKeepAWideReviewBandVisible() {
    // the band 0.05 .. 0.95 over scores 0 .. 1: a clipped linear map sends OK and REVIEW to 0
    Thresholds wide = Thresholds.manual(0.05, 0.95, 0.5, 0.0, 1.0, 0.0, 1.0);
    assertKeepsTheBandVisible(wide);
    double ok = wide.imageNormalisation().apply(0.02);
    double review = wide.imageNormalisation().apply(0.30);
    assertThat(ok).isGreaterThan(0).isLessThan(review);
    assertThat(wide.imageNormalisation().apply(0.05)).isEqualTo(0.25);
  }

  @Test
  void normalisedImageScoresWithAnEmptyBandHaveNoReviewRange() {
    Thresholds empty = Thresholds.manual(0.4, 0.4, 0.5, 0.1, 0.9, 0.0, 1.0);
    assertKeepsTheBandVisible(empty);
    assertThat(empty.imageNormalisation().apply(Math.nextDown(0.4))).isLessThan(0.25);
    // all scores equal: the width falls back to 1, still strictly increasing
    assertKeepsTheBandVisible(Thresholds.manual(0.4, 0.4, 0.5, 0.4, 0.4, 0.0, 1.0));
  }

  @Test
  void roundTripsThroughJacksonAsPlainJson() throws Exception {
    Thresholds t =
        new Thresholds(
            0.31,
            0.62,
            "MISS_RATE",
            0.02,
            "FALSE_REJECT_RATE",
            0.01,
            0.45,
            "F1_MAX",
            0,
            0.05,
            0.97,
            0.0,
            1.0,
            "96 good, 200 defective images",
            "");
    ObjectMapper mapper = new ObjectMapper();
    String json = mapper.writeValueAsString(t);
    assertThat(json)
        .contains("\"imageLower\":0.31", "\"imageUpperMethod\":\"FALSE_REJECT_RATE\"")
        .doesNotContain("imageNormalisation", "reviewBand");
    assertThat(mapper.readValue(json, Thresholds.class)).isEqualTo(t);
  }

  @Test
  void describesHowEachThresholdWasChosen() {
    Thresholds t =
        new Thresholds(
            0.31,
            0.62,
            "MISS_RATE",
            0.02,
            "FALSE_REJECT_RATE",
            0.01,
            0.45,
            "F1_MAX",
            0,
            0,
            1,
            0,
            1,
            "",
            "");
    assertThat(t.describe())
        .contains("image OK below 0.31 (miss rate <= 2 %)")
        .contains("image NG at or above 0.62 (false-reject rate <= 1 %)")
        .contains("pixel defect at or above 0.45 (F1-max)");
  }

  @Test
  void rejectsInconsistentThresholds() {
    assertThatThrownBy(() -> band(0.7, 0.6)).hasMessageContaining("lies above the NG threshold");
    assertThatThrownBy(
            () ->
                new Thresholds(
                    0.3, 0.6, "BEST", 0, "F1_MAX", 0, 0.4, "F1_MAX", 0, 0, 1, 0, 1, "", ""))
        .hasMessageContaining("imageLowerMethod is 'BEST'");
    assertThatThrownBy(
            () ->
                new Thresholds(
                    0.3, 0.6, "MISS_RATE", 5, "F1_MAX", 0, 0.4, "F1_MAX", 0, 0, 1, 0, 1, "", ""))
        .hasMessageContaining("target rate must lie in [0, 1]");
    assertThatThrownBy(() -> Thresholds.manual(Double.NaN, 0.5, 0.5, 0, 1, 0, 1))
        .hasMessageContaining("imageLower must be a finite number");
  }
}
