package sgsf.workflow.line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import sgsf.engine.image.ImageIo;

/**
 * A hot folder: every new image file (png, jpg, bmp, tif) in a folder, optionally in its
 * sub-folders, taken once it is completely written: its size and modification time stayed the same
 * for {@link Options#stableMs()}, or it was already that old when first seen (a file written
 * elsewhere and renamed in). Hidden files and names ending in .tmp, .part or .partial are left
 * alone. An image is identified by its path, size and modification time, so a file written again
 * under the same name is inspected again.
 *
 * <p>On the first start on a folder the images already there are inspected or, with {@code
 * processExisting} false, left alone (remembered in the journal, so that on a restart after a crash
 * the images that arrived meanwhile are still inspected).
 */
public final class FolderSource implements LineSource {
  /** What happens to an image file once its result is journalled. */
  public enum After {
    /** Leave it where it is. */
    KEEP,
    /** Move it into {@link Options#moveTo()}, keeping its path below the hot folder. */
    MOVE,
    /** Delete it. */
    DELETE
  }

  /**
   * How the folder is watched.
   *
   * @param recursive also watch sub-folders
   * @param processExisting inspect the images already there on the first start
   * @param stableMs how long size and time must stay unchanged before a file counts as written
   * @param pollMs how often the folder is listed
   * @param after what to do with an inspected file
   * @param moveTo where {@link After#MOVE} puts files (outside the hot folder)
   */
  public record Options(
      boolean recursive,
      boolean processExisting,
      long stableMs,
      long pollMs,
      After after,
      Path moveTo) {
    public Options {
      if (stableMs < 0 || pollMs < 1) {
        throw new IllegalArgumentException("stableMs must be >= 0 and pollMs >= 1");
      }
      if ((after == After.MOVE) != (moveTo != null)) {
        throw new IllegalArgumentException("a folder to move to goes with After.MOVE only");
      }
    }

    /** Top folder only, existing images inspected, 150 ms stability, files kept. */
    public static Options defaults() {
      return new Options(false, true, 150, 25, After.KEEP, null);
    }
  }

  private record Seen(long size, long mtime, long firstSeenMs, long stableSinceMs) {}

  private final Path dir;
  private final Options options;
  private final Map<Path, Seen> candidates = new HashMap<>();
  private final Map<Path, String> handled = new HashMap<>();
  private final Deque<SourceItem> ready = new ArrayDeque<>();
  private long nextPoll;

  /**
   * @throws IOException naming the folder when it is missing or cannot be read, or when the move
   *     target lies inside a recursively watched folder
   */
  public FolderSource(Path dir, Options options) throws IOException {
    this.dir = dir.toAbsolutePath().normalize();
    this.options = options;
    if (!Files.isDirectory(this.dir)) {
      throw new IOException(this.dir + ": hot folder not found (or not a folder)");
    }
    if (!Files.isReadable(this.dir)) {
      throw new IOException(this.dir + ": hot folder cannot be read (permissions)");
    }
    if (options.moveTo() != null) {
      Path to = options.moveTo().toAbsolutePath().normalize();
      if (to.startsWith(this.dir) && (options.recursive() || to.equals(this.dir))) {
        throw new IOException(
            to + ": the folder inspected files move to lies inside the watched folder " + this.dir);
      }
    }
  }

  public Path dir() {
    return dir;
  }

  @Override
  public String describe() {
    return "folder:" + dir;
  }

  @Override
  public boolean replays() {
    return true;
  }

  @Override
  public void attach(LineJournal j) throws IOException {
    String marker = "watching " + dir;
    boolean firstStart = j.meta(marker).isEmpty();
    if (firstStart && !options.processExisting()) {
      long now = System.currentTimeMillis();
      for (Path p : list()) {
        BasicFileAttributes a = attributes(p);
        if (a != null) {
          String key = key(p, a);
          j.ignore(key, p.toString(), now);
          handled.put(p, key);
        }
      }
    }
    j.metaIfAbsent(marker, java.time.Instant.now().toString());
  }

  @Override
  public SourceItem next(long timeoutMs) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (ready.isEmpty()) {
      long now = System.currentTimeMillis();
      if (now >= nextPoll) {
        poll(now);
        nextPoll = now + options.pollMs();
        continue;
      }
      if (now >= deadline) {
        return null;
      }
      Thread.sleep(Math.max(1, Math.min(nextPoll, deadline) - now));
    }
    return ready.poll();
  }

  private void poll(long now) throws IOException {
    Map<Path, Seen> still = new HashMap<>();
    List<Path> listed = list();
    for (Path p : listed) {
      BasicFileAttributes a = attributes(p);
      if (a == null || a.size() == 0) {
        continue;
      }
      long mtime = a.lastModifiedTime().toMillis();
      String key = key(p, a);
      if (key.equals(handled.get(p))) {
        continue;
      }
      Seen s = candidates.get(p);
      boolean changed = s == null || s.size() != a.size() || s.mtime() != mtime;
      if (changed) {
        s = new Seen(a.size(), mtime, s == null ? now : s.firstSeenMs(), now);
      }
      boolean settled =
          now - mtime >= options.stableMs()
              || (!changed && now - s.stableSinceMs() >= options.stableMs());
      if (!settled) {
        still.put(p, s);
        continue;
      }
      handled.put(p, key);
      ready.add(SourceItem.file(key, p, s.firstSeenMs()));
    }
    candidates.clear();
    candidates.putAll(still);
    handled.keySet().retainAll(new java.util.HashSet<>(listed));
  }

  private List<Path> list() throws IOException {
    try (Stream<Path> s = Files.walk(dir, options.recursive() ? Integer.MAX_VALUE : 1)) {
      return s.filter(p -> !p.equals(dir))
          .filter(FolderSource::looksLikeAnImage)
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        return List.of(); // a file vanished while listing: list again at the next poll
      }
      throw new IOException(dir + ": cannot list the hot folder (" + e.getCause() + ")", e);
    }
  }

  private static boolean looksLikeAnImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !n.startsWith(".")
        && !n.endsWith(".tmp")
        && !n.endsWith(".part")
        && !n.endsWith(".partial")
        && ImageIo.isImageFile(p);
  }

  private static BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
  }

  private String key(Path p, BasicFileAttributes a) {
    return "file:" + p + "#" + a.size() + "#" + a.lastModifiedTime().toMillis();
  }

  @Override
  public void processed(SourceItem item) throws IOException {
    Path f = item.file();
    if (f == null || !Files.exists(f)) {
      return;
    }
    switch (options.after()) {
      case KEEP -> {}
      case DELETE -> {
        Files.deleteIfExists(f);
        handled.remove(f);
      }
      case MOVE -> {
        Path target = options.moveTo().toAbsolutePath().resolve(dir.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
        handled.remove(f);
      }
    }
  }
}
