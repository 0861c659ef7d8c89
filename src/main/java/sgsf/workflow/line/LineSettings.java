package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sgsf.io.AtomicFiles;
import sgsf.io.Json;

/**
 * The line set up in a workspace, saved as {@code <workspace>/line/settings.json} so the Line
 * section opens as it was left.
 *
 * @param model the model file ("" when none chosen)
 * @param source the source text ({@link SourceSpec})
 * @param sinks the sink texts ({@link SinkSpec})
 * @param attentionOnly send only REVIEW, NG and errors to every sink
 */
public record LineSettings(String model, String source, List<String> sinks, boolean attentionOnly) {
  /** The file name inside {@code <workspace>/line}. */
  public static final String FILE_NAME = "settings.json";

  public LineSettings {
    model = model == null ? "" : model;
    source = source == null ? "" : source;
    sinks = sinks == null ? List.of() : List.copyOf(sinks);
  }

  /**
   * The settings saved in the workspace, if any.
   *
   * @throws IOException naming the file when it is damaged
   */
  public static Optional<LineSettings> load(Path workspaceDir) throws IOException {
    Path f = file(workspaceDir);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(f.toFile(), LineSettings.class));
    } catch (IOException e) {
      throw new IOException(f + ": damaged line settings (" + e.getMessage() + ")", e);
    }
  }

  /** Saves the settings in the workspace (atomically). */
  public void save(Path workspaceDir) throws IOException {
    AtomicFiles.writeString(
        file(workspaceDir),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this));
  }

  private static Path file(Path workspaceDir) {
    return workspaceDir.toAbsolutePath().normalize().resolve("line").resolve(FILE_NAME);
  }
}
