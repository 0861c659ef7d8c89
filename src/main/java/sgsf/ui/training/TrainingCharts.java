package sgsf.ui.training;

import java.util.List;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import sgsf.engine.train.IterationStats;
import sgsf.ui.common.Charts;

/**
 * The live training charts: total loss and its terms (L_self, L_seg), and training throughput in
 * samples per second, both against the iteration.
 */
final class TrainingCharts {
  private final XYSeries total = new XYSeries("total L", false, true);
  private final XYSeries self = new XYSeries("L_self (L2 + SSIM)", false, true);
  private final XYSeries seg = new XYSeries("L_seg (focal)", false, true);
  private final XYSeries speed = new XYSeries("samples / s", false, true);
  private final JFreeChart lossChart;
  private final JFreeChart speedChart;
  private final ChartViewer lossViewer;
  private final ChartViewer speedViewer;

  TrainingCharts(boolean dark) {
    XYSeriesCollection losses = new XYSeriesCollection();
    losses.addSeries(total);
    losses.addSeries(self);
    losses.addSeries(seg);
    NumberAxis y = new NumberAxis("loss");
    y.setAutoRangeIncludesZero(true);
    NumberAxis x = new NumberAxis("iteration");
    x.setAutoRangeIncludesZero(false);
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot lossPlot = new XYPlot(losses, x, y, new XYLineAndShapeRenderer(true, false));
    lossPlot.setOrientation(PlotOrientation.VERTICAL);
    lossChart = new JFreeChart("Loss", JFreeChart.DEFAULT_TITLE_FONT, lossPlot, true);
    speedChart =
        org.jfree.chart.ChartFactory.createXYLineChart(
            "Throughput",
            "iteration",
            "samples / s",
            new XYSeriesCollection(speed),
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    ((NumberAxis) speedChart.getXYPlot().getDomainAxis())
        .setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ((NumberAxis) speedChart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
    setDark(dark);
    lossViewer = new ChartViewer(lossChart);
    speedViewer = new ChartViewer(speedChart);
    lossViewer.setId("chart-loss");
    speedViewer.setId("chart-speed");
    for (Region r : new Region[] {lossViewer, speedViewer}) {
      r.setMinSize(200, 150);
      r.setPrefSize(420, 240);
    }
  }

  void setDark(boolean dark) {
    Charts.style(lossChart, dark);
    Charts.style(speedChart, dark);
  }

  ChartViewer lossViewer() {
    return lossViewer;
  }

  ChartViewer speedViewer() {
    return speedViewer;
  }

  /**
   * Adds iterations; each chart redraws once per call (JFreeChart redraws synchronously on every
   * change notification, so notifications are switched off while the points go in). A series longer
   * than {@link #MAX_POINTS} is thinned to every other point, which keeps a redraw cheap however
   * long the run.
   */
  void append(List<IterationStats> stats) {
    if (stats.isEmpty()) {
      return;
    }
    lossChart.setNotify(false);
    speedChart.setNotify(false);
    try {
      for (IterationStats s : stats) {
        add(total, s.iteration(), s.loss());
        add(self, s.iteration(), s.lossSelf());
        add(seg, s.iteration(), s.lossSeg());
        add(speed, s.iteration(), s.samplesPerSecond());
      }
      for (XYSeries series : new XYSeries[] {total, self, seg, speed}) {
        if (series.getItemCount() > MAX_POINTS) {
          thin(series);
        }
        series.fireSeriesChanged(); // re-ranges the axes; no redraw while notify is off
      }
    } finally {
      lossChart.setNotify(true);
      speedChart.setNotify(true);
    }
  }

  /** Most points a series keeps. */
  static final int MAX_POINTS = 1500;

  /** Keeps every other point (and always the last). */
  static void thin(XYSeries series) {
    int n = series.getItemCount();
    List<org.jfree.data.xy.XYDataItem> keep = new java.util.ArrayList<>(n / 2 + 1);
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0 || i == n - 1) {
        keep.add((org.jfree.data.xy.XYDataItem) series.getDataItem(i).clone());
      }
    }
    series.clear();
    for (org.jfree.data.xy.XYDataItem item : keep) {
      series.add(item, false);
    }
  }

  private static void add(XYSeries series, int x, double y) {
    if (Double.isFinite(y) && y > 0) {
      series.add(x, y, false);
    }
  }

  void clear() {
    lossChart.setNotify(false);
    speedChart.setNotify(false);
    for (XYSeries series : new XYSeries[] {total, self, seg, speed}) {
      series.clear();
      series.fireSeriesChanged();
    }
    lossChart.setNotify(true);
    speedChart.setNotify(true);
  }

  int pointCount() {
    return total.getItemCount();
  }
}
