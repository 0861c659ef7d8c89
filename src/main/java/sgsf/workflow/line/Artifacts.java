package sgsf.workflow.line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The images of one inspected image kept until every sink has it ({@code
 * <workspace>/line/artifacts/<seq>/}): the original as it came, the heatmap overlay and the raw
 * 16-bit anomaly map. Written only when a sink wants images.
 *
 * @param dir the image's folder
 */
public record Artifacts(Path dir) {
  /** The folder for image {@code seq} under {@code root}. */
  public static Artifacts of(Path root, long seq) {
    return new Artifacts(root.resolve(Long.toString(seq)));
  }

  /** The original image file, or null when none was kept. */
  public Path original() throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("original."))
          .findFirst()
          .orElse(null);
    }
  }

  /** The heatmap overlay (PNG), or null. */
  public Path overlay() {
    Path p = dir.resolve("overlay.png");
    return Files.isRegularFile(p) ? p : null;
  }

  /** The raw anomaly map (16-bit PNG), or null. */
  public Path map() {
    Path p = dir.resolve("map.png");
    return Files.isRegularFile(p) ? p : null;
  }

  /**
   * Deletes the folder once no sink needs it. Another thread may delete it at the same time (the
   * last sink and the line's sweep of kept images): what is gone already is not an error.
   */
  public void delete() throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException e) {
      // deleted meanwhile
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof NoSuchFileException)) {
        throw e.getCause();
      }
    }
  }
}
