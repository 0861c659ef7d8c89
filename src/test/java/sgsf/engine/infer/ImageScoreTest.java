package sgsf.engine.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sgsf.engine.image.FloatImage;

class ImageScoreTest {
  @Test
  void windowScalesWithTheMapSizeAndStaysOdd() {
    assertThat(ImageScore.window(256)).isEqualTo(21);
    assertThat(ImageScore.window(128)).isEqualTo(11);
    assertThat(ImageScore.window(512)).isEqualTo(43);
    assertThat(ImageScore.window(32)).isEqualTo(3);
  }

  @Test
  void aSingleHotPixelIsAveragedDownButABlobKeepsItsValue() {
    FloatImage speck = FloatImage.zeros(1, 64, 64);
    speck.set(0, 30, 30, 1f);
    // 5x5 window: one hot pixel contributes 1/25
    assertThat(ImageScore.score(speck, 5)).isCloseTo(1.0 / 25, within(1e-6));
    FloatImage blob = FloatImage.zeros(1, 64, 64);
    for (int y = 20; y < 30; y++) {
      for (int x = 20; x < 30; x++) {
        blob.set(0, y, x, 0.8f);
      }
    }
    assertThat(ImageScore.score(blob, 5)).isCloseTo(0.8, within(1e-6));
  }

  @Test
  void bordersArePaddedWithZerosLikeDraemsAveragePooling() {
    FloatImage corner = FloatImage.zeros(1, 16, 16);
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 2; x++) {
        corner.set(0, y, x, 1f);
      }
    }
    // 3x3 window centred on (0,0) sees 4 hot pixels of 9 (5 padded or cold)
    assertThat(ImageScore.score(corner, 3)).isCloseTo(4.0 / 9, within(1e-6));
  }

  /** A map that is 1 on a w x h rectangle at (x0, y0) and 0.05 elsewhere: a perfect detection. */
  private static FloatImage perfect(int size, int x0, int y0, int w, int h) {
    FloatImage m = FloatImage.filled(size, size, 0.05f);
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        m.set(0, y, x, 1f);
      }
    }
    return m;
  }

  /**
   * A defect on the image's edge scores at least as high as the same defect inside, under both
   * borders: the window that gives the maximum slides inward until it holds the whole defect, so
   * zero padding lowers the filtered map only at the border pixels, not its maximum.
   */
  @Test
  void anEdgeDefectScoresLikeTheSameDefectInside() {
    for (ImageScore.Rule rule :
        new ImageScore.Rule[] {ImageScore.Rule.DEFAULT, ImageScore.Rule.DRAEM}) {
      // a break along the left edge, 3 px wide and 20 px long, and one in the corner
      double inside = rule.score(perfect(128, 60, 50, 3, 20));
      assertThat(rule.score(perfect(128, 0, 50, 3, 20)))
          .as("%s", rule)
          .isGreaterThanOrEqualTo(inside - 1e-6);
      assertThat(rule.score(perfect(128, 0, 0, 3, 3)))
          .as("%s corner", rule)
          .isGreaterThanOrEqualTo(rule.score(perfect(128, 60, 60, 3, 3)) - 1e-6);
    }
  }

  @Test
  void aSmallDefectIsNotAveragedAwayUnderTheDefaultRule() {
    // a blowhole of 3x4 = 12 px at 128 px (a quarter of the real ones are this small or smaller)
    FloatImage small = perfect(128, 70, 40, 3, 4);
    double draem = ImageScore.Rule.DRAEM.score(small);
    double ours = ImageScore.Rule.DEFAULT.score(small);
    // DRAEM 11x11: 12 / 121 of the window hot -> about 0.14; default 5x5: 12 / 25 -> about 0.5
    assertThat(draem).isLessThan(0.2);
    assertThat(ours).isGreaterThan(0.45);
    // and a good map with no defect scores its background level under both rules
    assertThat(ImageScore.Rule.DEFAULT.score(FloatImage.filled(128, 128, 0.05f)))
        .isCloseTo(0.05, within(1e-6));
  }

  @Test
  void theRuleScalesItsWindowWithTheMap() {
    assertThat(ImageScore.Rule.DEFAULT.window(256)).isEqualTo(9);
    assertThat(ImageScore.Rule.DEFAULT.window(128)).isEqualTo(5);
    assertThat(ImageScore.Rule.DRAEM.window(128)).isEqualTo(11);
    assertThat(new ImageScore.Rule(1, ImageScore.Border.REFLECT).window(128)).isEqualTo(1);
  }
}
