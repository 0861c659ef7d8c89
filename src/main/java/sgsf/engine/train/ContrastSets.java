package sgsf.engine.train;

import java.util.Arrays;
import java.util.List;
import sgsf.engine.image.FloatImage;
import sgsf.engine.model.FeatureBank;

/**
 * Each training image's contrast set: the n most similar other good training images by cosine
 * similarity of mean-pooled bottleneck features (the paper's Eq. (4)). An image is never in its own
 * set.
 */
public final class ContrastSets {
  private final int[][] sets;

  public ContrastSets(int[][] sets) {
    for (int i = 0; i < sets.length; i++) {
      for (int j : sets[i]) {
        if (j == i) {
          throw new IllegalArgumentException("image " + i + " is in its own contrast set");
        }
      }
    }
    this.sets = sets;
  }

  /**
   * Builds the sets from embeddings (one row per image). With fewer than n + 1 images every set
   * holds all other images.
   */
  public static ContrastSets build(float[][] embeddings, int n) {
    int count = embeddings.length;
    if (count < 2) {
      throw new IllegalArgumentException("contrast sets need at least 2 training images");
    }
    List<String> ids =
        java.util.stream.IntStream.range(0, count).mapToObj(Integer::toString).toList();
    List<FloatImage> none = java.util.Collections.nCopies(count, FloatImage.zeros(1, 1, 1));
    float[][] copy = new float[count][];
    for (int i = 0; i < count; i++) {
      copy[i] = embeddings[i].clone();
    }
    FeatureBank bank = new FeatureBank(ids, none, copy);
    int k = Math.min(n, count - 1);
    int[][] sets = new int[count][];
    for (int i = 0; i < count; i++) {
      sets[i] =
          bank.nearest(bank.embedding(i), k, i).stream()
              .mapToInt(FeatureBank.Neighbour::index)
              .toArray();
    }
    return new ContrastSets(sets);
  }

  public int[] setOf(int image) {
    return sets[image];
  }

  public int size() {
    return sets.length;
  }

  /** A deep copy of the index table (for checkpoints). */
  public int[][] table() {
    int[][] t = new int[sets.length][];
    for (int i = 0; i < sets.length; i++) {
      t[i] = sets[i].clone();
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContrastSets c && Arrays.deepEquals(c.sets, sets);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(sets);
  }
}
