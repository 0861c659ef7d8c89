package sgsf.engine.train;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.image.FloatImage;
import sgsf.engine.model.SgsfNetwork;
import sgsf.engine.model.Tensors;

/**
 * The frozen autoencoder's guidance features C_D^1..C_D^4 (METHOD.md, Eq. (5)) of every training
 * image, computed once when guidance is frozen, so that a training step reads its contrast images'
 * features instead of running the autoencoder. They are kept in half precision: half the memory
 * (713 instead of 1,426 MiB for 761 images at lite) for a relative rounding of 2^-11, far below
 * what the segmentation network resolves; a batch's features are widened back to single precision.
 */
final class GuidanceCache {
  /** The element type the features are kept in. */
  static final DataType STORED = DataType.HALF;

  private static final int BATCH = 8;

  private final INDArray[][] features;

  private GuidanceCache(INDArray[][] features) {
    this.features = features;
  }

  /** Bytes the cache takes per image for {@code config}. */
  static long bytesPerImage(ModelConfig config) {
    long bytes = 0;
    for (int i = 1; i <= ModelConfig.SCALES; i++) {
      long side = config.inputSize() >> (i - 1);
      bytes += STORED.width() * config.widthAt(i) * side * side;
    }
    return bytes;
  }

  /** Runs the autoencoder over {@code images} in batches and keeps each image's features. */
  static GuidanceCache build(SgsfNetwork network, List<FloatImage> images) {
    INDArray[][] features = new INDArray[images.size()][];
    for (int from = 0; from < images.size(); from += BATCH) {
      int to = Math.min(images.size(), from + BATCH);
      INDArray batch = Tensors.batch(images.subList(from, to));
      try (SgsfNetwork.Features f = network.features(batch)) {
        for (int k = from; k < to; k++) {
          INDArray[] g = new INDArray[ModelConfig.SCALES + 1];
          for (int i = 1; i <= ModelConfig.SCALES; i++) {
            g[i] =
                f.guidance()[i].get(NDArrayIndex.interval(k - from, k - from + 1)).castTo(STORED);
          }
          features[k] = g;
        }
      } finally {
        batch.close();
      }
    }
    return new GuidanceCache(features);
  }

  int size() {
    return features.length;
  }

  /**
   * The features of the images {@code indices}, stacked along the batch axis in single precision,
   * indexed 1..{@link ModelConfig#SCALES}; new arrays the caller closes.
   */
  INDArray[] batch(int[] indices) {
    INDArray[] g = new INDArray[ModelConfig.SCALES + 1];
    for (int i = 1; i <= ModelConfig.SCALES; i++) {
      INDArray[] parts = new INDArray[indices.length];
      for (int k = 0; k < indices.length; k++) {
        parts[k] = features[indices[k]][i];
      }
      if (parts.length == 1) {
        g[i] = parts[0].castTo(DataType.FLOAT);
      } else {
        try (INDArray stacked = Nd4j.concat(0, parts)) {
          g[i] = stacked.castTo(DataType.FLOAT);
        }
      }
    }
    return g;
  }
}
