package sgsf.engine.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.model.FeatureBank;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.model.SgsfNetwork;
import sgsf.engine.model.Tensors;

/**
 * Test-time inference (METHOD.md section 2): the image's bottleneck embedding finds the most
 * similar good training image(s) in the feature bank; that image's guidance features C_D^i (cached
 * here, computed once per bank image) guide the segmentation network to the anomaly map O; the
 * image score is the max of the mean-filtered map. With {@code neighbours > 1} the maps over the
 * top-n neighbours are averaged (a cheap ensemble).
 *
 * <p>Not thread-safe: one predictor per thread.
 */
public final class Predictor {
  /** Images per forward pass in batch inference. */
  public static final int BATCH = 8;

  private final SgsfModel model;

  /** The model's network with its batch norms folded ({@link SgsfNetwork#foldedForInference}). */
  private SgsfNetwork network;

  private final int neighbours;
  private final ImageScore.Rule scoring;
  private final Map<Integer, INDArray[]> guidanceCache;

  /** Uses the single most similar neighbour. */
  public Predictor(SgsfModel model) {
    this(model, 1);
  }

  /**
   * @param neighbours how many most similar good images guide each prediction (maps averaged)
   */
  public Predictor(SgsfModel model, int neighbours) {
    if (neighbours < 1 || neighbours > 16) {
      throw new IllegalArgumentException("neighbours must be in [1, 16], got " + neighbours);
    }
    this.model = model;
    this.neighbours = Math.min(neighbours, model.bank().size());
    this.scoring = ImageScore.Rule.DEFAULT;
    long perImage = 0;
    ModelConfig c = model.config();
    for (int i = 1; i <= ModelConfig.SCALES; i++) {
      long side = c.inputSize() >> (i - 1);
      perImage += 4L * c.widthAt(i) * side * side;
    }
    final int capacity = (int) Math.max(8, Math.min(model.bank().size(), (512L << 20) / perImage));
    this.guidanceCache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, INDArray[]> e) {
            return size() > capacity;
          }
        };
  }

  public SgsfModel model() {
    return model;
  }

  /** The image as the network sees it: 3 channels at model resolution. */
  public FloatImage prepare(FloatImage image) {
    int s = model.config().inputSize();
    return ImageIo.resize(image.withChannels(3), s, s);
  }

  public Prediction predict(FloatImage image) {
    return predict(List.of(image)).get(0);
  }

  /** Predicts images of any size and channel count, in batches of {@link #BATCH}. */
  public List<Prediction> predict(List<FloatImage> images) {
    List<Prediction> out = new ArrayList<>(images.size());
    for (int from = 0; from < images.size(); from += BATCH) {
      out.addAll(predictBatch(images.subList(from, Math.min(images.size(), from + BATCH))));
    }
    return out;
  }

  /** The folded network, built on the first prediction (preparing images needs none). */
  private synchronized SgsfNetwork network() {
    if (network == null) {
      network = model.network().foldedForInference();
    }
    return network;
  }

  private List<Prediction> predictBatch(List<FloatImage> images) {
    List<FloatImage> prepared = new ArrayList<>(images.size());
    for (FloatImage img : images) {
      prepared.add(prepare(img));
    }
    INDArray x = Tensors.batch(prepared);
    int n = images.size();
    List<List<FeatureBank.Neighbour>> nn = new ArrayList<>(n);
    INDArray sum = null;
    if (model.config().guidance() == GuidanceMode.NONE) {
      for (int k = 0; k < n; k++) {
        nn.add(List.of());
      }
      sum = network().segment(x, null);
    } else {
      INDArray emb = network().embed(x);
      for (int k = 0; k < n; k++) {
        nn.add(model.bank().nearest(emb.getRow(k).toFloatVector(), neighbours, -1));
      }
      emb.close();
      for (int r = 0; r < neighbours; r++) {
        int[] idx = new int[n];
        for (int k = 0; k < n; k++) {
          List<FeatureBank.Neighbour> list = nn.get(k);
          idx[k] = list.get(Math.min(r, list.size() - 1)).index();
        }
        INDArray[] g = guidance(idx);
        INDArray o = network().segment(x, g);
        if (idx.length > 1) {
          // stacked for this batch; a batch of one borrows the cached arrays themselves
          closeAll(g);
        }
        if (sum == null) {
          sum = o;
        } else {
          sum.addi(o);
          o.close();
        }
      }
      sum.divi(neighbours);
    }
    List<Prediction> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      FloatImage map = Tensors.image(sum, k);
      out.add(
          new Prediction(
              map, scoring.score(map), nn.get(k), images.get(k).height(), images.get(k).width()));
    }
    // free the batch's native memory now: left to the garbage collector, scoring a folder of
    // thousands of images piles up gigabytes of resident memory before a collection runs
    x.close();
    sum.close();
    return out;
  }

  private static void closeAll(INDArray[] arrays) {
    for (INDArray a : arrays) {
      if (a != null && !a.wasClosed() && a.closeable()) {
        a.close();
      }
    }
  }

  /** Guidance features for the given bank images, stacked as a batch (index 1..4). */
  private INDArray[] guidance(int[] bankIndices) {
    Map<Integer, INDArray[]> found = new LinkedHashMap<>();
    List<Integer> missing = new ArrayList<>();
    for (int i : bankIndices) {
      if (!found.containsKey(i) && !missing.contains(i)) {
        INDArray[] g = guidanceCache.get(i);
        if (g != null) {
          found.put(i, g);
        } else {
          missing.add(i);
        }
      }
    }
    for (int from = 0; from < missing.size(); from += BATCH) {
      List<Integer> chunk = missing.subList(from, Math.min(missing.size(), from + BATCH));
      List<FloatImage> imgs = new ArrayList<>(chunk.size());
      for (int i : chunk) {
        imgs.add(model.bank().image(i));
      }
      try (SgsfNetwork.Features f = network().features(Tensors.batch(imgs))) {
        for (int k = 0; k < chunk.size(); k++) {
          INDArray[] g = new INDArray[ModelConfig.SCALES + 1];
          for (int s = 1; s <= ModelConfig.SCALES; s++) {
            g[s] = f.guidance()[s].get(NDArrayIndex.interval(k, k + 1)).dup();
          }
          found.put(chunk.get(k), g);
          guidanceCache.put(chunk.get(k), g);
        }
      }
    }
    INDArray[] out = new INDArray[ModelConfig.SCALES + 1];
    for (int s = 1; s <= ModelConfig.SCALES; s++) {
      INDArray[] parts = new INDArray[bankIndices.length];
      for (int k = 0; k < bankIndices.length; k++) {
        parts[k] = found.get(bankIndices[k])[s];
      }
      out[s] = parts.length == 1 ? parts[0] : Nd4j.concat(0, parts);
    }
    return out;
  }
}
