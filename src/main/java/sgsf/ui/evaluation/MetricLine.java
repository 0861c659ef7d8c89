package sgsf.ui.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sgsf.engine.metrics.BinnedConfusion;
import sgsf.engine.metrics.BinnedCurveMetrics;
import sgsf.engine.metrics.ConfusionCounts;
import sgsf.engine.metrics.CurveMetrics;
import sgsf.engine.metrics.Metric;
import sgsf.engine.metrics.ThresholdExplorer;
import sgsf.engine.metrics.ThresholdView;
import sgsf.engine.metrics.Thresholds;

/**
 * One line of the metrics table.
 *
 * @param group "Image", "Pixel", "Image at thresholds", "Pixel at threshold"
 * @param name the metric
 * @param value formatted value, or "n/a"
 * @param note how it was computed, an error bound, or why it is undefined
 */
public record MetricLine(String group, String name, String value, String note) {

  /**
   * The metrics table of {@code r} at thresholds {@code t}: the threshold-free curves, then the
   * counts at the thresholds ({@code v}, the explorer's answer for {@code t}); empty without a
   * result or thresholds, one "n/a" line without ground truth.
   */
  static List<MetricLine> at(EvaluationResult r, Thresholds t, ThresholdView v) {
    List<MetricLine> out = new ArrayList<>();
    if (r == null || t == null) {
      return out;
    }
    ThresholdExplorer x = r.explorer();
    if (x == null) {
      out.add(new MetricLine("Image", "Metrics", "n/a", "the images have no ground truth"));
      return out;
    }
    CurveMetrics img = x.imageCurves();
    out.add(line("Image", "AUROC", img.auroc(), "exact"));
    out.add(line("Image", "AP", img.averagePrecision(), "exact"));
    out.add(
        line(
            "Image",
            "F1-max",
            img.f1Max(),
            img.f1Threshold().defined() ? "at score " + fmt(img.f1Threshold().value()) : ""));
    BinnedCurveMetrics px = x.pixelCurves();
    if (px != null) {
      CurveMetrics p = px.metrics();
      out.add(line("Pixel", "AUROC", p.auroc(), bound(px.aurocErrorBound())));
      out.add(line("Pixel", "AP", p.averagePrecision(), bound(px.apErrorBound())));
      out.add(line("Pixel", "F1-max", p.f1Max(), bound(px.f1MaxErrorBound())));
      out.add(line("Pixel", "AUPRO@0.3", p.aupro(), bound(px.auproErrorBound())));
    }
    ConfusionCounts ng = v.imageAtNg();
    String at = "NG = score ≥ " + fmt(t.imageUpper());
    out.add(line("Image at thresholds", "TPR (recall)", ng.tpr(), at));
    out.add(line("Image at thresholds", "TNR", ng.tnr(), at));
    out.add(line("Image at thresholds", "Precision", ng.precision(), at));
    out.add(line("Image at thresholds", "F1", ng.f1(), at));
    out.add(line("Image at thresholds", "Accuracy", ng.accuracy(), at));
    out.add(line("Image at thresholds", "mACC", ng.mAcc(), "(TPR + TNR) / 2"));
    ConfusionCounts caught = v.imageAtReview();
    out.add(
        line(
            "Image at thresholds",
            "Miss rate",
            caught.missRate(),
            "defective passed as OK (REVIEW counts as caught)"));
    out.add(line("Image at thresholds", "False-reject rate", ng.fpr(), "good rejected as NG"));
    int total = v.review().total();
    out.add(
        new MetricLine(
            "Image at thresholds",
            "In review band",
            v.review().review() + " of " + total,
            String.format(
                Locale.ROOT, "%.1f %% of the images", 100.0 * v.review().review() / total)));
    BinnedConfusion pc = v.pixel();
    if (pc != null) {
      ConfusionCounts c = pc.counts();
      String note =
          "at "
              + fmt(pc.snappedThreshold())
              + (pc.tpError() + pc.fpError() > 0 ? " (bin edge)" : "");
      out.add(line("Pixel at threshold", "TPR", c.tpr(), note));
      out.add(line("Pixel at threshold", "FPR", c.fpr(), note));
      out.add(line("Pixel at threshold", "Precision", c.precision(), note));
      out.add(line("Pixel at threshold", "IoU", c.iou(), "over all test pixels"));
      out.add(line("Pixel at threshold", "F1", c.f1(), note));
    }
    return out;
  }

  private static MetricLine line(String group, String name, Metric m, String note) {
    return m.defined()
        ? new MetricLine(group, name, String.format(Locale.ROOT, "%.4f", m.value()), note)
        : new MetricLine(group, name, "n/a", m.undefinedReason());
  }

  private static String bound(double b) {
    return b < 5e-5 ? "binned, exact to 4 digits" : String.format(Locale.ROOT, "binned, ± %.4f", b);
  }

  private static String fmt(double v) {
    return Thresholds.format(v);
  }
}
