package sgsf.ui.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;
import sgsf.ui.evaluation.ImageResult;

/**
 * The order in which predictions are reviewed: the review band first (the model is least sure
 * there; highest score first), then NG (lowest score first: the rejects nearest the band are the
 * likeliest false alarms), then, if asked for, OK (highest score first: the likeliest misses).
 */
public final class ReviewQueue {
  private ReviewQueue() {}

  /** One queued prediction with its verdict under the thresholds. */
  public record Item(ImageResult result, Verdict verdict) {}

  public static List<Item> order(List<ImageResult> results, Thresholds t, boolean includeOk) {
    List<Item> review = new ArrayList<>();
    List<Item> ng = new ArrayList<>();
    List<Item> ok = new ArrayList<>();
    for (ImageResult r : results) {
      Verdict v = t.verdict(r.score());
      Item item = new Item(r, v);
      switch (v) {
        case REVIEW -> review.add(item);
        case NG -> ng.add(item);
        case OK -> {
          if (includeOk) {
            ok.add(item);
          }
        }
      }
    }
    Comparator<Item> byScore = Comparator.comparingDouble(i -> i.result().score());
    Comparator<Item> byPath = Comparator.comparing(i -> i.result().image().toString());
    review.sort(byScore.reversed().thenComparing(byPath));
    ng.sort(byScore.thenComparing(byPath));
    ok.sort(byScore.reversed().thenComparing(byPath));
    List<Item> out = new ArrayList<>(review.size() + ng.size() + ok.size());
    out.addAll(review);
    out.addAll(ng);
    out.addAll(ok);
    return out;
  }
}
