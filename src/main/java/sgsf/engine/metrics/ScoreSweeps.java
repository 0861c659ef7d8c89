package sgsf.engine.metrics;

import java.util.Arrays;

/** The exact sweep over a (small) array of image scores with 0/1 labels. */
final class ScoreSweeps {
  private ScoreSweeps() {}

  /** Checks lengths, labels in {0, 1} and finite scores; the message names the offending index. */
  static void validate(double[] scores, int[] labels) {
    if (scores == null || labels == null) {
      throw new IllegalArgumentException("scores and labels must not be null");
    }
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + labels.length + " labels; they must match one to one");
    }
    for (int i = 0; i < scores.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "label " + i + " is " + labels[i] + "; labels must be 0 (good) or 1 (defective)");
      }
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is " + scores[i] + ", not a number");
      }
    }
  }

  /**
   * Sweeps the distinct scores in descending order. Positives and negatives are sorted separately
   * (primitive sorts, no boxing) and merged from the top; equal scores (also -0.0 and 0.0) form one
   * group.
   */
  static void sweep(double[] scores, int[] labels, SweepListener listener) {
    validate(scores, labels);
    int p = 0;
    for (int l : labels) {
      p += l;
    }
    double[] pos = new double[p];
    double[] neg = new double[scores.length - p];
    int ip = 0;
    int in = 0;
    for (int i = 0; i < scores.length; i++) {
      if (labels[i] == 1) {
        pos[ip++] = scores[i];
      } else {
        neg[in++] = scores[i];
      }
    }
    Arrays.sort(pos);
    Arrays.sort(neg);
    listener.begin(pos.length, neg.length, 0);
    ip = pos.length - 1;
    in = neg.length - 1;
    while (ip >= 0 || in >= 0) {
      double v;
      if (ip < 0) {
        v = neg[in];
      } else if (in < 0) {
        v = pos[ip];
      } else {
        v = Math.max(pos[ip], neg[in]);
      }
      long gp = 0;
      long gn = 0;
      while (ip >= 0 && pos[ip] == v) {
        gp++;
        ip--;
      }
      while (in >= 0 && neg[in] == v) {
        gn++;
        in--;
      }
      listener.group(v == 0.0 ? 0.0 : v, gp, gn, 0);
    }
    listener.end();
  }
}
