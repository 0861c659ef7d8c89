package sgsf.ui.neighbours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sgsf.engine.backend.Backend;
import sgsf.engine.image.FloatImage;
import sgsf.engine.model.FeatureBank;

class NeighbourAnalysisTest {
  static {
    Backend.configureProperties();
  }

  /** Unit vectors at the given angles (degrees) in the plane, plus a zero third component. */
  static FeatureBank bankAtAngles(double... degrees) {
    List<String> ids = new ArrayList<>();
    List<FloatImage> imgs = new ArrayList<>();
    float[][] e = new float[degrees.length][];
    for (int i = 0; i < degrees.length; i++) {
      double r = Math.toRadians(degrees[i]);
      e[i] = new float[] {(float) Math.cos(r), (float) Math.sin(r), 0f};
      ids.add("train/" + i + ".png");
      imgs.add(FloatImage.zeros(3, 2, 2));
    }
    return new FeatureBank(ids, imgs, e);
  }

  @Test
  void theOddOneOutIsLeastTypical() {
    // four images within 10 degrees of each other and one at 90 degrees
    FeatureBank bank = bankAtAngles(0, 5, 10, 3, 90);
    List<NeighbourAnalysis.Typicality> t = NeighbourAnalysis.leastTypical(bank, 2);
    assertThat(t.get(0).index()).isEqualTo(4);
    // its two nearest others are at 10 and 5 degrees: mean cos(80) and cos(85)
    double expected = (Math.cos(Math.toRadians(80)) + Math.cos(Math.toRadians(85))) / 2;
    assertThat(t.get(0).typicality()).isCloseTo(expected, within(1e-5));
    assertThat(t.get(0).nearestIndex()).isEqualTo(2);
    assertThat(t.get(0).nearestSimilarity()).isCloseTo(Math.cos(Math.toRadians(80)), within(1e-5));
    // image 3 (3 degrees) has nearest others at 5 and 0: cos(2) and cos(3), the most typical
    assertThat(t.get(t.size() - 1).index()).isEqualTo(3);
    assertThat(t).extracting(NeighbourAnalysis.Typicality::typicality).isSorted();
  }

  @Test
  void nearDuplicatesAreThePairsAboveTheThresholdMostSimilarFirst() {
    FeatureBank bank = bankAtAngles(0, 45, 90);
    float[][] test = {
      {2f, 0.01f, 0f}, // ~0 degrees, not unit length
      {0f, 0f, 1f}, // orthogonal to all
      {(float) Math.cos(Math.toRadians(44)), (float) Math.sin(Math.toRadians(44)), 0f}
    };
    List<NeighbourAnalysis.NearDuplicate> d = NeighbourAnalysis.nearDuplicates(test, bank, 0.999);
    assertThat(d).extracting(NeighbourAnalysis.NearDuplicate::testIndex).containsExactly(0, 2);
    assertThat(d).extracting(NeighbourAnalysis.NearDuplicate::bankIndex).containsExactly(0, 1);
    assertThat(d.get(0).similarity()).isCloseTo(Math.cos(Math.atan2(0.01, 2)), within(1e-6));
    assertThat(d.get(1).similarity()).isCloseTo(Math.cos(Math.toRadians(1)), within(1e-6));
    assertThat(NeighbourAnalysis.nearDuplicates(test, bank, 0.9999999)).isEmpty();
  }
}
