package sgsf.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;

/**
 * The inference network with batch norms folded into the convolutions computes what the trained
 * network computes: maps, guidance features and embeddings, with batch-norm statistics far from
 * their initial 0 / 1 (as after training).
 */
class SgsfNetworkFoldedTest {
  static {
    Backend.configureProperties();
  }

  /** Random running statistics, scales and shifts in every batch norm. */
  private static void trainedLookingBatchNorms(ComputationGraph g) {
    for (Layer l : g.getLayers()) {
      if (l.paramTable().containsKey("gamma")) {
        long n = l.getParam("gamma").length();
        l.setParam("gamma", Nd4j.rand(DataType.FLOAT, 1, n).muli(1.5).addi(0.25));
        l.setParam("beta", Nd4j.randn(DataType.FLOAT, 1, n).muli(0.3));
        l.setParam("mean", Nd4j.randn(DataType.FLOAT, 1, n).muli(0.5));
        String spread = l.paramTable().containsKey("var") ? "var" : "log10stdev";
        INDArray v = Nd4j.rand(DataType.FLOAT, 1, n).muli(2).addi(0.1);
        l.setParam(spread, spread.equals("var") ? v : Transforms.log(v, 10).muli(0.5));
      }
    }
  }

  private static void assertClose(INDArray got, INDArray want, String what) {
    assertThat(got.shape()).as(what).isEqualTo(want.shape());
    double scale = Math.max(1e-3, want.amaxNumber().doubleValue());
    double worst = Transforms.abs(got.sub(want)).maxNumber().doubleValue();
    assertThat(worst).as(what + ": largest difference, against %s", scale).isLessThan(scale * 1e-4);
  }

  @ParameterizedTest
  @EnumSource(
      value = GuidanceMode.class,
      names = {"FROZEN", "NONE"})
  void foldedNetworkComputesTheSameMapsFeaturesAndEmbeddings(GuidanceMode mode) {
    ModelConfig config = ModelConfig.lite().withSize(32, 4).withGuidance(mode);
    SgsfNetwork net = new SgsfNetwork(config, 3, new Adam(1e-3), new Adam(1e-3), 1, 2);
    Nd4j.getRandom().setSeed(21);
    trainedLookingBatchNorms(net.autoencoder());
    trainedLookingBatchNorms(net.segmentation());
    SgsfNetwork folded = net.foldedForInference();
    assertThat(folded.segmentation().getLayers().length)
        .as("one layer per conv block instead of three")
        .isLessThan(net.segmentation().getLayers().length / 2);

    INDArray images = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
    INDArray contrast = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
    INDArray[] guidance = null;
    if (config.guidance() != GuidanceMode.NONE) {
      SgsfNetwork.Features want = net.features(contrast);
      SgsfNetwork.Features got = folded.features(contrast);
      for (int i = 1; i <= ModelConfig.SCALES; i++) {
        assertClose(got.guidance()[i], want.guidance()[i], "C_D^" + i);
      }
      assertClose(got.embedding(), want.embedding(), "embedding");
      assertClose(folded.embed(contrast), net.embed(contrast), "embed");
      guidance = want.guidance();
    }
    INDArray map = net.segment(images, guidance);
    assertThat(map.stdNumber().doubleValue()).as("a map that varies").isGreaterThan(1e-4);
    assertClose(folded.segment(images, guidance), map, "anomaly map");
  }
}
