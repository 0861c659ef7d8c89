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
 * @param captureFolder where captured images go, relative to the workspace ("" for the default
 *     {@link #DEFAULT_CAPTURE_FOLDER})
 * @param captureEvery capture every N-th image, 0 only on request
 */
public record LineSettings(
    String model,
    String source,
    List<String> sinks,
    boolean attentionOnly,
    String captureFolder,
    int captureEvery) {
  /** Where captures go by default, relative to the workspace: a folder dataset's good images. */
  public static final String DEFAULT_CAPTURE_FOLDER = "captures/train/good";

  /** The file name inside {@code <workspace>/line}. */
  public static final String FILE_NAME = "settings.json";

  public LineSettings {
    model = model == null ? "" : model;
    source = source == null ? "" : source;
    sinks = sinks == null ? List.of() : List.copyOf(sinks);
    captureFolder =
        captureFolder == null || captureFolder.isBlank() ? DEFAULT_CAPTURE_FOLDER : captureFolder;
    if (captureEvery < 0) {
      throw new IllegalArgumentException("captureEvery must be >= 0, got " + captureEvery);
    }
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
