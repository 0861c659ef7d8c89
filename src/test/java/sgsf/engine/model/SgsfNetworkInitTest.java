package sgsf.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;

class SgsfNetworkInitTest {

  @Test
  void anUntrainedSegmentationNetworkPredictsTheRareDefectPrior() {
    SgsfNetwork net =
        new SgsfNetwork(
            ModelConfig.lite().withSize(32, 4).withGuidance(GuidanceMode.FROZEN),
            3,
            new Adam(1e-3),
            new Adam(1e-3),
            1,
            2);
    Nd4j.getRandom().setSeed(11);
    INDArray images = Nd4j.rand(DataType.FLOAT, 4, 3, 32, 32);
    try (SgsfNetwork.Features f = net.features(images.dup())) {
      // training mode: batch statistics, as in the first iterations (the running statistics of an
      // untrained network are placeholders)
      INDArray map =
          net.segmentation().output(true, net.segmentationInputs(images, f.guidance()))[0];
      double mean = map.meanNumber().doubleValue();
      // sigmoid(log(0.01/0.99)) = 0.01; the random first layers spread the logit around it, so
      // the mean lies near the prior and far from the 0.5 of a zero bias.
      assertThat(mean).isBetween(0.002, 0.08);
      assertThat(SgsfGraphs.ANOMALY_PRIOR_LOGIT)
          .isCloseTo(-4.59512, org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  /**
   * Scoring a saved model needs its parameters only: no optimiser, learning rate or loss weights.
   */
  @Test
  void aNetworkBuiltForInferenceScoresLikeTheTrainedOne() {
    ModelConfig config = ModelConfig.lite().withSize(32, 4).withGuidance(GuidanceMode.FROZEN);
    SgsfNetwork trained = new SgsfNetwork(config, 9, new Adam(3e-3), new Adam(3e-3), 0.5, 3);
    SgsfNetwork loaded = SgsfNetwork.forInference(config);
    loaded.setParametersByLayer(floats(trained.parametersByLayer()));
    Nd4j.getRandom().setSeed(12);
    INDArray images = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
    INDArray contrast = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
    INDArray expected;
    INDArray actual;
    try (SgsfNetwork.Features f = trained.features(contrast.dup())) {
      expected = trained.segment(images.dup(), f.guidance()).dup();
    }
    try (SgsfNetwork.Features f = loaded.features(contrast.dup())) {
      actual = loaded.segment(images.dup(), f.guidance()).dup();
    }
    assertThat(actual.equalsWithEps(expected, 1e-6)).isTrue();
    assertThat(actual.stdNumber().doubleValue()).as("the map is not constant").isPositive();
  }

  private static java.util.Map<String, float[]> floats(java.util.Map<String, INDArray> params) {
    java.util.Map<String, float[]> out = new java.util.LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, v.toFloatVector()));
    return out;
  }
}
