package sgsf.io.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sgsf.io.AtomicFiles;

/**
 * The images reviewers confirmed good, as extra good images for the next training run.
 *
 * <p>Decision: a plain list file, {@code <workspace>/reviews/confirmed-good.txt}, one absolute
 * image path per line ({@code #} starts a comment line), rather than copies of the images. The
 * images stay where the dataset keeps them (no duplicates to drift apart), the list is readable and
 * editable by hand, and a training run that reads it adds the listed images to the dataset's
 * train/good images (skipping ones already there, and listing unreadable ones as skipped). The list
 * is rewritten from the review database whenever a review is saved, so it always equals {@link
 * ReviewStore#confirmedGood()}.
 */
public final class ConfirmedGoodList {
  /** The list's file name inside the workspace's reviews folder. */
  public static final String FILE_NAME = "confirmed-good.txt";

  private ConfirmedGoodList() {}

  /** Writes the list atomically. */
  public static void write(Path file, List<String> imagePaths) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("# Images confirmed good in review; the next training run adds them to train/good.\n");
    for (String p : new LinkedHashSet<>(imagePaths)) {
      if (p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("image path holds a line break: " + p);
      }
      b.append(p).append('\n');
    }
    AtomicFiles.writeBytes(file, b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the list; a missing file is an empty list. Blank and comment lines are ignored. */
  public static List<Path> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    Set<Path> out = new LinkedHashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        out.add(Path.of(t));
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The listed images that are not already among {@code trainGood} (compared as normalised absolute
   * paths), in list order: what a training run should add.
   */
  public static List<Path> additions(List<Path> listed, List<Path> trainGood) {
    Set<Path> have = new java.util.HashSet<>();
    for (Path p : trainGood) {
      have.add(p.toAbsolutePath().normalize());
    }
    List<Path> out = new ArrayList<>();
    for (Path p : listed) {
      if (have.add(p.toAbsolutePath().normalize())) {
        out.add(p);
      }
    }
    return out;
  }
}
