package sgsf.ui.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleConsumer;
import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import sgsf.engine.metrics.BinnedConfusion;
import sgsf.engine.metrics.ConfusionCounts;
import sgsf.engine.metrics.CurveMetrics;
import sgsf.engine.metrics.PrCurve;
import sgsf.engine.metrics.RocCurve;
import sgsf.engine.metrics.ThresholdView;
import sgsf.engine.metrics.Thresholds;
import sgsf.ui.common.Charts;

/**
 * The Evaluate section's charts (JFreeChart-FX): the score histogram of good vs defective images
 * with the two image thresholds as draggable lines and the review band shaded, and the image and
 * pixel ROC and PR curves with the current operating point marked.
 */
final class EvaluationCharts {
  /** How close (screen pixels) a press must be to a threshold line to grab it. */
  static final double GRAB_PIXELS = 6;

  static final Color OK_COLOR = new Color(0x10b981);
  static final Color NG_COLOR = new Color(0xef4444);
  static final Color REVIEW_FILL = new Color(245, 158, 11, 48);
  static final Color GOOD_BARS = new Color(59, 130, 246, 150);
  static final Color DEFECT_BARS = new Color(239, 68, 68, 150);
  static final Color POINT = new Color(0xf59e0b);

  private final JFreeChart histogram;
  private final ValueMarker lowerMarker = marker(OK_COLOR, true);
  private final ValueMarker upperMarker = marker(NG_COLOR, false);
  private final IntervalMarker band = new IntervalMarker(0, 0, REVIEW_FILL);
  private final ChartViewer histogramViewer;
  private final Curve imageRoc = new Curve("Image ROC", "FPR", "TPR");
  private final Curve imagePr = new Curve("Image PR", "recall", "precision");
  private final Curve pixelRoc = new Curve("Pixel ROC", "FPR", "TPR");
  private final Curve pixelPr = new Curve("Pixel PR", "recall", "precision");
  private DoubleConsumer onLower = v -> {};
  private DoubleConsumer onUpper = v -> {};
  private DoubleConsumer onBoth = v -> {};
  private Grab dragging;
  private boolean curvesShown = true;

  /** What a press grabbed. */
  enum Grab {
    LOWER,
    UPPER,
    /** The single line of a collapsed band: both thresholds move together. */
    BOTH
  }

  private boolean dark;

  EvaluationCharts(boolean dark) {
    NumberAxis x = new NumberAxis("image score");
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis("images");
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYBarRenderer bars = new XYBarRenderer(0.05);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setSeriesPaint(0, GOOD_BARS);
    bars.setSeriesPaint(1, DEFECT_BARS);
    XYPlot plot = new XYPlot(new HistogramDataset(), x, y, bars);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.addDomainMarker(band, Layer.BACKGROUND);
    plot.addDomainMarker(lowerMarker, Layer.FOREGROUND);
    plot.addDomainMarker(upperMarker, Layer.FOREGROUND);
    histogram = new JFreeChart("Image scores", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    histogramViewer = new ChartViewer(histogram);
    histogramViewer.setId("evaluate-histogram");
    histogramViewer.setMinSize(200, 150);
    installDrag(histogramViewer, plot);
    setDark(dark);
  }

  /**
   * A threshold line; its label sits on the outer side of the line (the OK line's to the left, the
   * NG line's to the right), so the two never overlap however narrow the band. No label until
   * thresholds are shown.
   */
  private static ValueMarker marker(Color c, boolean labelLeft) {
    ValueMarker m = new ValueMarker(0, c, new BasicStroke(2.2f));
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
    m.setLabelPaint(c);
    m.setLabelAnchor(labelLeft ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(labelLeft ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
    return m;
  }

  /** The labels of the OK and NG lines as drawn (empty without thresholds). */
  String[] markerLabels() {
    return new String[] {
      lowerMarker.getLabel() == null ? "" : lowerMarker.getLabel(),
      upperMarker.getLabel() == null ? "" : upperMarker.getLabel()
    };
  }

  void setDark(boolean d) {
    this.dark = d;
    Charts.style(histogram, d);
    for (Curve c : curves()) {
      Charts.style(c.chart, d);
      c.restyle();
    }
    XYBarRenderer bars = (XYBarRenderer) histogram.getXYPlot().getRenderer();
    bars.setSeriesPaint(0, GOOD_BARS);
    bars.setSeriesPaint(1, DEFECT_BARS);
  }

  Curve[] curves() {
    return new Curve[] {imageRoc, imagePr, pixelRoc, pixelPr};
  }

  ChartViewer histogramViewer() {
    return histogramViewer;
  }

  ChartViewer imageRocViewer() {
    return imageRoc.viewer;
  }

  ChartViewer imagePrViewer() {
    return imagePr.viewer;
  }

  ChartViewer pixelRocViewer() {
    return pixelRoc.viewer;
  }

  ChartViewer pixelPrViewer() {
    return pixelPr.viewer;
  }

  /** Where dragged thresholds go (in image-score units). */
  void onThresholdDrag(DoubleConsumer lower, DoubleConsumer upper, DoubleConsumer both) {
    this.onLower = lower;
    this.onUpper = upper;
    this.onBoth = both;
  }

  double lowerMarkerValue() {
    return lowerMarker.getValue();
  }

  double upperMarkerValue() {
    return upperMarker.getValue();
  }

  /** Screen x (in the histogram canvas) of an image score; NaN before the first paint. */
  double screenX(double score) {
    XYPlot plot = histogram.getXYPlot();
    var info = histogramViewer.getCanvas().getRenderingInfo();
    if (info == null) {
      return Double.NaN;
    }
    Rectangle2D area = info.getPlotInfo().getDataArea();
    return plot.getDomainAxis().valueToJava2D(score, area, plot.getDomainAxisEdge());
  }

  /**
   * Mouse filters on the viewer (they run before the chart's own pan and zoom handlers): a press
   * near a threshold line grabs it, dragging moves it, and the chart never sees those events.
   */
  private void installDrag(ChartViewer viewer, XYPlot plot) {
    ChartCanvas canvas = viewer.getCanvas();
    viewer.addEventFilter(
        MouseEvent.MOUSE_MOVED,
        e ->
            viewer.setCursor(
                grab(canvasX(canvas, e), false) != null ? Cursor.H_RESIZE : Cursor.DEFAULT));
    viewer.addEventFilter(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          dragging = grab(canvasX(canvas, e), e.isShiftDown());
          if (dragging != null) {
            e.consume();
          }
        });
    viewer.addEventFilter(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          if (dragging == null) {
            return;
          }
          var info = canvas.getRenderingInfo();
          if (info != null) {
            Rectangle2D area = info.getPlotInfo().getDataArea();
            double v =
                plot.getDomainAxis()
                    .java2DToValue(canvasX(canvas, e), area, plot.getDomainAxisEdge());
            switch (dragging) {
              case LOWER -> onLower.accept(v);
              case UPPER -> onUpper.accept(v);
              case BOTH -> onBoth.accept(v);
            }
          }
          e.consume();
        });
    viewer.addEventFilter(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          if (dragging != null) {
            dragging = null;
            e.consume();
          }
        });
    viewer.addEventFilter(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (grab(canvasX(canvas, e), false) != null) {
            e.consume();
          }
        });
  }

  private static double canvasX(ChartCanvas canvas, MouseEvent e) {
    return canvas.sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
  }

  /**
   * What a press at screen x grabs: the nearer line within {@link #GRAB_PIXELS}; on a collapsed
   * band the single line (both thresholds), or with Shift the OK line alone to open a band.
   */
  Grab grab(double x, boolean shift) {
    double u = screenX(upperMarker.getValue());
    double l = screenX(lowerMarker.getValue());
    boolean nearU = Math.abs(x - u) <= GRAB_PIXELS;
    boolean nearL = Math.abs(x - l) <= GRAB_PIXELS;
    if (upperMarker.getValue() == lowerMarker.getValue()) {
      return nearU ? (shift ? Grab.LOWER : Grab.BOTH) : null;
    }
    if (nearU && nearL) {
      return Math.abs(x - l) < Math.abs(x - u) ? Grab.LOWER : Grab.UPPER;
    }
    return nearU ? Grab.UPPER : nearL ? Grab.LOWER : null;
  }

  /** A new result: histogram bins and the threshold-free curves. */
  void setResult(EvaluationResult r) {
    HistogramDataset data = new HistogramDataset();
    data.setType(HistogramType.FREQUENCY);
    XYPlot plot = histogram.getXYPlot();
    if (r != null) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (ImageResult i : r.images()) {
        min = Math.min(min, i.score());
        max = Math.max(max, i.score());
      }
      if (max - min < 1e-9) {
        min -= 0.5;
        max += 0.5;
      }
      int bins = Math.max(10, Math.min(60, r.images().size() / 2));
      if (r.explorer() != null) {
        double[] good = r.explorer().goodScores();
        double[] bad = r.explorer().defectiveScores();
        data.addSeries("good", good.length == 0 ? new double[] {Double.NaN} : good, bins, min, max);
        data.addSeries(
            "defective", bad.length == 0 ? new double[] {Double.NaN} : bad, bins, min, max);
      } else {
        double[] all = r.images().stream().mapToDouble(ImageResult::score).toArray();
        data.addSeries("unknown", all, bins, min, max);
      }
      double pad = (max - min) * 0.04;
      plot.getDomainAxis().setRange(min - pad, max + pad);
    }
    plot.setDataset(data);
    CurveMetrics img = r == null || r.explorer() == null ? null : r.explorer().imageCurves();
    CurveMetrics px =
        r == null || r.explorer() == null || r.explorer().pixelCurves() == null
            ? null
            : r.explorer().pixelCurves().metrics();
    imageRoc.setRoc(img == null ? null : img.roc(), img == null ? "" : auc("AUROC", img.auroc()));
    imagePr.setPr(
        img == null ? null : img.pr(), img == null ? "" : auc("AP", img.averagePrecision()));
    pixelRoc.setRoc(px == null ? null : px.roc(), px == null ? "" : auc("AUROC", px.auroc()));
    pixelPr.setPr(px == null ? null : px.pr(), px == null ? "" : auc("AP", px.averagePrecision()));
  }

  private static String auc(String name, sgsf.engine.metrics.Metric m) {
    return m.defined() ? String.format(java.util.Locale.ROOT, "%s %.3f", name, m.value()) : "";
  }

  /** New thresholds: marker positions, band and operating points. */
  void setThresholds(Thresholds t, ThresholdView v) {
    if (t == null) {
      lowerMarker.setLabel(null);
      upperMarker.setLabel(null);
      return;
    }
    histogram.setNotify(false);
    for (Curve c : curves()) {
      c.chart.setNotify(false);
    }
    try {
      applyThresholds(t, v);
    } finally {
      histogram.setNotify(true);
      for (Curve c : curves()) {
        c.chart.setNotify(curvesShown);
      }
    }
  }

  /**
   * Whether the curve charts are on screen; while hidden their operating points are updated without
   * redrawing, and showing them draws them once.
   */
  void setCurvesShown(boolean shown) {
    curvesShown = shown;
    for (Curve c : curves()) {
      c.chart.setNotify(shown);
    }
  }

  private void applyThresholds(Thresholds t, ThresholdView v) {
    lowerMarker.setValue(t.imageLower());
    upperMarker.setValue(t.imageUpper());
    band.setStartValue(t.imageLower());
    band.setEndValue(t.imageUpper());
    // short labels on the outer sides: the shaded band between the lines is REVIEW
    lowerMarker.setLabel("OK");
    upperMarker.setLabel("NG");
    if (v == null) {
      for (Curve c : curves()) {
        c.setPoint(Double.NaN, Double.NaN);
      }
      return;
    }
    ConfusionCounts ng = v.imageAtNg();
    imageRoc.setPoint(ng.fpr().orElse(Double.NaN), ng.tpr().orElse(Double.NaN));
    imagePr.setPoint(ng.tpr().orElse(Double.NaN), ng.precision().orElse(Double.NaN));
    BinnedConfusion pc = v.pixel();
    if (pc != null) {
      ConfusionCounts c = pc.counts();
      pixelRoc.setPoint(c.fpr().orElse(Double.NaN), c.tpr().orElse(Double.NaN));
      pixelPr.setPoint(c.tpr().orElse(Double.NaN), c.precision().orElse(Double.NaN));
    }
  }

  /** One curve chart with its operating point. */
  final class Curve {
    final JFreeChart chart;
    final ChartViewer viewer;
    final XYSeries line;
    final XYSeries point;
    final String title;

    Curve(String title, String xLabel, String yLabel) {
      this.title = title;
      line = new XYSeries("curve", false, true);
      point = new XYSeries("operating point", false, true);
      XYSeriesCollection data = new XYSeriesCollection();
      data.addSeries(line);
      data.addSeries(point);
      NumberAxis x = new NumberAxis(xLabel);
      NumberAxis y = new NumberAxis(yLabel);
      x.setRange(0, 1);
      y.setRange(0, 1.02);
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
      XYPlot plot = new XYPlot(data, x, y, r);
      chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
      viewer = new ChartViewer(chart);
      viewer.setMinSize(150, 120);
      viewer.setId("chart-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
      restyle();
    }

    void restyle() {
      XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
      r.setSeriesLinesVisible(0, true);
      r.setSeriesShapesVisible(0, false);
      r.setSeriesPaint(0, Charts.SERIES[0]);
      r.setSeriesStroke(0, new BasicStroke(1.6f));
      r.setSeriesLinesVisible(1, false);
      r.setSeriesShapesVisible(1, true);
      r.setSeriesShape(1, new Ellipse2D.Double(-5, -5, 10, 10));
      r.setSeriesPaint(1, POINT);
      chart.getXYPlot().setBackgroundPaint(dark ? new Color(0x0d1117) : Color.WHITE);
    }

    void setRoc(RocCurve c, String auc) {
      line.clear();
      if (c != null) {
        addThinned(c.fpr(), c.tpr());
      }
      chart.setTitle(auc.isEmpty() ? title : title + " (" + auc + ")");
      Charts.style(chart, dark);
      restyle();
    }

    void setPr(PrCurve c, String ap) {
      line.clear();
      if (c != null) {
        addThinned(c.recall(), c.precision());
      }
      chart.setTitle(ap.isEmpty() ? title : title + " (" + ap + ")");
      Charts.style(chart, dark);
      restyle();
    }

    /** At most about 1,500 points, evenly by index, end points kept. */
    private void addThinned(double[] xs, double[] ys) {
      int n = xs.length;
      int step = Math.max(1, n / 1500);
      line.setNotify(false);
      for (int i = 0; i < n; i += step) {
        line.add(xs[i], ys[i]);
      }
      if ((n - 1) % step != 0) {
        line.add(xs[n - 1], ys[n - 1]);
      }
      line.setNotify(true);
    }

    void setPoint(double x, double y) {
      point.clear();
      if (Double.isFinite(x) && Double.isFinite(y)) {
        point.add(x, y);
      }
    }
  }

  /** Size of every chart viewer. */
  static void size(Region r, double w, double h) {
    r.setPrefSize(w, h);
  }
}
