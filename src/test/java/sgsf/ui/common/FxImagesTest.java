package sgsf.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sgsf.engine.image.FloatImage;
import sgsf.ui.FxTestToolkit;

class FxImagesTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start();
  }

  @Test
  void greyValuesBecomeEqualRgbRoundedToEightBits() {
    FloatImage img = new FloatImage(1, 1, 3, new float[] {0f, 0.5f, 1.2f});
    PixelReader px = FxImages.toImage(img).getPixelReader();
    assertThat(px.getArgb(0, 0)).isEqualTo(0xff000000);
    assertThat(px.getArgb(1, 0)).isEqualTo(0xff808080); // 0.5 * 255 = 127.5 -> 128
    assertThat(px.getArgb(2, 0)).isEqualTo(0xffffffff); // clamped
  }

  @Test
  void colourPlanesMapToRedGreenBlue() {
    // one pixel, planes R=1, G=0.2, B=0 (CHW)
    FloatImage img = new FloatImage(3, 1, 1, new float[] {1f, 0.2f, 0f});
    int argb = FxImages.toImage(img).getPixelReader().getArgb(0, 0);
    assertThat(argb).isEqualTo(0xffff3300); // 0.2 * 255 = 51 = 0x33
  }

  @Test
  void heatmapStretchesTheGivenRangeOverTheColourMap() {
    FloatImage map = new FloatImage(1, 1, 2, new float[] {0.2f, 0.6f});
    WritableImage img = FxImages.heatmap(map, ColorMap.VIRIDIS, 0.2f, 0.6f);
    assertThat(img.getPixelReader().getArgb(0, 0)).isEqualTo(ColorMap.VIRIDIS.argb(0f));
    assertThat(img.getPixelReader().getArgb(1, 0)).isEqualTo(ColorMap.VIRIDIS.argb(1f));
  }

  @Test
  void maskOverlayIsTransparentOutsideTheMask() {
    FloatImage mask = new FloatImage(1, 1, 2, new float[] {0f, 1f});
    WritableImage img = FxImages.maskOverlay(mask, Color.rgb(255, 0, 0, 0.5));
    assertThat(img.getPixelReader().getColor(0, 0).getOpacity()).isZero();
    Color on = img.getPixelReader().getColor(1, 0);
    assertThat(on.getRed()).isEqualTo(1.0);
    assertThat(on.getOpacity()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
  }
}
