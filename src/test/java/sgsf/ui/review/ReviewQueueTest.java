package sgsf.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sgsf.engine.image.FloatImage;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;
import sgsf.ui.evaluation.ImageResult;

class ReviewQueueTest {
  static ImageResult result(String name, double score) {
    return new ImageResult(
        Path.of("/d/" + name), "good", null, score, FloatImage.zeros(1, 2, 2), null);
  }

  @Test
  void reviewBandComesFirstThenRejectsNearestTheBandThenOptionallyPasses() {
    List<ImageResult> rs =
        List.of(
            result("ok-low", 0.1),
            result("ng-high", 0.95),
            result("review-low", 0.42),
            result("ok-high", 0.35),
            result("ng-low", 0.6),
            result("review-high", 0.55));
    Thresholds t = Thresholds.manual(0.4, 0.58, 0.5, 0, 1, 0, 1);
    List<ReviewQueue.Item> q = ReviewQueue.order(rs, t, false);
    assertThat(q)
        .extracting(i -> i.result().fileName())
        .containsExactly("review-high", "review-low", "ng-low", "ng-high");
    assertThat(q)
        .extracting(ReviewQueue.Item::verdict)
        .containsExactly(Verdict.REVIEW, Verdict.REVIEW, Verdict.NG, Verdict.NG);
    assertThat(ReviewQueue.order(rs, t, true))
        .extracting(i -> i.result().fileName())
        .containsExactly("review-high", "review-low", "ng-low", "ng-high", "ok-high", "ok-low");
  }

  @Test
  void aScoreOnTheUpperThresholdIsRejectedAndOnTheLowerOneReviewed() {
    Thresholds t = Thresholds.manual(0.4, 0.6, 0.5, 0, 1, 0, 1);
    List<ReviewQueue.Item> q =
        ReviewQueue.order(List.of(result("a", 0.6), result("b", 0.4)), t, false);
    assertThat(q).extracting(ReviewQueue.Item::verdict).containsExactly(Verdict.REVIEW, Verdict.NG);
    assertThat(q.get(0).result().fileName()).isEqualTo("b");
  }
}
