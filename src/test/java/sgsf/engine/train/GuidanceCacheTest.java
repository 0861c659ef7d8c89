package sgsf.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.image.FloatImage;
import sgsf.engine.model.SgsfNetwork;
import sgsf.engine.model.Tensors;

/**
 * The frozen-guidance cache keeps the features in half precision and hands out, for any choice of
 * contrast images, what the autoencoder computes for them, to half precision's rounding.
 */
class GuidanceCacheTest {
  static {
    Backend.configureProperties();
  }

  private static final ModelConfig SMALL =
      ModelConfig.lite().withSize(32, 4).withGuidance(GuidanceMode.FROZEN);

  @Test
  void aBatchFromTheCacheIsTheAutoencodersGuidanceInHalfTheMemory() {
    SgsfNetwork net = new SgsfNetwork(SMALL, 5, new Adam(1e-3), new Adam(1e-3), 1, 2);
    Nd4j.getRandom().setSeed(5);
    List<FloatImage> images = new ArrayList<>();
    INDArray all = Nd4j.rand(DataType.FLOAT, 11, 3, 32, 32);
    for (int k = 0; k < 11; k++) {
      images.add(Tensors.image(all, k));
    }
    GuidanceCache cache = GuidanceCache.build(net, images);
    assertThat(cache.size()).isEqualTo(11);
    long floats = 0;
    for (int i = 1; i <= ModelConfig.SCALES; i++) {
      long side = 32 >> (i - 1);
      floats += (long) SMALL.widthAt(i) * side * side;
    }
    assertThat(GuidanceCache.bytesPerImage(SMALL)).isEqualTo(2 * floats);

    int[] contrast = {9, 0, 9, 4}; // across the build's batches of 8, one image twice
    INDArray[] cached = cache.batch(contrast);
    List<FloatImage> chosen = new ArrayList<>();
    for (int k : contrast) {
      chosen.add(images.get(k));
    }
    try (SgsfNetwork.Features expected = net.features(Tensors.batch(chosen))) {
      for (int i = 1; i <= ModelConfig.SCALES; i++) {
        INDArray want = expected.guidance()[i];
        INDArray got = cached[i];
        assertThat(got.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(got.shape()).isEqualTo(want.shape());
        double scale = Math.max(1e-6, want.amaxNumber().doubleValue());
        double worst = Transforms.abs(got.sub(want)).maxNumber().doubleValue();
        assertThat(worst)
            .as("C_D^%d differs from the autoencoder's by at most half precision's rounding", i)
            .isLessThanOrEqualTo(scale * 1e-3);
        assertThat(want.amaxNumber().doubleValue()).isPositive();
        got.close();
      }
    }
  }
}
