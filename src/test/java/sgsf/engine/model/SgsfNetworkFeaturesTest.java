package sgsf.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;

/**
 * Guidance features and embeddings are read from the autoencoder's inference pass without keeping
 * every layer's activation: they must equal the full forward pass's activations, and each result
 * must belong to the caller (a later pass, which reuses DL4J's workspace, must not change it).
 */
class SgsfNetworkFeaturesTest {
  static {
    Backend.configureProperties();
  }

  private static final ModelConfig SMALL =
      ModelConfig.lite().withSize(32, 4).withGuidance(GuidanceMode.FROZEN);

  @Test
  void featuresAndEmbeddingEqualTheFullForwardPassAndOutliveTheNextPass() {
    SgsfNetwork net = new SgsfNetwork(SMALL, 5, new Adam(1e-3), new Adam(1e-3), 1, 2);
    Nd4j.getRandom().setSeed(11);
    INDArray first = Nd4j.rand(DataType.FLOAT, 3, 3, 32, 32);
    INDArray second = Nd4j.rand(DataType.FLOAT, 3, 3, 32, 32);
    Map<String, INDArray> reference =
        net.autoencoder().feedForward(new INDArray[] {first}, false, false);

    SgsfNetwork.Features features = net.features(first);
    INDArray embedding = net.embed(first);
    // a second pass on other images reuses the workspace the first pass ran in
    net.features(second).close();
    net.embed(second).close();

    for (int i = 1; i <= ModelConfig.SCALES; i++) {
      INDArray expected = reference.get(SgsfGraphs.guidanceFeature(i));
      assertThat(features.guidance()[i].shape()).isEqualTo(expected.shape());
      assertThat(features.guidance()[i].equalsWithEps(expected, 1e-5))
          .as("guidance feature C_D^%d after a second pass", i)
          .isTrue();
    }
    INDArray expectedEmbedding = reference.get(SgsfGraphs.BOTTLENECK).mean(2, 3);
    assertThat(features.embedding().equalsWithEps(expectedEmbedding, 1e-5)).isTrue();
    assertThat(embedding.equalsWithEps(expectedEmbedding, 1e-5)).isTrue();
    assertThat(expectedEmbedding.sumNumber().doubleValue()).isNotZero();
    features.close();
  }
}
