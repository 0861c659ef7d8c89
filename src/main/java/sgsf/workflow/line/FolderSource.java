package sgsf.workflow.line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import sgsf.engine.image.ImageIo;

/**
 * A hot folder: every new image file (png, jpg, bmp, tif) in a folder, optionally in its
 * sub-folders, taken once it is completely written: at once when it is a whole PNG or JPEG by its
 * own structure ({@link #completeByFormat}; the usual case of a camera that writes a temporary name
 * and renames the file in), else once its size and modification time stayed the same for {@link
 * Options#stableMs()}, or when it was already that old when first seen. With {@code stableMs} 0
 * every file is taken when first seen. Hidden files and names ending in .tmp, .part or .partial are
 * left alone. An image is identified by its path, size and modification time, so a file written
 * again under the same name is inspected again.
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

  private record Seen(
      long size, long mtime, long firstSeenMs, long stableSinceMs, boolean complete) {}

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
        boolean complete = options.stableMs() > 0 && completeByFormat(p, a.size());
        s = new Seen(a.size(), mtime, s == null ? now : s.firstSeenMs(), now, complete);
      }
      boolean settled =
          s.complete()
              || now - mtime >= options.stableMs()
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

  /** A PNG's last chunk: length 0, type IEND, its CRC. */
  private static final byte[] PNG_IEND = {
    0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82
  };

  /**
   * True when the file of {@code size} bytes is a whole PNG or JPEG by its own structure, so that
   * it can be taken without waiting for the stability window: a PNG ends with its IEND chunk (the
   * last thing a PNG writer writes; 12 fixed bytes that cannot end a truncated file by chance); a
   * JPEG's segments, followed by their lengths from the start (so that an embedded EXIF thumbnail,
   * which has an end marker of its own, is skipped), reach the start of scan, and the file ends
   * with the end-of-image marker (which cannot occur in the entropy-coded data). Other formats, and
   * a file whose size changes while it is read, are not.
   */
  static boolean completeByFormat(Path p, long size) {
    if (size < 16) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      byte[] head = read(ch, 0, 8);
      boolean complete;
      if (ImageIo.looksLikePng(head)) {
        complete = Arrays.equals(read(ch, size - PNG_IEND.length, PNG_IEND.length), PNG_IEND);
      } else if (ImageIo.looksLikeJpeg(head)) {
        complete = jpegComplete(ch, size);
      } else {
        complete = false;
      }
      return complete && ch.size() == size;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean jpegComplete(FileChannel ch, long size) throws IOException {
    long pos = 2;
    for (int segments = 0; segments < 10_000 && pos + 4 <= size; segments++) {
      byte[] b = read(ch, pos, 4);
      if ((b[0] & 0xff) != 0xFF) {
        return false;
      }
      int marker = b[1] & 0xff;
      if (marker == 0xFF) {
        pos++; // fill byte before a marker
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        pos += 2; // markers without a length
        continue;
      }
      if (marker == 0xD9) {
        return false; // end of image before any scan
      }
      long end = pos + 2 + (((b[2] & 0xff) << 8) | (b[3] & 0xff));
      if (marker == 0xDA) {
        byte[] tail = read(ch, size - 2, 2);
        return end < size - 2 && (tail[0] & 0xff) == 0xFF && (tail[1] & 0xff) == 0xD9;
      }
      pos = end;
    }
    return false;
  }

  private static byte[] read(FileChannel ch, long pos, int n) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(n);
    while (buf.hasRemaining()) {
      if (ch.read(buf, pos + buf.position()) < 0) {
        throw new java.io.EOFException();
      }
    }
    return buf.array();
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
