package sgsf.workflow.line;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a line's images come from, parsed from the text the CLI and the workbench take: {@code
 * folder:DIR} (a hot folder), {@code video:FILE} (an MJPG AVI file), {@code camera:N} (a camera by
 * index) or {@code url:URL} (an IP camera serving MJPEG over HTTP).
 *
 * @param kind what kind of source
 * @param target the folder, file, camera index or URL
 */
public record SourceSpec(Kind kind, String target) {
  /** The kinds of source. */
  public enum Kind {
    FOLDER,
    VIDEO,
    CAMERA,
    URL
  }

  private static final String EXPECTED =
      "expected folder:DIR, video:FILE, camera:INDEX or url:http(s)://...";

  /**
   * Parses a source.
   *
   * @throws IllegalArgumentException with a one-line message naming the text and the problem
   */
  public static SourceSpec parse(String text) {
    String t = text == null ? "" : text.strip();
    int colon = t.indexOf(':');
    String scheme = colon < 0 ? "" : t.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? "" : t.substring(colon + 1).strip();
    if (rest.isEmpty()) {
      throw bad(text, EXPECTED);
    }
    switch (scheme) {
      case "folder":
        return new SourceSpec(Kind.FOLDER, Path.of(rest).toAbsolutePath().normalize().toString());
      case "video":
        return new SourceSpec(Kind.VIDEO, Path.of(rest).toAbsolutePath().normalize().toString());
      case "camera":
        try {
          int index = Integer.parseInt(rest);
          if (index < 0) {
            throw bad(text, "the camera index must be >= 0");
          }
          return new SourceSpec(Kind.CAMERA, Integer.toString(index));
        } catch (NumberFormatException e) {
          throw bad(text, "the camera index must be a number (camera:0)");
        }
      case "url":
        try {
          URI u = new URI(rest);
          if (u.getScheme() == null || u.getHost() == null) {
            throw bad(text, "url: needs a full URL, e.g. url:http://192.0.2.10/mjpeg");
          }
          return new SourceSpec(Kind.URL, u.toString());
        } catch (URISyntaxException e) {
          throw bad(text, "not a URL (" + e.getReason() + ")");
        }
      default:
        throw bad(text, EXPECTED);
    }
  }

  private static IllegalArgumentException bad(String text, String problem) {
    return new IllegalArgumentException("malformed source '" + text + "': " + problem);
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
   * @param frames which frames of a video, camera or stream are inspected
   * @throws IOException naming the source when it cannot be opened
   */
  public LineSource open(FolderSource.Options folder, FramePacer frames) throws IOException {
    return switch (kind) {
      case FOLDER -> new FolderSource(Path.of(target), folder);
      case VIDEO -> VideoSource.file(Path.of(target), frames);
      case CAMERA -> VideoSource.camera(Integer.parseInt(target), frames);
      case URL -> new MjpegSource(URI.create(target), frames);
    };
  }
}
