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
}
