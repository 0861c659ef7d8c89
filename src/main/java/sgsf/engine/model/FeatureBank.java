package sgsf.engine.model;

import java.util.ArrayList;
import java.util.List;
import sgsf.engine.image.FloatImage;

/**
 * The good training images a model compares against at test time: their identifiers, the images at
 * model resolution (their guidance features are computed from them and cached by the predictor),
 * and their bottleneck embeddings (the cosine-similarity space of Eq. (4)).
 */
public final class FeatureBank {
  private final List<String> ids;
  private final List<FloatImage> images;
  private final float[][] embeddings;

  public FeatureBank(List<String> ids, List<FloatImage> images, float[][] embeddings) {
    if (ids.size() != images.size() || ids.size() != embeddings.length) {
      throw new IllegalArgumentException(
          "feature bank sizes differ: "
              + ids.size()
              + " ids, "
              + images.size()
              + " images, "
              + embeddings.length
              + " embeddings");
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("feature bank is empty");
    }
    this.ids = List.copyOf(ids);
    this.images = List.copyOf(images);
    this.embeddings = embeddings;
    for (float[] e : embeddings) {
      normalise(e);
    }
  }

  static void normalise(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    n = Math.sqrt(n);
    // idempotent: a vector that is already unit length (a reloaded bank) stays bit for bit
    if (n > 0 && Math.abs(n - 1) > 1e-6) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= (float) n;
      }
    }
  }

  public int size() {
    return ids.size();
  }

  public String id(int i) {
    return ids.get(i);
  }

  public List<String> ids() {
    return ids;
  }

  public FloatImage image(int i) {
    return images.get(i);
  }

  public List<FloatImage> images() {
    return images;
  }

  /** The unit-length embedding of image {@code i}. */
  public float[] embedding(int i) {
    return embeddings[i];
  }

  public int dimension() {
    return embeddings[0].length;
  }

  /**
   * The {@code k} most cosine-similar bank images to {@code query} (any length-D vector), most
   * similar first, skipping index {@code exclude} (or -1).
   */
  public List<Neighbour> nearest(float[] query, int k, int exclude) {
    float[] q = query.clone();
    normalise(q);
    int n = size();
    double[] sims = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      float[] e = embeddings[i];
      for (int d = 0; d < q.length; d++) {
        s += q[d] * e[d];
      }
      sims[i] = s;
    }
    List<Neighbour> out = new ArrayList<>(k);
    boolean[] taken = new boolean[n];
    if (exclude >= 0 && exclude < n) {
      taken[exclude] = true;
    }
    for (int r = 0; r < k; r++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (!taken[i] && (best < 0 || sims[i] > sims[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      out.add(new Neighbour(best, ids.get(best), sims[best]));
    }
    return out;
  }

  /** A bank image and its cosine similarity to a query. */
  public record Neighbour(int index, String id, double similarity) {}
}
