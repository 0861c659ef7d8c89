package sgsf.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sgsf.engine.image.FloatImage;

class BrushMaskTest {
  @Test
  void aBrushStampCoversTheDiscOfItsRadius() {
    BrushMask m = new BrushMask(20, 20);
    m.beginStroke(10, 10, 3, true);
    m.endStroke();
    // pixel centres within distance 3 of (10, 10): count them independently
    int expected = 0;
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        double dx = x + 0.5 - 10;
        double dy = y + 0.5 - 10;
        if (dx * dx + dy * dy <= 9) {
          expected++;
          assertThat(m.get(x, y)).isTrue();
        }
      }
    }
    assertThat(m.area()).isEqualTo(expected).isEqualTo(32);
    assertThat(m.isDirty()).isTrue();
  }

  @Test
  void aFastDragLeavesNoGapsAndTheEraserRemoves() {
    BrushMask m = new BrushMask(100, 20);
    m.beginStroke(5, 10, 2, true);
    m.strokeTo(95, 10, 2, true);
    m.endStroke();
    for (int x = 5; x < 95; x++) {
      assertThat(m.get(x, 10)).as("x=%d", x).isTrue();
    }
    assertThat(m.get(50, 14)).isFalse();
    m.beginStroke(50, 10, 4, false);
    m.endStroke();
    assertThat(m.get(50, 10)).isFalse();
    assertThat(m.get(40, 10)).isTrue();
  }

  @Test
  void undoRevertsWholeStrokesInReverseOrder() {
    BrushMask m = new BrushMask(30, 30);
    m.beginStroke(5, 5, 2, true);
    m.strokeTo(10, 5, 2, true);
    m.endStroke();
    int afterFirst = m.area();
    m.beginStroke(20, 20, 3, true);
    m.endStroke();
    assertThat(m.area()).isGreaterThan(afterFirst);
    assertThat(m.undo()).isTrue();
    assertThat(m.area()).isEqualTo(afterFirst);
    assertThat(m.undo()).isTrue();
    assertThat(m.area()).isZero();
    assertThat(m.undo()).isFalse();
  }

  @Test
  void pngRoundTripKeepsEveryPixel() {
    BrushMask m = new BrushMask(17, 9);
    m.beginStroke(3, 4, 2.5, true);
    m.strokeTo(14, 2, 1, true);
    m.endStroke();
    BrushMask back = BrushMask.fromPng(m.toPng(), "mask");
    assertThat(back.width()).isEqualTo(17);
    assertThat(back.height()).isEqualTo(9);
    assertThat(back.pixels()).isEqualTo(m.pixels());
  }

  @Test
  void thePredictedRegionIsTheAnomalyMapAtOrAboveTheThresholdAtImageSize() {
    FloatImage map = FloatImage.zeros(1, 4, 4);
    map.set(0, 1, 1, 0.9f);
    map.set(0, 1, 2, 0.9f);
    map.set(0, 2, 1, 0.9f);
    map.set(0, 2, 2, 0.9f);
    BrushMask m = BrushMask.fromAnomalyMap(map, 0.5, 8, 8);
    assertThat(m.width()).isEqualTo(8);
    assertThat(m.get(3, 3)).isTrue();
    assertThat(m.get(4, 4)).isTrue();
    assertThat(m.get(0, 0)).isFalse();
    assertThat(m.get(7, 7)).isFalse();
    assertThat(BrushMask.fromAnomalyMap(map, 0.95, 8, 8).area()).isZero();
  }
}
