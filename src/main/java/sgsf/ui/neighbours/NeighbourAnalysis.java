package sgsf.ui.neighbours;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import sgsf.engine.model.FeatureBank;

/**
 * Similarity analyses over a model's feature bank, in the cosine-similarity space of the paper's
 * Eq. (4) (mean-pooled bottleneck features): which good training images are least like the others,
 * and which test images nearly duplicate a training image. Similarities come from one matrix
 * product of the unit-length embeddings.
 */
public final class NeighbourAnalysis {
  private NeighbourAnalysis() {}

  /**
   * A training image and how typical it is.
   *
   * @param index bank index
   * @param id bank id (the training image's path)
   * @param typicality mean cosine similarity to its {@code k} most similar other training images
   * @param nearestIndex the most similar other training image
   * @param nearestSimilarity its similarity
   */
  public record Typicality(
      int index, String id, double typicality, int nearestIndex, double nearestSimilarity) {}

  /**
   * A test image that nearly duplicates a training image.
   *
   * @param testIndex index into the test embeddings
   * @param bankIndex bank index of the training image
   * @param similarity cosine similarity
   */
  public record NearDuplicate(int testIndex, int bankIndex, double similarity) {}

  /** Cosine similarities of unit rows: a (m x d) times b (n x d) transposed, as m x n. */
  static float[][] similarities(float[][] a, float[][] b) {
    INDArray x = Nd4j.create(a).castTo(DataType.FLOAT);
    INDArray y = Nd4j.create(b).castTo(DataType.FLOAT);
    return x.mmul(y.transpose()).toFloatMatrix();
  }

  private static float[][] unitRows(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      float[] v = rows[i].clone();
      double n = 0;
      for (float f : v) {
        n += f * f;
      }
      n = Math.sqrt(n);
      if (n > 0) {
        for (int d = 0; d < v.length; d++) {
          v[d] /= (float) n;
        }
      }
      out[i] = v;
    }
    return out;
  }

  private static float[][] bankRows(FeatureBank bank) {
    float[][] e = new float[bank.size()][];
    for (int i = 0; i < e.length; i++) {
      e[i] = bank.embedding(i);
    }
    return e;
  }

  /**
   * Every training image's typicality: the mean similarity to its {@code k} nearest other training
   * images (a k-nearest-neighbour outlier score; k = 4 matches the contrast-set size n = 4). Least
   * typical first: likely mislabelled or unusual good parts.
   */
  public static List<Typicality> leastTypical(FeatureBank bank, int k) {
    int n = bank.size();
    if (n < 2) {
      throw new IllegalArgumentException("needs at least 2 training images, the bank has " + n);
    }
    int kk = Math.max(1, Math.min(k, n - 1));
    float[][] e = bankRows(bank);
    float[][] s = similarities(e, e);
    List<Typicality> out = new ArrayList<>(n);
    float[] top = new float[kk];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(top, Float.NEGATIVE_INFINITY);
      int nearest = -1;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        float v = s[i][j];
        if (nearest < 0 || v > s[i][nearest]) {
          nearest = j;
        }
        if (v > top[kk - 1]) {
          int p = kk - 1;
          while (p > 0 && top[p - 1] < v) {
            top[p] = top[p - 1];
            p--;
          }
          top[p] = v;
        }
      }
      double sum = 0;
      for (float t : top) {
        sum += t;
      }
      out.add(new Typicality(i, bank.id(i), sum / kk, nearest, s[i][nearest]));
    }
    out.sort(
        Comparator.comparingDouble(Typicality::typicality).thenComparingInt(Typicality::index));
    return out;
  }

  /**
   * Pairs of a test image and a training image whose cosine similarity is at least {@code
   * threshold}, most similar first. Test embeddings need not be unit length.
   */
  public static List<NearDuplicate> nearDuplicates(
      float[][] testEmbeddings, FeatureBank bank, double threshold) {
    return scan(testEmbeddings, bank, threshold).pairs();
  }

  /**
   * The near-duplicate pairs at or above {@code floor} and the highest test/train similarity of
   * all.
   */
  public record Scan(List<NearDuplicate> pairs, double best) {}

  /** {@link #nearDuplicates} plus the best similarity, from one matrix product. */
  public static Scan scan(float[][] testEmbeddings, FeatureBank bank, double floor) {
    if (testEmbeddings.length == 0) {
      return new Scan(List.of(), Double.NaN);
    }
    if (testEmbeddings[0].length != bank.dimension()) {
      throw new IllegalArgumentException(
          "test embeddings have "
              + testEmbeddings[0].length
              + " dimensions, the bank "
              + bank.dimension());
    }
    float[][] s = similarities(unitRows(testEmbeddings), bankRows(bank));
    List<NearDuplicate> out = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s[i].length; j++) {
        best = Math.max(best, s[i][j]);
        if (s[i][j] >= floor) {
          out.add(new NearDuplicate(i, j, s[i][j]));
        }
      }
    }
    out.sort(
        Comparator.comparingDouble(NearDuplicate::similarity)
            .reversed()
            .thenComparingInt(NearDuplicate::testIndex)
            .thenComparingInt(NearDuplicate::bankIndex));
    return new Scan(out, best);
  }
}
