package sgsf.ui.evaluation;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;

/**
 * One line of the results table: an image result, its verdict and its normalised score under the
 * current thresholds.
 */
public final class ResultRow {
  private final ImageResult result;
  private final ReadOnlyObjectWrapper<Verdict> verdict =
      new ReadOnlyObjectWrapper<>(this, "verdict");
  private final ReadOnlyDoubleWrapper normalisedScore =
      new ReadOnlyDoubleWrapper(this, "normalisedScore", Double.NaN);

  ResultRow(ImageResult result, Thresholds t) {
    this.result = result;
    update(t);
  }

  public ImageResult result() {
    return result;
  }

  public String name() {
    return result.fileName();
  }

  public String groundTruth() {
    return result.groundTruth();
  }

  public double score() {
    return result.score();
  }

  /**
   * The image score normalised so the NG threshold sits at 0.5 (see {@link
   * sgsf.engine.metrics.ScoreNormalisation}); NaN without thresholds.
   */
  public ReadOnlyDoubleProperty normalisedScoreProperty() {
    return normalisedScore.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Verdict> verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  public Verdict verdict() {
    return verdict.get();
  }

  /**
   * The verdict against the ground truth: "correct", "review", "false alarm" (a good image
   * rejected), "miss" (a defective image passed), or "" when the ground truth is unknown.
   */
  public String outcome() {
    Verdict v = verdict.get();
    if (!result.labelled() || v == null) {
      return "";
    }
    if (v == Verdict.REVIEW) {
      return "review";
    }
    if (result.defective()) {
      return v == Verdict.OK ? "miss" : "correct";
    }
    return v == Verdict.NG ? "false alarm" : "correct";
  }

  void update(Thresholds t) {
    verdict.set(t == null ? null : t.verdict(result.score()));
    normalisedScore.set(t == null ? Double.NaN : t.imageNormalisation().apply(result.score()));
  }
}
