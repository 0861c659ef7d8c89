package sgsf.ui.neighbours;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.nd4j.linalg.api.ndarray.INDArray;
import sgsf.engine.image.FloatImage;
import sgsf.engine.infer.Predictor;
import sgsf.engine.model.FeatureBank;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.model.Tensors;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * Bottleneck embeddings of images (mean-pooled autoencoder bottleneck, the similarity space of the
 * paper's Eq. (4)) and their nearest good training images. A model's network is not thread-safe:
 * callers hold {@link #lock(SgsfModel)} while using it (the methods here do; it is the same object
 * as {@code LoadedModel.computeLock()}).
 */
public final class Embeddings {
  private Embeddings() {}

  /** The object to synchronise on while a model's network computes. */
  public static Object lock(SgsfModel model) {
    return model.network();
  }

  /**
   * The embeddings of images of any size (resized to the model's input, grey replicated), in
   * batches of {@link Predictor#BATCH}.
   *
   * @throws CancellationException when {@code cancellation} is cancelled between batches
   */
  public static float[][] embed(
      SgsfModel model,
      List<FloatImage> images,
      ProgressListener progress,
      CancellationToken cancellation) {
    Predictor prep = new Predictor(model);
    float[][] out = new float[images.size()][];
    for (int from = 0; from < images.size(); from += Predictor.BATCH) {
      cancellation.throwIfCancelled("embedding");
      int to = Math.min(images.size(), from + Predictor.BATCH);
      List<FloatImage> batch = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        batch.add(prep.prepare(images.get(i)));
      }
      INDArray e;
      synchronized (lock(model)) {
        e = model.network().embed(Tensors.batch(batch));
      }
      float[][] rows = e.toFloatMatrix();
      System.arraycopy(rows, 0, out, from, rows.length);
      progress.update(to, images.size());
    }
    return out;
  }

  /** The {@code k} good training images most similar to {@code image}, most similar first. */
  public static List<FeatureBank.Neighbour> nearest(SgsfModel model, FloatImage image, int k) {
    float[] e = embed(model, List.of(image), ProgressListener.NONE, CancellationToken.none())[0];
    return model.bank().nearest(e, k, -1);
  }
}
