package sgsf.io.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;
import sgsf.io.AtomicFiles;
import sgsf.io.Csv;

/**
 * {@code scores.csv}, the one file of per-image scores that {@code sgsf eval} and {@code sgsf
 * infer} both write, with the same columns: {@code path,type,label,score,normalised_score,verdict,
 * neighbour,similarity,output,warnings,error}.
 *
 * <ul>
 *   <li>{@code type}, {@code label}: the defect type ("good" or the type's folder name) and 1 for
 *       defective, 0 for good; empty when unknown ({@code infer} on a plain folder).
 *   <li>{@code score}: the raw image score; {@code normalised_score}: with the NG threshold at 0.5
 *       (METHOD.md section 5); {@code verdict}: OK / REVIEW / NG. Both are empty without
 *       thresholds.
 *   <li>{@code neighbour}, {@code similarity}: the good training image that guided the map and its
 *       cosine similarity; empty where not known (the evaluator does not keep them, and a model
 *       without guidance has none).
 *   <li>{@code output}: the name of the image's files in {@code infer}'s {@code overlays/} and
 *       {@code maps/}; {@code warnings}: why its score may mislead ({@code "; "}-separated), e.g. a
 *       uniform image; {@code error}: why an image was not scored (its score and verdict are then
 *       empty). Files written before these columns existed read back with them empty.
 *   <li>Paths are written losslessly ({@link sgsf.engine.data.PathNames}): a name that is not valid
 *       UTF-8 has its stray bytes as {@code \xNN}.
 * </ul>
 *
 * Numbers are written with full precision ({@link Double#toString}), so they read back exactly;
 * quoting is RFC 4180 ({@link Csv}), so any path round-trips.
 */
public final class ScoresCsv {
  /** File name inside a run folder. */
  public static final String FILE_NAME = "scores.csv";

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "path",
          "type",
          "label",
          "score",
          "normalised_score",
          "verdict",
          "neighbour",
          "similarity",
          "output",
          "warnings",
          "error");

  /** The columns a file must have to be read: those of the first version of the format. */
  private static final List<String> REQUIRED = COLUMNS.subList(0, 8);

  /** The header row. */
  public static final String HEADER = String.join(",", COLUMNS);

  private ScoresCsv() {}

  /**
   * One image's row.
   *
   * @param path the image file
   * @param type the defect type, or {@code null} when unknown
   * @param label 1 defective, 0 good, or {@code null} when unknown
   * @param score the raw image score
   * @param normalisedScore the score normalised with the NG threshold at 0.5, or {@code null}
   * @param verdict the verdict under the thresholds, or {@code null}
   * @param neighbour the guiding training image's id, or {@code null}
   * @param similarity its cosine similarity, or {@code null}
   * @param output the name of the image's output files, or {@code null}
   * @param warnings why the score may mislead, empty when nothing
   * @param error why the image was not scored (the score is then NaN), or {@code null}
   */
  public record Row(
      String path,
      String type,
      Integer label,
      double score,
      Double normalisedScore,
      Verdict verdict,
      String neighbour,
      Double similarity,
      String output,
      List<String> warnings,
      String error) {

    public Row {
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * A row of an image whose truth is unknown, with the verdict of {@code thresholds}, its output
     * name and warnings.
     */
    public static Row scored(
        String path,
        double score,
        Thresholds thresholds,
        String neighbour,
        Double similarity,
        String output,
        List<String> warnings) {
      return new Row(
          path,
          null,
          null,
          score,
          thresholds == null ? null : thresholds.imageNormalisation().apply(score),
          thresholds == null ? null : thresholds.verdict(score),
          neighbour,
          similarity,
          output,
          warnings,
          null);
    }

    /** The row of an image that was not scored, with the reason. */
    public static Row failed(String path, String error) {
      return new Row(path, null, null, Double.NaN, null, null, null, null, null, null, error);
    }

    /**
     * A row of an image whose truth is unknown, with the verdict of {@code thresholds} (may be
     * {@code null}).
     */
    public static Row scored(
        String path, double score, Thresholds thresholds, String neighbour, Double similarity) {
      return scored(path, score, thresholds, neighbour, similarity, null, List.of());
    }

    /** The row of an evaluated image under the thresholds. */
    public static Row evaluated(EvaluatedImage e, Thresholds thresholds) {
      return evaluated(e, thresholds, List.of());
    }

    /** The row of an evaluated image with its warnings. */
    public static Row evaluated(EvaluatedImage e, Thresholds thresholds, List<String> warnings) {
      return new Row(
          e.path(),
          e.defectType(),
          e.label(),
          e.score(),
          thresholds.imageNormalisation().apply(e.score()),
          thresholds.verdict(e.score()),
          null,
          null,
          null,
          warnings,
          null);
    }

    List<String> fields() {
      return Arrays.asList(
          path,
          type,
          label == null ? null : label.toString(),
          Double.isNaN(score) ? null : Double.toString(score),
          normalisedScore == null ? null : normalisedScore.toString(),
          verdict == null ? null : verdict.name(),
          neighbour,
          similarity == null ? null : similarity.toString(),
          output,
          String.join("; ", warnings),
          error);
    }
  }

  /** The CSV text of rows. */
  public static String format(List<Row> rows) {
    return Csv.format(COLUMNS, rows.stream().map(Row::fields).toList());
  }

  /** The CSV text of evaluated images under the thresholds. */
  public static String format(List<EvaluatedImage> images, Thresholds thresholds) {
    return format(images.stream().map(e -> Row.evaluated(e, thresholds)).toList());
  }

  /**
   * Opens {@code file} for rows written one at a time, each flushed as it is added, so that the
   * rows computed so far survive a run that stops half-way (the file is not atomic for that
   * reason).
   */
  public static Appender append(Path file) throws IOException {
    return new Appender(file);
  }

  /** A scores file being written row by row ({@link #append}). */
  public static final class Appender implements java.io.Closeable {
    private final java.io.Writer out;

    private Appender(Path file) throws IOException {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      out.write(Csv.format(COLUMNS, List.of()));
      out.flush();
    }

    /** Writes one row and flushes it. */
    public void add(Row row) throws IOException {
      String text = Csv.format(COLUMNS, List.of(row.fields()));
      out.write(text, text.indexOf('\n') + 1, text.length() - text.indexOf('\n') - 1);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Writes rows atomically. */
  public static void write(Path file, List<Row> rows) throws IOException {
    AtomicFiles.writeString(file, format(rows));
  }

  /** Writes evaluated images under the thresholds atomically. */
  public static void write(Path file, List<EvaluatedImage> images, Thresholds thresholds)
      throws IOException {
    write(file, images, thresholds, Map.of());
  }

  /** Writes evaluated images under the thresholds atomically, with each image's warnings. */
  public static void write(
      Path file,
      List<EvaluatedImage> images,
      Thresholds thresholds,
      Map<String, List<String>> warnings)
      throws IOException {
    write(
        file,
        images.stream()
            .map(e -> Row.evaluated(e, thresholds, warnings.getOrDefault(e.path(), List.of())))
            .toList());
  }

  /**
   * Reads a file written by {@link #write}.
   *
   * @throws IOException when it cannot be read or is not a scores file
   */
  public static List<Row> read(Path file) throws IOException {
    List<Map<String, String>> parsed = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
    if (!parsed.isEmpty() && !parsed.get(0).keySet().containsAll(REQUIRED)) {
      throw new IOException(file + ": not a " + FILE_NAME + ": its header lacks some of " + HEADER);
    }
    List<Row> rows = new ArrayList<>();
    for (Map<String, String> m : parsed) {
      try {
        rows.add(
            new Row(
                m.get("path"),
                emptyToNull(m.get("type")),
                m.get("label").isEmpty() ? null : Integer.valueOf(m.get("label")),
                m.get("score").isEmpty() ? Double.NaN : Double.parseDouble(m.get("score")),
                parseOrNull(m.get("normalised_score")),
                m.get("verdict").isEmpty() ? null : Verdict.valueOf(m.get("verdict")),
                emptyToNull(m.get("neighbour")),
                parseOrNull(m.get("similarity")),
                emptyToNull(m.get("output")),
                m.get("warnings") == null || m.get("warnings").isEmpty()
                    ? List.of()
                    : List.of(m.get("warnings").split("; ")),
                emptyToNull(m.get("error"))));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": a row of " + FILE_NAME + " does not parse: " + m, e);
      }
    }
    return rows;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Double parseOrNull(String s) {
    return s == null || s.isEmpty() ? null : Double.valueOf(s);
  }
}
