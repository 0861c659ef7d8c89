package sgsf.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColorMapTest {
  @Test
  void endsAreTheMapsPublishedKeyColours() {
    // matplotlib: viridis(0) = #440154, viridis(1) = #fde725; inferno(0) = #000004
    assertThat(ColorMap.VIRIDIS.argb(0f)).isEqualTo(0xff440154);
    assertThat(ColorMap.VIRIDIS.argb(1f)).isEqualTo(0xfffde725);
    assertThat(ColorMap.INFERNO.argb(0f)).isEqualTo(0xff000004);
    assertThat(ColorMap.GREY.argb(0.5f)).isEqualTo(0xff808080);
  }

  @Test
  void valuesOutsideTheRangeAndNaNAreClamped() {
    assertThat(ColorMap.JET.argb(-3f)).isEqualTo(ColorMap.JET.argb(0f));
    assertThat(ColorMap.JET.argb(7f)).isEqualTo(ColorMap.JET.argb(1f));
    assertThat(ColorMap.JET.argb(Float.NaN)).isEqualTo(ColorMap.JET.argb(0f));
  }

  @Test
  void greyRampIsMonotonic() {
    int prev = -1;
    for (int i = 0; i <= 100; i++) {
      int v = ColorMap.GREY.argb(i / 100f) & 0xff;
      assertThat(v).isGreaterThanOrEqualTo(prev);
      prev = v;
    }
  }
}
