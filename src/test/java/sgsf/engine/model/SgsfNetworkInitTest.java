package sgsf.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;

class SgsfNetworkInitTest {

  @Test
  void anUntrainedSegmentationNetworkPredictsTheRareDefectPrior() {
    SgsfNetwork net =
        new SgsfNetwork(
            ModelConfig.lite().withSize(32, 4).withGuidance(GuidanceMode.FROZEN), 3, 1e-3, 1, 2);
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
}
