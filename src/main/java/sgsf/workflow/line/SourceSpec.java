package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a line's images come from, parsed from the text the CLI and the workbench take: {@code
 * folder:DIR} (a hot folder).
 *
 * @param kind what kind of source
 * @param target the folder, file, camera index or URL
 */
public record SourceSpec(Kind kind, String target) {
  /** The kinds of source. */
  public enum Kind {
    FOLDER
  }

  /**
   * Parses a source.
   *
   * @throws IllegalArgumentException with a one-line message naming the text and the problem
   */
  public static SourceSpec parse(String text) {
    String t = text == null ? "" : text.strip();
    int colon = t.indexOf(':');
    String scheme = colon < 0 ? "" : t.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? "" : t.substring(colon + 1);
    if (scheme.equals("folder") && !rest.isBlank()) {
      return new SourceSpec(Kind.FOLDER, Path.of(rest).toAbsolutePath().normalize().toString());
    }
    throw new IllegalArgumentException("malformed source '" + text + "': expected folder:DIR");
  }

  /** The text this was parsed from (normalised). */
  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + target;
  }

  /**
   * Opens the source.
   *
   * @param folder how a hot folder is watched
   * @throws IOException naming the source when it cannot be opened
   */
  public LineSource open(FolderSource.Options folder) throws IOException {
    return switch (kind) {
      case FOLDER -> new FolderSource(Path.of(target), folder);
    };
  }
}
