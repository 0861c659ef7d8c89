package sgsf.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;

/**
 * The conv blocks are conv + batch norm + ReLU (METHOD.md section 2): every block output is
 * non-negative, in training mode (batch statistics) and in inference mode (running statistics), in
 * each of the three graphs, with the oneDNN helpers on. On the network of commit dc112e6 (ReLU set
 * on DL4J's batch norm, which ignores it) about half of every block's outputs were negative.
 */
class SgsfBlocksTest {
  static {
    Backend.configureProperties();
  }

  private static final ModelConfig SMALL =
      ModelConfig.lite().withSize(32, 4).withGuidance(GuidanceMode.JOINT);

  /**
   * The output vertex of every conv block: the activation layer after a batch norm, or the batch
   * norm itself where nothing follows it (as in the old graphs).
   */
  private static List<String> blockOutputs(ComputationGraph g) {
    List<String> out = new ArrayList<>();
    Map<String, List<String>> inputs = g.getConfiguration().getVertexInputs();
    for (String name : g.getConfiguration().getVertices().keySet()) {
      if (!name.contains("_bn")) {
        continue;
      }
      String output = name;
      for (Map.Entry<String, List<String>> e : inputs.entrySet()) {
        if (e.getValue().contains(name)
            && g.getLayer(e.getKey()) != null
            && g.getLayer(e.getKey()) instanceof org.deeplearning4j.nn.layers.ActivationLayer) {
          output = e.getKey();
        }
      }
      out.add(output);
    }
    return out;
  }

  private static void assertBlocksNonNegative(
      ComputationGraph g, INDArray[] inputs, boolean train) {
    List<String> blocks = blockOutputs(g);
    assertThat(blocks).as("conv blocks of the graph").hasSizeGreaterThanOrEqualTo(18);
    Map<String, INDArray> acts = g.feedForward(inputs, train, false);
    for (String b : blocks) {
      INDArray a = acts.get(b);
      assertThat(a).as("activations of %s", b).isNotNull();
      double min = a.minNumber().doubleValue();
      double positive = a.gt(0).castTo(DataType.FLOAT).meanNumber().doubleValue();
      assertThat(min)
          .as("smallest output of block %s (train=%s)", b, train)
          .isGreaterThanOrEqualTo(0);
      // a ReLU block is neither dead nor the identity: some outputs are 0, many are not
      assertThat(positive).as("share of positive outputs of %s", b).isBetween(0.05, 0.95);
    }
  }

  @Test
  void everyConvBlockEndsInAReluInTrainingAndInference() {
    SgsfNetwork net = new SgsfNetwork(SMALL, 5, new Adam(1e-3), new Adam(1e-3), 1, 2);
    Nd4j.getRandom().setSeed(3);
    INDArray images = Nd4j.rand(DataType.FLOAT, 4, 3, 32, 32);
    ComputationGraph joint = net.joint();
    // one fitted step so that the running statistics are no longer the placeholders 0 / 1
    joint.fit(
        new org.nd4j.linalg.dataset.MultiDataSet(
            new INDArray[] {images, images},
            new INDArray[] {images, Nd4j.zeros(DataType.FLOAT, 4, 1, 32, 32)}));
    for (boolean train : new boolean[] {true, false}) {
      assertBlocksNonNegative(joint, new INDArray[] {images, images}, train);
      assertBlocksNonNegative(net.autoencoder(), new INDArray[] {images}, train);
    }
  }

  @Test
  void guidanceFeaturesAndTheSimilarityFeatureComeAfterTheRelu() {
    SgsfNetwork net =
        new SgsfNetwork(
            SMALL.withGuidance(GuidanceMode.FROZEN), 5, new Adam(1e-3), new Adam(1e-3), 1, 2);
    Nd4j.getRandom().setSeed(4);
    try (SgsfNetwork.Features f = net.features(Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32))) {
      for (int i = 1; i <= ModelConfig.SCALES; i++) {
        assertThat(f.guidance()[i].minNumber().doubleValue())
            .as("C_D^%d", i)
            .isGreaterThanOrEqualTo(0);
      }
      assertThat(f.embedding().minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void oneDnnHelpersServeTheConvolutionsAndBatchNorms() {
    SgsfNetwork net =
        new SgsfNetwork(
            SMALL.withGuidance(GuidanceMode.FROZEN), 5, new Adam(1e-3), new Adam(1e-3), 1, 2);
    net.segment(
        Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32),
        net.features(Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32)).guidance());
    int conv = 0;
    int bn = 0;
    for (Layer l : net.segmentation().getLayers()) {
      Object helper = helperOf(l);
      String name = l.conf().getLayer().getLayerName();
      if (name.contains("_conv")) {
        assertThat(String.valueOf(helper)).as("helper of %s", name).contains("MKLDNNConvHelper");
        conv++;
      } else if (name.contains("_bn")) {
        assertThat(String.valueOf(helper))
            .as("helper of %s", name)
            .contains("MKLDNNBatchNormHelper");
        bn++;
      }
    }
    assertThat(conv).isEqualTo(bn).isGreaterThanOrEqualTo(18);
  }

  private static Object helperOf(Layer l) {
    try {
      return l.getClass().getMethod("getHelper").invoke(l);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
