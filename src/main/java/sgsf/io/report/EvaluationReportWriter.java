package sgsf.io.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sgsf.engine.image.Heatmaps;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.io.AtomicFiles;

/**
 * Writes an evaluation into a run folder: {@code metrics.json} ({@link MetricsJson}), {@code
 * scores.csv} ({@link ScoresCsv}) and {@code report.html}, a self-contained report with image and
 * pixel ROC and PR curves, the PRO curve, the score histogram of good vs defective images with the
 * thresholds, the per-type table and the worst false alarms and misses with heatmap overlays. Every
 * file is written atomically.
 */
public final class EvaluationReportWriter {
  /** File name of the HTML report inside a run folder. */
  public static final String HTML_FILE_NAME = "report.html";

  private EvaluationReportWriter() {}

  /**
   * What goes into the report besides the numbers.
   *
   * @param title the report's heading
   * @param run provenance shown in the report and stored under {@code run} in metrics.json (model
   *     file, preset, training iterations and time, data folder, ...); may be empty
   * @param worstCount how many worst false alarms and misses to show (0 for none)
   * @param palette heatmap colours
   * @param warnings per image path, why its score may mislead (the {@code warnings} column of
   *     scores.csv); images without a warning may be left out
   */
  public record Options(
      String title,
      Map<String, ?> run,
      int worstCount,
      Heatmaps.Palette palette,
      Map<String, List<String>> warnings) {
    public Options {
      Objects.requireNonNull(title, "title");
      run = run == null ? Map.of() : run;
      warnings = warnings == null ? Map.of() : Map.copyOf(warnings);
      Objects.requireNonNull(palette, "palette");
      if (worstCount < 0) {
        throw new IllegalArgumentException("worstCount must not be negative");
      }
    }

    /** Default options: 6 worst of each kind, inferno heatmaps. */
    public static Options titled(String title, Map<String, ?> run) {
      return new Options(title, run, 6, Heatmaps.Palette.INFERNO, Map.of());
    }

    /** These options with the images' warnings. */
    public Options withWarnings(Map<String, List<String>> imageWarnings) {
      return new Options(title, run, worstCount, palette, imageWarnings);
    }
  }

  /** The files written. */
  public record Written(Path metricsJson, Path scoresCsv, Path html) {}

  /**
   * Writes the three files into {@code folder} (created if needed).
   *
   * @param images the evaluated images (the overlays read their image files by path)
   * @param summary their summary ({@link MetricsSummary#compute})
   */
  public static Written write(
      Path folder, List<EvaluatedImage> images, MetricsSummary summary, Options options)
      throws IOException {
    Path json = folder.resolve(MetricsJson.FILE_NAME);
    Path csv = folder.resolve(ScoresCsv.FILE_NAME);
    Path html = folder.resolve(HTML_FILE_NAME);
    MetricsJson.write(json, summary, options.run());
    ScoresCsv.write(csv, images, summary.thresholds(), options.warnings());
    AtomicFiles.writeString(html, HtmlReport.render(images, summary, options));
    return new Written(json, csv, html);
  }
}
