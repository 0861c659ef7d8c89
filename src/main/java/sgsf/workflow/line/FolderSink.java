package sgsf.workflow.line;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sgsf.io.AtomicFiles;
import sgsf.io.Csv;
import sgsf.io.Json;

/**
 * Writes each result into a folder: {@code DAY/SEQ_NAME.json} (the result, written atomically) and
 * the images asked for ({@code SEQ_NAME_original.EXT}, {@code _overlay.png}, {@code _map.png}), and
 * appends a line to {@code line-DAY.csv} (one append-only log per local day). Repeating a delivery
 * after a crash rewrites the same files, and the CSV line is not appended twice (the log's last
 * line is checked: results arrive in order).
 */
public final class FolderSink implements LineSink {
  /** The CSV log's columns. */
  public static final List<String> CSV_HEADER =
      List.of(
          "seq",
          "time",
          "source",
          "verdict",
          "score",
          "normalised_score",
          "model",
          "model_id",
          "error");

  private final SinkSpec spec;
  private final Path dir;

  public FolderSink(SinkSpec spec) {
    this.spec = spec;
    this.dir = Path.of(spec.target());
  }

  @Override
  public SinkSpec spec() {
    return spec;
  }

  @Override
  public boolean wantsArtifacts() {
    return !spec.images().isEmpty();
  }

  @Override
  public void connect() throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException(dir + ": cannot create the results folder (" + e + ")", e);
    }
    if (!Files.isWritable(dir)) {
      throw new IOException(dir + ": the results folder cannot be written (permissions)");
    }
  }

  @Override
  public void deliver(LineResult r, Artifacts a) throws IOException {
    LocalDate day = LocalDate.ofInstant(Instant.parse(r.time()), ZoneId.systemDefault());
    Path dayDir = dir.resolve(day.toString());
    String base = String.format(Locale.ROOT, "%08d_%s", r.seq(), stem(r.source()));
    AtomicFiles.writeString(
        dayDir.resolve(base + ".json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n");
    if (spec.images().contains(SinkSpec.Image.ORIGINAL)) {
      Path o = a.original();
      if (o != null) {
        String n = o.getFileName().toString();
        AtomicFiles.copy(o, dayDir.resolve(base + "_original" + n.substring(n.indexOf('.'))));
      }
    }
    if (spec.images().contains(SinkSpec.Image.OVERLAY) && a.overlay() != null) {
      AtomicFiles.copy(a.overlay(), dayDir.resolve(base + "_overlay.png"));
    }
    if (spec.images().contains(SinkSpec.Image.MAP) && a.map() != null) {
      AtomicFiles.copy(a.map(), dayDir.resolve(base + "_map.png"));
    }
    appendCsv(dir.resolve("line-" + day + ".csv"), r);
  }

  private static void appendCsv(Path log, LineResult r) throws IOException {
    List<String> row = new ArrayList<>();
    row.add(Long.toString(r.seq()));
    row.add(r.time());
    row.add(r.source());
    row.add(r.verdict());
    row.add(r.score() == null ? "" : Double.toString(r.score()));
    row.add(r.normalisedScore() == null ? "" : Double.toString(r.normalisedScore()));
    row.add(r.model());
    row.add(r.modelId());
    row.add(r.error());
    String text = Csv.format(CSV_HEADER, List.of(row));
    String line = text.substring(text.indexOf('\n') + 1);
    boolean fresh = !Files.exists(log) || Files.size(log) == 0;
    if (!fresh && lastLine(log).startsWith(r.seq() + ",")) {
      return; // delivered before a crash, outbox row not yet cleared
    }
    try (OutputStream out =
        Files.newOutputStream(
            log, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC)) {
      out.write((fresh ? text : line).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String lastLine(Path log) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, 64 * 1024);
      byte[] b = new byte[n];
      f.seek(len - n);
      f.readFully(b);
      String tail = new String(b, StandardCharsets.UTF_8);
      if (tail.endsWith("\n")) {
        tail = tail.substring(0, tail.length() - 1);
      }
      return tail.substring(tail.lastIndexOf('\n') + 1);
    }
  }

  /** The file name of a source name without folder and extension, safe for any file system. */
  static String stem(String source) {
    String n = source.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1);
    int dot = n.lastIndexOf('.');
    if (dot > 0) {
      n = n.substring(0, dot);
    }
    n = n.replaceAll("[^A-Za-z0-9._-]", "_");
    return n.length() > 80 ? n.substring(0, 80) : n;
  }
}
