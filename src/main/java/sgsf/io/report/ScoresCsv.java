package sgsf.io.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.ScoreNormalisation;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.AtomicFiles;

/**
 * {@code scores.csv}: one row per image, columns {@code path,type,label,score,normalised_score,
 * verdict} (label 1 = defective; normalised with the NG threshold at 0.5; verdict OK / REVIEW /
 * NG). RFC 4180: fields with commas, quotes or line breaks are quoted. Scores are written with full
 * precision ({@link Double#toString}), so they read back exactly.
 */
public final class ScoresCsv {
  /** File name inside a run folder. */
  public static final String FILE_NAME = "scores.csv";

  /** The header row. */
  public static final String HEADER = "path,type,label,score,normalised_score,verdict";

  private ScoresCsv() {}

  /** The CSV text. */
  public static String format(List<EvaluatedImage> images, Thresholds thresholds) {
    ScoreNormalisation n = thresholds.imageNormalisation();
    StringBuilder b = new StringBuilder(64 * (images.size() + 1));
    b.append(HEADER).append('\n');
    for (EvaluatedImage e : images) {
      b.append(field(e.path()))
          .append(',')
          .append(field(e.defectType()))
          .append(',')
          .append(e.label())
          .append(',')
          .append(e.score())
          .append(',')
          .append(n.apply(e.score()))
          .append(',')
          .append(thresholds.verdict(e.score()))
          .append('\n');
    }
    return b.toString();
  }

  /** Writes the file atomically. */
  public static void write(Path file, List<EvaluatedImage> images, Thresholds thresholds)
      throws IOException {
    AtomicFiles.writeString(file, format(images, thresholds));
  }

  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
