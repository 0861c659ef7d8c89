package sgsf.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeatmapsTest {

  private static double luminance(int rgb) {
    return 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
  }

  @Test
  void infernoRunsFromNearBlackToBrightYellowWithRisingLightness() {
    int[] lut = Heatmaps.lut(Heatmaps.Palette.INFERNO);
    assertThat(lut).hasSize(256);
    assertThat(luminance(lut[0])).isLessThan(15);
    assertThat(lut[255] >> 16 & 0xFF).isGreaterThan(230); // red
    assertThat(lut[255] >> 8 & 0xFF).isGreaterThan(230); // green
    for (int i = 16; i < 256; i += 16) {
      assertThat(luminance(lut[i])).isGreaterThan(luminance(lut[i - 16]));
    }
    int[] jet = Heatmaps.lut(Heatmaps.Palette.JET);
    assertThat(jet[0] & 0xFF).isGreaterThan(jet[0] >> 16 & 0xFF); // jet starts blue
    assertThat(jet[255] >> 16 & 0xFF).isGreaterThan(jet[255] & 0xFF); // and ends red
  }

  @Test
  void colouriseMapsValuesThroughTheLinearMapAndClips() {
    int[] lut = Heatmaps.lut(Heatmaps.Palette.INFERNO);
    // gain 2, offset -0.5: 0.25 -> 0 (dark end), 0.75 -> 1 (bright end), 0.5 -> 0.5, 2 -> clip 1
    float[] map = {0.25f, 0.75f, 0.5f, 2f};
    FloatImage c = Heatmaps.colourise(map, 4, 1, 2, -0.5, Heatmaps.Palette.INFERNO);
    assertThat(c.channels()).isEqualTo(3);
    assertThat(c.get(0, 0, 0)).isCloseTo((lut[0] >> 16 & 0xFF) / 255f, within(1e-6f));
    assertThat(c.get(1, 0, 1)).isCloseTo((lut[255] >> 8 & 0xFF) / 255f, within(1e-6f));
    assertThat(c.get(0, 0, 2)).isCloseTo((lut[128] >> 16 & 0xFF) / 255f, within(1e-6f));
    assertThat(c.get(0, 0, 3)).isEqualTo(c.get(0, 0, 1));
  }

  @Test
  void overlayBlendsHeatOverTheImageAndOutlineMarksTheMaskBoundary() {
    FloatImage grey = FloatImage.filled(6, 6, 0.5f);
    float[] zeros = new float[36];
    FloatImage o = Heatmaps.overlay(grey, zeros, 6, 6, 1, 0, 0.5, Heatmaps.Palette.INFERNO);
    int dark = Heatmaps.lut(Heatmaps.Palette.INFERNO)[0];
    assertThat(o.get(0, 3, 3))
        .isCloseTo(0.5f * 0.5f + 0.5f * (dark >> 16 & 0xFF) / 255f, within(1e-5f));
    byte[] mask = new byte[36];
    for (int y = 1; y < 5; y++) {
      for (int x = 1; x < 5; x++) {
        mask[y * 6 + x] = 1;
      }
    }
    FloatImage out = Heatmaps.outline(o, mask, 0f, 1f, 1f);
    assertThat(out.get(1, 1, 1)).isEqualTo(1f); // on the mask's edge
    assertThat(out.get(1, 0, 0)).isEqualTo(1f); // just outside (the gradient is 2 px wide)
    assertThat(out.get(1, 3, 3)).isEqualTo(o.get(1, 3, 3)); // interior untouched
  }
}
