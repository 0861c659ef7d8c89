package sgsf.io.report;

import static sgsf.io.report.Html.esc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sgsf.io.AtomicFiles;
import sgsf.io.Csv;

/**
 * One table of the headline metrics of several runs (e.g. forging strategies, with and without
 * guidance), read from their {@code metrics.json} files; as aligned text, CSV and HTML. In the text
 * and HTML forms the best value of each column is marked.
 */
public final class RunComparison {
  /** The compared columns: the headline metrics, then counts. */
  public static final List<String> COLUMNS =
      List.of(
          "image_auroc",
          "image_ap",
          "image_f1_max",
          "pixel_auroc",
          "pixel_ap",
          "pixel_f1_max",
          "aupro");

  /**
   * One run.
   *
   * @param name the run's name: {@code run.name} of its metrics.json, else its folder's name
   * @param source the metrics.json read
   * @param values the {@link #COLUMNS} values, {@code null} where undefined or absent
   * @param images evaluated images
   */
  public record Row(String name, Path source, Map<String, Double> values, int images) {}

  private final List<Row> rows;

  private RunComparison(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Reads the runs.
   *
   * @param runs run folders containing metrics.json, or metrics.json files
   * @throws IOException naming the run that cannot be read
   */
  public static RunComparison load(List<Path> runs) throws IOException {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("give at least one run folder or metrics.json");
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Path p : runs) {
      Map<String, Object> m = MetricsJson.read(p);
      Path file = Files.isDirectory(p) ? p.resolve(MetricsJson.FILE_NAME) : p;
      String name = null;
      if (m.get("run") instanceof Map<?, ?> run && run.get("name") != null) {
        name = String.valueOf(run.get("name"));
      }
      if (name == null || name.isBlank()) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        name =
            folder == null || folder.getFileName() == null
                ? file.toString()
                : folder.getFileName().toString();
      }
      int n = seen.merge(name, 1, Integer::sum);
      if (n > 1) {
        name = name + " (" + n + ")";
      }
      Map<String, Double> values = new LinkedHashMap<>();
      for (String c : COLUMNS) {
        values.put(c, m.get(c) instanceof Number num ? num.doubleValue() : null);
      }
      int images = 0;
      if (m.get("counts") instanceof Map<?, ?> counts && counts.get("images") instanceof Number k) {
        images = k.intValue();
      }
      rows.add(new Row(name, file, values, images));
    }
    return new RunComparison(rows);
  }

  public List<Row> rows() {
    return rows;
  }

  /** The best (largest) value of a column, or {@code null} when no run has it. */
  public Double best(String column) {
    Double best = null;
    for (Row r : rows) {
      Double v = r.values().get(column);
      if (v != null && (best == null || v > best)) {
        best = v;
      }
    }
    return best;
  }

  private static String cell(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  /** An aligned text table; {@code *} marks the best value of each column. */
  public String toText() {
    List<String> header = new ArrayList<>();
    header.add("run");
    header.addAll(COLUMNS);
    header.add("images");
    List<List<String>> cells = new ArrayList<>();
    for (Row r : rows) {
      List<String> line = new ArrayList<>();
      line.add(r.name());
      for (String c : COLUMNS) {
        Double v = r.values().get(c);
        boolean isBest = v != null && v.equals(best(c)) && rows.size() > 1;
        line.add(cell(v) + (isBest ? "*" : ""));
      }
      line.add(Integer.toString(r.images()));
      cells.add(line);
    }
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> line : cells) {
        width[i] = Math.max(width[i], line.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    appendLine(b, header, width);
    for (List<String> line : cells) {
      appendLine(b, line, width);
    }
    if (rows.size() > 1) {
      b.append("* best in its column; - undefined or absent\n");
    }
    return b.toString();
  }

  private static void appendLine(StringBuilder b, List<String> line, int[] width) {
    for (int i = 0; i < line.size(); i++) {
      String s = line.get(i);
      if (i == 0) {
        b.append(s).append(" ".repeat(width[i] - s.length()));
      } else {
        b.append("  ").append(" ".repeat(width[i] - s.length())).append(s);
      }
    }
    b.append('\n');
  }

  /** CSV: {@code run,image_auroc,...,images,source}; undefined values are empty fields. */
  public String toCsv() {
    List<String> header = new ArrayList<>();
    header.add("run");
    header.addAll(COLUMNS);
    header.add("images");
    header.add("source");
    List<List<String>> lines = new ArrayList<>();
    for (Row r : rows) {
      List<String> f = new ArrayList<>();
      f.add(r.name());
      for (String c : COLUMNS) {
        Double v = r.values().get(c);
        f.add(v == null ? "" : v.toString());
      }
      f.add(Integer.toString(r.images()));
      f.add(r.source().toString());
      lines.add(f);
    }
    return Csv.format(header, lines);
  }

  /** A self-contained, well-formed HTML page with the table; best values in bold. */
  public String toHtml() {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<title>Run comparison</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
        .append("th{background:#f3f3f3}td.l{text-align:left}")
        .append("</style></head><body><h1>Run comparison</h1><table><tr><th>run</th>");
    for (String c : COLUMNS) {
      b.append("<th>").append(esc(c)).append("</th>");
    }
    b.append("<th>images</th></tr>");
    for (Row r : rows) {
      b.append("<tr><td class=\"l\" title=\"")
          .append(esc(r.source().toString()))
          .append("\">")
          .append(esc(r.name()))
          .append("</td>");
      for (String c : COLUMNS) {
        Double v = r.values().get(c);
        boolean isBest = v != null && v.equals(best(c)) && rows.size() > 1;
        b.append("<td>")
            .append(isBest ? "<b>" : "")
            .append(cell(v))
            .append(isBest ? "</b>" : "")
            .append("</td>");
      }
      b.append("<td>").append(r.images()).append("</td></tr>");
    }
    b.append("</table></body></html>\n");
    return b.toString();
  }

  /** Writes the CSV atomically. */
  public void writeCsv(Path file) throws IOException {
    AtomicFiles.writeString(file, toCsv());
  }

  /** Writes the HTML atomically. */
  public void writeHtml(Path file) throws IOException {
    AtomicFiles.writeString(file, toHtml());
  }
}
