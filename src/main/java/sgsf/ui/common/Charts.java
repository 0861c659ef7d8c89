package sgsf.ui.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** Shared look of the workbench's JFreeChart charts, for the light and the dark theme. */
public final class Charts {
  /** Series colours that read on light and dark backgrounds (blue, orange, green, purple). */
  public static final Color[] SERIES =
      new Color[] {
        new Color(0x3b82f6), new Color(0xf59e0b), new Color(0x10b981), new Color(0xa855f7)
      };

  private Charts() {}

  /** Applies fonts, colours and thin lines to an XY line chart. */
  public static void style(JFreeChart chart, boolean dark) {
    Color bg = dark ? new Color(0x0d1117) : Color.WHITE;
    Color fg = dark ? new Color(0xc9d1d9) : new Color(0x24292f);
    Color grid = dark ? new Color(0x30363d) : new Color(0xd8dee4);
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    chart.setBackgroundPaint(bg);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
      title.setPaint(fg);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setBackgroundPaint(bg);
      legend.setItemPaint(fg);
      legend.setItemFont(small);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    if (chart.getPlot() instanceof XYPlot plot) {
      plot.setBackgroundPaint(bg);
      plot.setOutlineVisible(false);
      plot.setDomainGridlinePaint(grid);
      plot.setRangeGridlinePaint(grid);
      plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
      for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
        axis.setLabelFont(small);
        axis.setLabelPaint(fg);
        axis.setTickLabelFont(small);
        axis.setTickLabelPaint(fg);
        axis.setAxisLinePaint(grid);
        axis.setTickMarkPaint(grid);
      }
      if (plot.getRenderer() instanceof XYLineAndShapeRenderer r) {
        r.setDefaultShapesVisible(false);
        for (int i = 0; i < SERIES.length; i++) {
          r.setSeriesPaint(i, SERIES[i]);
          r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
      }
    }
  }
}
