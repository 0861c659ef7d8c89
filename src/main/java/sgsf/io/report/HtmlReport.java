package sgsf.io.report;

import static sgsf.io.report.Html.esc;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sgsf.engine.data.PathNames;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.Heatmaps;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.metrics.ConfusionCounts;
import sgsf.engine.metrics.CurveMetrics;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.ImageScoreNormalisation;
import sgsf.engine.metrics.Metric;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.ReviewCounts;
import sgsf.engine.metrics.ScoreNormalisation;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.TypeMetrics;

/**
 * The self-contained HTML evaluation report: no external resources (charts are inline SVG, heatmaps
 * inline base64 PNG), well-formed markup (every element closed, so an XML parser reads it).
 */
final class HtmlReport {
  private static final String GOOD_COLOUR = "#1f77b4";
  private static final String DEFECT_COLOUR = "#d62728";
  private static final String PIXEL_COLOUR = "#2ca02c";

  private HtmlReport() {}

  static String render(
      List<EvaluatedImage> images, MetricsSummary s, EvaluationReportWriter.Options o) {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>");
    b.append("<title>").append(esc(o.title())).append("</title><style>");
    b.append(
        "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1300px}"
            + "h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}"
            + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;"
            + "padding:3px 8px;text-align:right;font-variant-numeric:tabular-nums}"
            + "th{background:#f3f3f3}td.l,th.l{text-align:left}.undef{color:#a00}"
            + ".head td{font-size:20px;font-weight:600}.charts{display:flex;flex-wrap:wrap;gap:12px}"
            + ".chart{border:1px solid #eee}.ct{font-size:13px;font-weight:600}"
            + ".tick{font-size:10px;fill:#444}.al{font-size:11px}.lg{font-size:11px}"
            + ".mk{font-size:10px}.grid{stroke:#eee}.cards{display:flex;flex-wrap:wrap;gap:12px}"
            + ".card{border:1px solid #ddd;padding:6px;width:220px;font-size:12px;"
            + "word-break:break-all}.card img{width:208px;image-rendering:pixelated}"
            + ".note{color:#555;font-size:13px}pre{background:#f7f7f7;padding:8px}");
    b.append("</style></head><body>");
    b.append("<h1>").append(esc(o.title())).append("</h1>");
    b.append("<p class=\"note\">Generated ")
        .append(esc(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)))
        .append(". Metrics as defined in METHOD.md section 4 (SGSF paper, section IV-B).</p>");
    runTable(b, o.run());
    headline(b, s);
    thresholds(b, s.thresholds());
    atThreshold(b, s);
    charts(b, images, s);
    perType(b, s);
    worst(b, images, s, o);
    notes(b, s);
    b.append("</body></html>\n");
    return b.toString();
  }

  private static String fmt(Metric m) {
    if (m.defined()) {
      return String.format(Locale.ROOT, "%.4f", m.value());
    }
    return "<span class=\"undef\" title=\"" + esc(m.undefinedReason()) + "\">undefined</span>";
  }

  private static String fmt(double v) {
    return esc(Thresholds.format(v));
  }

  private static void runTable(StringBuilder b, Map<String, ?> run) {
    if (run == null || run.isEmpty()) {
      return;
    }
    b.append("<h2>Run</h2><table>");
    for (var e : run.entrySet()) {
      b.append("<tr><th class=\"l\">")
          .append(esc(e.getKey()))
          .append("</th><td class=\"l\">")
          .append(esc(String.valueOf(e.getValue())))
          .append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void headline(StringBuilder b, MetricsSummary s) {
    CurveMetrics ic = s.image().curves();
    CurveMetrics pc = s.pixel() == null ? null : s.pixel().curves();
    Metric none = Metric.undefined("no anomaly maps were evaluated");
    b.append("<h2>Summary</h2><table class=\"head\"><tr>");
    for (String h :
        new String[] {
          "image AUROC",
          "image AP",
          "image F1-max",
          "pixel AUROC",
          "pixel AP",
          "pixel F1-max",
          "AUPRO (FPR &#8804; 0.3)"
        }) {
      b.append("<th>").append(h).append("</th>");
    }
    b.append("</tr><tr>");
    for (Metric m :
        new Metric[] {
          ic.auroc(),
          ic.averagePrecision(),
          ic.f1Max(),
          pc == null ? none : pc.auroc(),
          pc == null ? none : pc.averagePrecision(),
          pc == null ? none : pc.f1Max(),
          pc == null ? none : pc.aupro()
        }) {
      b.append("<td>").append(fmt(m)).append("</td>");
    }
    b.append("</tr></table>");
    b.append("<p class=\"note\">")
        .append(s.images())
        .append(" images (")
        .append(s.goodImages())
        .append(" good, ")
        .append(s.defectiveImages())
        .append(" defective)");
    if (s.pixel() != null) {
      b.append("; ")
          .append(s.pixel().maps())
          .append(" anomaly maps at ")
          .append(esc(String.join(", ", s.pixel().resolutions())))
          .append(", ")
          .append(pc.positives())
          .append(" defect pixels in ")
          .append(pc.regions())
          .append(" regions");
    }
    b.append(".</p>");
  }

  private static void thresholds(StringBuilder b, Thresholds t) {
    b.append("<h2>Thresholds</h2><pre>").append(esc(t.describe())).append("</pre>");
    ImageScoreNormalisation n = t.imageNormalisation();
    b.append("<p class=\"note\">A score at or above a threshold counts as defective. Normalised")
        .append(" scores are strictly increasing in the score and keep the review band visible:")
        .append(" OK below 0.25, REVIEW from 0.25, NG from 0.5; the NG threshold ")
        .append(fmt(t.imageUpper()))
        .append(" maps to 0.5 (image score range ")
        .append(fmt(t.imageScoreMin()))
        .append(" to ")
        .append(fmt(t.imageScoreMax()))
        .append(")");
    if (t.hasReviewBand()) {
      b.append(" and the OK threshold to ").append(fmt(n.apply(t.imageLower())));
    }
    b.append("; in heatmaps the pixel threshold ")
        .append(fmt(t.pixelThreshold()))
        .append(" sits at the middle of the colour scale.</p>");
  }

  private static void confusionRow(
      StringBuilder b, String name, ConfusionCounts c, double t, boolean pixel) {
    b.append("<tr><td class=\"l\">")
        .append(esc(name))
        .append("</td><td>")
        .append(fmt(t))
        .append("</td><td>")
        .append(c.tp())
        .append("</td><td>")
        .append(c.fp())
        .append("</td><td>")
        .append(c.tn())
        .append("</td><td>")
        .append(c.fn())
        .append("</td><td>")
        .append(fmt(c.tpr()))
        .append("</td><td>")
        .append(fmt(c.tnr()))
        .append("</td><td>")
        .append(fmt(c.precision()))
        .append("</td><td>")
        .append(fmt(c.accuracy()))
        .append("</td><td>")
        .append(fmt(c.mAcc()))
        .append("</td><td>")
        .append(fmt(c.f1()))
        .append("</td><td>")
        .append(pixel ? fmt(c.iou()) : "")
        .append("</td></tr>");
  }

  private static void atThreshold(StringBuilder b, MetricsSummary s) {
    Thresholds t = s.thresholds();
    b.append("<h2>At the thresholds</h2><table><tr><th class=\"l\">decision</th>")
        .append("<th>threshold</th><th>TP</th><th>FP</th><th>TN</th><th>FN</th><th>TPR</th>")
        .append("<th>TNR</th><th>precision</th><th>accuracy</th><th>mACC</th><th>F1</th>")
        .append("<th>IoU</th></tr>");
    confusionRow(b, "image: NG = defective", s.image().atNg(), t.imageUpper(), false);
    if (t.hasReviewBand()) {
      confusionRow(
          b, "image: REVIEW or NG = defective", s.image().atReview(), t.imageLower(), false);
    }
    if (s.pixel() != null) {
      confusionRow(b, "pixels", s.pixel().atThreshold(), t.pixelThreshold(), true);
    }
    b.append("</table>");
    ReviewCounts r = s.image().review();
    b.append("<table><tr><th class=\"l\">images</th><th>OK</th><th>REVIEW</th><th>NG</th></tr>")
        .append("<tr><td class=\"l\">good</td><td>")
        .append(r.goodOk())
        .append("</td><td>")
        .append(r.goodReview())
        .append("</td><td>")
        .append(r.goodNg())
        .append("</td></tr><tr><td class=\"l\">defective</td><td>")
        .append(r.defectiveOk())
        .append("</td><td>")
        .append(r.defectiveReview())
        .append("</td><td>")
        .append(r.defectiveNg())
        .append("</td></tr></table>");
  }

  private static void charts(StringBuilder b, List<EvaluatedImage> images, MetricsSummary s) {
    b.append("<h2>Curves</h2><div class=\"charts\">");
    CurveMetrics ic = s.image().curves();
    if (ic.roc() != null) {
      b.append(
          SvgCharts.lineChart(
              "Image ROC (AUROC " + plain(ic.auroc()) + ")",
              "false-positive rate",
              "true-positive rate",
              List.of(
                  new SvgCharts.Series("images", DEFECT_COLOUR, ic.roc().fpr(), ic.roc().tpr())),
              0,
              1,
              0,
              1,
              true,
              List.of()));
      b.append(
          SvgCharts.lineChart(
              "Image PR (AP " + plain(ic.averagePrecision()) + ")",
              "recall",
              "precision",
              List.of(
                  new SvgCharts.Series(
                      "images", DEFECT_COLOUR, ic.pr().recall(), ic.pr().precision())),
              0,
              1,
              0,
              1,
              false,
              List.of()));
    }
    CurveMetrics pc = s.pixel() == null ? null : s.pixel().curves();
    if (pc != null && pc.roc() != null) {
      b.append(
          SvgCharts.lineChart(
              "Pixel ROC (AUROC " + plain(pc.auroc()) + ")",
              "false-positive rate",
              "true-positive rate",
              List.of(new SvgCharts.Series("pixels", PIXEL_COLOUR, pc.roc().fpr(), pc.roc().tpr())),
              0,
              1,
              0,
              1,
              true,
              List.of()));
      b.append(
          SvgCharts.lineChart(
              "Pixel PR (AP " + plain(pc.averagePrecision()) + ")",
              "recall",
              "precision",
              List.of(
                  new SvgCharts.Series(
                      "pixels", PIXEL_COLOUR, pc.pr().recall(), pc.pr().precision())),
              0,
              1,
              0,
              1,
              false,
              List.of()));
      if (pc.pro() != null) {
        b.append(
            SvgCharts.lineChart(
                "Per-region overlap (AUPRO " + plain(pc.aupro()) + ")",
                "false-positive rate on normal pixels",
                "mean region overlap",
                List.of(new SvgCharts.Series("PRO", PIXEL_COLOUR, pc.pro().fpr(), pc.pro().pro())),
                0,
                1,
                0,
                1,
                false,
                List.of(new SvgCharts.Marker("FPR 0.3", "#555", 0.3, true))));
      }
    }
    double[] good =
        images.stream().filter(e -> !e.defective()).mapToDouble(EvaluatedImage::score).toArray();
    double[] bad =
        images.stream()
            .filter(EvaluatedImage::defective)
            .mapToDouble(EvaluatedImage::score)
            .toArray();
    Thresholds t = s.thresholds();
    List<SvgCharts.Marker> markers = new ArrayList<>();
    if (t.hasReviewBand()) {
      markers.add(new SvgCharts.Marker("OK below", "#ff7f0e", t.imageLower(), true));
    }
    markers.add(new SvgCharts.Marker("NG from", "#000000", t.imageUpper(), false));
    b.append(
        SvgCharts.histogram("Image scores: good vs defective", "image score", good, bad, markers));
    b.append("</div>");
  }

  private static String plain(Metric m) {
    return m.defined() ? String.format(Locale.ROOT, "%.4f", m.value()) : "undefined";
  }

  private static void perType(StringBuilder b, MetricsSummary s) {
    if (s.perType().isEmpty()) {
      return;
    }
    b.append("<h2>Per defect type (each against the ")
        .append(s.goodImages())
        .append(" good images)</h2><table><tr><th class=\"l\">type</th><th>images</th>")
        .append("<th>image AUROC</th><th>image AP</th><th>pixel AUROC</th><th>pixel AP</th>")
        .append("<th>AUPRO</th><th>OK (escapes)</th><th>REVIEW</th><th>NG</th>")
        .append("<th>detection rate</th></tr>");
    Metric none = Metric.undefined("no anomaly map with a mask for this type");
    for (TypeMetrics tm : s.perType()) {
      b.append("<tr><td class=\"l\">")
          .append(esc(tm.defectType()))
          .append("</td><td>")
          .append(tm.images())
          .append("</td><td>")
          .append(fmt(tm.image().auroc()))
          .append("</td><td>")
          .append(fmt(tm.image().averagePrecision()))
          .append("</td><td>")
          .append(fmt(tm.pixel() == null ? none : tm.pixel().auroc()))
          .append("</td><td>")
          .append(fmt(tm.pixel() == null ? none : tm.pixel().averagePrecision()))
          .append("</td><td>")
          .append(fmt(tm.pixel() == null ? none : tm.pixel().aupro()))
          .append("</td><td>")
          .append(tm.review().defectiveOk())
          .append("</td><td>")
          .append(tm.review().defectiveReview())
          .append("</td><td>")
          .append(tm.review().defectiveNg())
          .append("</td><td>")
          .append(fmt(tm.detectionRate()))
          .append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void worst(
      StringBuilder b,
      List<EvaluatedImage> images,
      MetricsSummary s,
      EvaluationReportWriter.Options o) {
    if (o.worstCount() <= 0) {
      return;
    }
    Thresholds t = s.thresholds();
    b.append("<h2>Worst false alarms (good images with the highest scores)</h2>");
    cards(b, MetricsSummary.highestScoringGood(images, o.worstCount()), t, o);
    b.append("<h2>Worst misses (defective images with the lowest scores)</h2>");
    cards(b, MetricsSummary.lowestScoringDefective(images, o.worstCount()), t, o);
    b.append("<p class=\"note\">Heatmap: ")
        .append(esc(o.palette().name().toLowerCase(Locale.ROOT)))
        .append(" colour map of the normalised anomaly map (pixel threshold at the middle),")
        .append(" blended 50 % over the image; cyan outlines the ground-truth defect.</p>");
  }

  private static void cards(
      StringBuilder b, List<EvaluatedImage> list, Thresholds t, EvaluationReportWriter.Options o) {
    if (list.isEmpty()) {
      b.append("<p class=\"note\">none</p>");
      return;
    }
    b.append("<div class=\"cards\">");
    ImageScoreNormalisation n = t.imageNormalisation();
    for (EvaluatedImage e : list) {
      b.append("<div class=\"card\">");
      String problem = null;
      String png = null;
      try {
        png = overlayPng(e, t, o);
      } catch (ImageReadException ex) {
        problem = ex.reason();
      }
      if (png != null) {
        b.append("<img alt=\"heatmap of ")
            .append(esc(e.path()))
            .append("\" src=\"data:image/png;base64,")
            .append(png)
            .append("\"/>");
      }
      b.append("<div>")
          .append(esc(e.path()))
          .append("</div><div>")
          .append(esc(e.defectType()))
          .append(", score ")
          .append(fmt(e.score()))
          .append(" (normalised ")
          .append(String.format(Locale.ROOT, "%.3f", n.apply(e.score())))
          .append("), ")
          .append(t.verdict(e.score()))
          .append("</div>");
      if (problem != null) {
        b.append("<div class=\"undef\">image not readable: ").append(esc(problem)).append("</div>");
      } else if (!e.hasMap()) {
        b.append("<div class=\"note\">no anomaly map</div>");
      }
      b.append("</div>");
    }
    b.append("</div>");
  }

  /** The overlay as base64 PNG; the heatmap alone when the image file cannot be read. */
  private static String overlayPng(
      EvaluatedImage e, Thresholds t, EvaluationReportWriter.Options o) {
    FloatImage image = ImageIo.read(PathNames.path(e.path()));
    if (!e.hasMap()) {
      return Base64.getEncoder().encodeToString(ImageIo.encodePng(image));
    }
    ScoreNormalisation n = t.pixelNormalisation();
    double gain = 1 / n.span();
    double offset = 0.5 - n.threshold() / n.span();
    FloatImage out =
        Heatmaps.overlay(
            image, e.anomalyMap(), e.width(), e.height(), gain, offset, 0.5, o.palette());
    if (e.groundTruth() != null && e.defective()) {
      out = Heatmaps.outline(out, e.groundTruth(), 0f, 1f, 1f);
    }
    return Base64.getEncoder().encodeToString(ImageIo.encodePng(out));
  }

  private static void notes(StringBuilder b, MetricsSummary s) {
    b.append("<h2>Notes</h2><ul>");
    for (String n : s.notes()) {
      b.append("<li>").append(esc(n)).append("</li>");
    }
    b.append("<li>AUROC: trapezoid under the ROC curve over every distinct score (ties grouped).")
        .append(" AP: sum over thresholds of (R_n &#8722; R_{n&#8722;1}) P_n. AUPRO: MVTec AD's")
        .append(" per-region overlap (8-connected ground-truth regions), integrated up to FPR 0.3")
        .append(" and divided by 0.3. Pixel metrics are exact (every pixel); the plotted pixel")
        .append(" curves are thinned to 0.001 steps.</li>");
    if (!s.thresholds().calibratedOn().isEmpty()) {
      b.append("<li>Thresholds were calibrated on ")
          .append(esc(s.thresholds().calibratedOn()))
          .append("; if these are the evaluated images, the at-threshold numbers are optimistic.")
          .append("</li>");
    }
    b.append("</ul>");
  }
}
