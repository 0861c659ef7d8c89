package sgsf.engine.metrics;

import java.util.List;

/**
 * How many good and defective images fall in each verdict under a review band.
 *
 * @param goodOk good images passed (correct)
 * @param goodReview good images sent to review
 * @param goodNg good images rejected (false rejects)
 * @param defectiveOk defective images passed (escapes)
 * @param defectiveReview defective images sent to review
 * @param defectiveNg defective images rejected (correct)
 */
public record ReviewCounts(
    int goodOk, int goodReview, int goodNg, int defectiveOk, int defectiveReview, int defectiveNg) {

  /** The verdicts of {@code images} under {@code thresholds}. */
  public static ReviewCounts of(List<EvaluatedImage> images, Thresholds thresholds) {
    int[] c = new int[6];
    for (EvaluatedImage e : images) {
      Verdict v = thresholds.verdict(e.score());
      c[e.label() * 3 + v.ordinal()]++;
    }
    return new ReviewCounts(c[0], c[1], c[2], c[3], c[4], c[5]);
  }

  public int ok() {
    return goodOk + defectiveOk;
  }

  public int review() {
    return goodReview + defectiveReview;
  }

  public int ng() {
    return goodNg + defectiveNg;
  }

  public int total() {
    return ok() + review() + ng();
  }
}
