package sgsf.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sgsf.engine.image.FloatImage;

class SymmetriesTest {
  /** A 3x3 image with distinct values 0..8 in the first channel and 10..18 in the second. */
  private static FloatImage grid() {
    float[] d = new float[18];
    for (int i = 0; i < 9; i++) {
      d[i] = i;
      d[9 + i] = 10 + i;
    }
    return new FloatImage(2, 3, 3, d);
  }

  @Test
  void theEightSymmetriesAreDistinctPermutationsOfThePixels() {
    Set<List<Float>> seen = new HashSet<>();
    for (int k = 0; k < Symmetries.COUNT; k++) {
      float[] d = Symmetries.apply(grid(), k).data();
      List<Float> values = new java.util.ArrayList<>();
      for (float v : d) {
        values.add(v);
      }
      seen.add(values);
      // the same permutation in every channel, and the centre stays
      for (int i = 0; i < 9; i++) {
        assertThat(d[9 + i]).isEqualTo(d[i] + 10);
      }
      assertThat(d[4]).isEqualTo(4f);
    }
    assertThat(seen).hasSize(8);
  }

  @Test
  void aQuarterTurnIsClockwiseAndTheMirrorIsLeftRight() {
    // 0 1 2 / 3 4 5 / 6 7 8 turned clockwise: 6 3 0 / 7 4 1 / 8 5 2
    assertThat(Symmetries.apply(grid(), 2).data()).startsWith(6f, 3f, 0f, 7f, 4f, 1f, 8f, 5f, 2f);
    assertThat(Symmetries.apply(grid(), 1).data()).startsWith(2f, 1f, 0f, 5f, 4f, 3f, 8f, 7f, 6f);
  }
}
