package sgsf.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContrastSetsTest {
  @Test
  void eachSetHoldsTheMostCosineSimilarOtherImagesNeverItself() {
    // unit vectors at angles 0, 10, 20, 90, 100 degrees: cosine similarity falls with the angle
    double[] deg = {0, 10, 20, 90, 100};
    float[][] e = new float[deg.length][];
    for (int i = 0; i < deg.length; i++) {
      double r = Math.toRadians(deg[i]);
      e[i] = new float[] {(float) Math.cos(r) * (i + 1), (float) Math.sin(r) * (i + 1)};
    }
    ContrastSets sets = ContrastSets.build(e, 2);
    assertThat(sets.setOf(0)).containsExactly(1, 2);
    assertThat(sets.setOf(1)).containsExactlyInAnyOrder(0, 2);
    assertThat(sets.setOf(3)).containsExactly(4, 2);
    for (int i = 0; i < deg.length; i++) {
      assertThat(sets.setOf(i)).doesNotContain(i).hasSize(2);
    }
  }

  @Test
  void smallTrainingSetsUseAllOtherImages() {
    ContrastSets sets = ContrastSets.build(new float[][] {{1, 0}, {0, 1}, {1, 1}}, 4);
    assertThat(sets.setOf(0)).containsExactlyInAnyOrder(2, 1);
    assertThatThrownBy(() -> ContrastSets.build(new float[][] {{1, 0}}, 4))
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> new ContrastSets(new int[][] {{0}}))
        .hasMessageContaining("own contrast set");
  }
}
