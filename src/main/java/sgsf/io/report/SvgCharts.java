package sgsf.io.report;

import static sgsf.io.report.Html.esc;
import static sgsf.io.report.Html.num;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the HTML report: line charts (ROC, PR, PRO) and a score histogram. */
final class SvgCharts {
  static final int WIDTH = 400;
  static final int HEIGHT = 300;
  private static final int LEFT = 52;
  private static final int RIGHT = 14;
  private static final int TOP = 42;
  private static final int BOTTOM = 44;

  private SvgCharts() {}

  /** A polyline series. */
  record Series(String name, String colour, double[] x, double[] y) {}

  /** A vertical marker line. */
  record Marker(String label, String colour, double x, boolean dashed) {}

  private static double px(double x, double x0, double x1) {
    return LEFT + (x - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
  }

  private static double py(double y, double y0, double y1) {
    return HEIGHT - BOTTOM - (y - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
  }

  private static void open(StringBuilder b, String title) {
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(esc(title))
        .append("\">");
    b.append("<title>").append(esc(title)).append("</title>");
    b.append("<text x=\"")
        .append(WIDTH / 2)
        .append("\" y=\"18\" text-anchor=\"middle\" class=\"ct\">")
        .append(esc(title))
        .append("</text>");
  }

  private static void axes(
      StringBuilder b,
      String xLabel,
      String yLabel,
      double x0,
      double x1,
      double y0,
      double y1,
      int xTicks,
      int yTicks) {
    double left = LEFT;
    double right = WIDTH - RIGHT;
    double top = TOP;
    double bottom = HEIGHT - BOTTOM;
    b.append("<rect x=\"")
        .append(num(left))
        .append("\" y=\"")
        .append(num(top))
        .append("\" width=\"")
        .append(num(right - left))
        .append("\" height=\"")
        .append(num(bottom - top))
        .append("\" fill=\"none\" stroke=\"#888\"/>");
    for (int i = 0; i <= xTicks; i++) {
      double xv = x0 + (x1 - x0) * i / xTicks;
      double xp = px(xv, x0, x1);
      line(b, xp, top, xp, bottom, "class=\"grid\"");
      text(b, xp, bottom + 14, "text-anchor=\"middle\" class=\"tick\"", tick(xv));
    }
    for (int i = 0; i <= yTicks; i++) {
      double yv = y0 + (y1 - y0) * i / yTicks;
      double yp = py(yv, y0, y1);
      line(b, left, yp, right, yp, "class=\"grid\"");
      text(b, left - 4, yp + 4, "text-anchor=\"end\" class=\"tick\"", tick(yv));
    }
    b.append("<text x=\"")
        .append(num((left + right) / 2))
        .append("\" y=\"")
        .append(HEIGHT - 8)
        .append("\" text-anchor=\"middle\" class=\"al\">")
        .append(esc(xLabel))
        .append("</text>");
    b.append("<text transform=\"translate(13 ")
        .append(num((top + bottom) / 2))
        .append(") rotate(-90)\" text-anchor=\"middle\" class=\"al\">")
        .append(esc(yLabel))
        .append("</text>");
  }

  /** A {@code <line>} from (x1, y1) to (x2, y2) with the given attributes (already escaped). */
  private static void line(
      StringBuilder b, double x1, double y1, double x2, double y2, String attributes) {
    b.append("<line x1=\"")
        .append(num(x1))
        .append("\" y1=\"")
        .append(num(y1))
        .append("\" x2=\"")
        .append(num(x2))
        .append("\" y2=\"")
        .append(num(y2))
        .append("\" ")
        .append(attributes)
        .append("/>");
  }

  /** A {@code <text>} at (x, y) with the given attributes and content (both already escaped). */
  private static void text(StringBuilder b, double x, double y, String attributes, String content) {
    b.append("<text x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" ")
        .append(attributes)
        .append(">")
        .append(content)
        .append("</text>");
  }

  private static String tick(double v) {
    if (v != 0 && (Math.abs(v) < 0.01 || Math.abs(v) >= 1e4)) {
      return String.format(Locale.ROOT, "%.1e", v);
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * A line chart on fixed axis ranges.
   *
   * @param diagonal draw the chance diagonal (ROC)
   * @param markers vertical lines (e.g. the AUPRO limit)
   */
  static String lineChart(
      String title,
      String xLabel,
      String yLabel,
      List<Series> series,
      double x0,
      double x1,
      double y0,
      double y1,
      boolean diagonal,
      List<Marker> markers) {
    StringBuilder b = new StringBuilder(4096);
    open(b, title);
    axes(b, xLabel, yLabel, x0, x1, y0, y1, 5, 5);
    if (diagonal) {
      line(
          b,
          px(x0, x0, x1),
          py(y0, y0, y1),
          px(x1, x0, x1),
          py(y1, y0, y1),
          "stroke=\"#bbb\" stroke-dasharray=\"4 4\"");
    }
    markers(b, markers, x0, x1, y0, y1);
    double legendX = LEFT;
    for (Series s : series) {
      b.append("<polyline fill=\"none\" stroke=\"")
          .append(esc(s.colour()))
          .append("\" stroke-width=\"1.8\" points=\"");
      double[] xs = new double[s.x().length];
      double[] ys = new double[s.x().length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = px(Math.max(x0, Math.min(x1, s.x()[i])), x0, x1);
        ys[i] = py(Math.max(y0, Math.min(y1, s.y()[i])), y0, y1);
      }
      int n = simplify(xs, ys);
      for (int i = 0; i < n; i++) {
        b.append(num(xs[i])).append(',').append(num(ys[i])).append(' ');
      }
      b.append("\"/>");
      if (series.size() > 1) {
        legendX = legend(b, s.name(), s.colour(), legendX);
      }
    }
    b.append("</svg>");
    return b.toString();
  }

  /**
   * Thins a polyline in pixel space in place: drops points closer than half a pixel to the last
   * kept one and merges runs along one horizontal or vertical line; returns the new length.
   */
  static int simplify(double[] xs, double[] ys) {
    int n = 0;
    for (int i = 0; i < xs.length; i++) {
      boolean last = i == xs.length - 1;
      if (n > 0
          && !last
          && Math.abs(xs[i] - xs[n - 1]) < 0.5
          && Math.abs(ys[i] - ys[n - 1]) < 0.5) {
        continue;
      }
      if (n >= 2
          && (sameLine(ys[n - 2], ys[n - 1], ys[i]) || sameLine(xs[n - 2], xs[n - 1], xs[i]))) {
        n--; // the middle point lies on the straight run: replace it
      }
      xs[n] = xs[i];
      ys[n] = ys[i];
      n++;
    }
    return n;
  }

  private static boolean sameLine(double a, double b, double c) {
    return Math.abs(a - b) < 0.05 && Math.abs(b - c) < 0.05;
  }

  /** A legend entry in the row between title and plot; returns the x of the next entry. */
  private static double legend(StringBuilder b, String name, String colour, double x) {
    int y = TOP - 10;
    b.append("<rect x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(y - 8)
        .append("\" width=\"10\" height=\"10\" fill=\"")
        .append(esc(colour))
        .append("\"/><text x=\"")
        .append(num(x + 14))
        .append("\" y=\"")
        .append(y + 1)
        .append("\" class=\"lg\">")
        .append(esc(name))
        .append("</text>");
    return x + 24 + 6.2 * name.length();
  }

  private static void markers(
      StringBuilder b, List<Marker> markers, double x0, double x1, double y0, double y1) {
    int labelRow = 0;
    for (Marker m : markers) {
      if (m.x() < x0 || m.x() > x1) {
        continue;
      }
      double xp = px(m.x(), x0, x1);
      line(
          b,
          xp,
          py(y0, y0, y1),
          xp,
          py(y1, y0, y1),
          "stroke=\""
              + esc(m.colour())
              + "\" stroke-width=\"1.5\""
              + (m.dashed() ? " stroke-dasharray=\"5 3\"" : ""));
      text(
          b,
          xp + 3,
          TOP + 11 + 12 * labelRow++,
          "class=\"mk\" fill=\"" + esc(m.colour()) + "\"",
          esc(m.label()));
    }
  }

  /** Overlaid histograms of good and defective image scores with threshold markers. */
  static String histogram(
      String title, String xLabel, double[] good, double[] defective, List<Marker> markers) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] a : new double[][] {good, defective}) {
      for (double v : a) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    for (Marker m : markers) {
      lo = Math.min(lo, m.x());
      hi = Math.max(hi, m.x());
    }
    if (!(hi > lo)) {
      lo -= 0.5;
      hi += 0.5;
    }
    double pad = (hi - lo) * 0.03;
    double step = niceStep((hi - lo + 2 * pad) / 5);
    lo = Math.floor((lo - pad) / step) * step;
    hi = Math.ceil((hi + pad) / step) * step;
    int bins = (int) Math.round((hi - lo) / (step / 4));
    int[] gc = counts(good, lo, hi, bins);
    int[] dc = counts(defective, lo, hi, bins);
    int max = 1;
    for (int i = 0; i < bins; i++) {
      max = Math.max(max, Math.max(gc[i], dc[i]));
    }
    StringBuilder b = new StringBuilder(4096);
    open(b, title);
    double yStep = Math.max(1, niceStep(max / 5.0));
    max = (int) (Math.ceil(max / yStep) * yStep);
    axes(
        b,
        xLabel,
        "images",
        lo,
        hi,
        0,
        max,
        (int) Math.round((hi - lo) / step),
        (int) Math.round(max / yStep));
    bars(b, gc, lo, hi, max, "#1f77b4");
    bars(b, dc, lo, hi, max, "#d62728");
    markers(b, markers, lo, hi, 0, max);
    double x = legend(b, "good (" + good.length + ")", "#1f77b4", LEFT);
    legend(b, "defective (" + defective.length + ")", "#d62728", x);
    b.append("</svg>");
    return b.toString();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static int[] counts(double[] v, double lo, double hi, int bins) {
    int[] c = new int[bins];
    for (double x : v) {
      int k = (int) ((x - lo) / (hi - lo) * bins);
      c[Math.max(0, Math.min(bins - 1, k))]++;
    }
    return c;
  }

  private static void bars(StringBuilder b, int[] c, double lo, double hi, int max, String colour) {
    int bins = c.length;
    for (int i = 0; i < bins; i++) {
      if (c[i] == 0) {
        continue;
      }
      double x0 = px(lo + (hi - lo) * i / bins, lo, hi);
      double x1 = px(lo + (hi - lo) * (i + 1) / bins, lo, hi);
      double y = py(c[i], 0, max);
      b.append("<rect x=\"")
          .append(num(x0))
          .append("\" y=\"")
          .append(num(y))
          .append("\" width=\"")
          .append(num(Math.max(0.5, x1 - x0 - 0.5)))
          .append("\" height=\"")
          .append(num(py(0, 0, max) - y))
          .append("\" fill=\"")
          .append(colour)
          .append("\" fill-opacity=\"0.55\"/>");
    }
  }
}
