package sgsf.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * The workbench's one way of writing a file: into a temporary file in the target's folder, forced
 * to disk, then renamed over the target. A crash or a failing writer leaves either the old file or
 * the new one, never a torn one, and no temporary file behind (unless the process dies).
 *
 * <p>The temporary file is created like any new file ({@code open(CREATE_NEW)}), so the result has
 * the permissions the user's umask gives (0644 under umask 022), not the owner-only 0600 of {@code
 * Files.createTempFile}: models, reports and exports stay readable by colleagues. Where the file
 * system cannot rename atomically the rename falls back to a plain replace. After the rename the
 * folder is forced to disk too where the platform allows it, so the rename itself survives a power
 * cut.
 */
public final class AtomicFiles {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BUFFER = 1 << 16;

  private AtomicFiles() {}

  /** What writes the content; it need not close the stream. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Writes the target atomically with what {@code writer} writes, creating parent folders. */
  public static void write(Path target, Writer writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp =
        dir.resolve("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER);
        writer.write(
            new FilterOutputStream(buffered) {
              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
              }

              @Override
              public void close() throws IOException {
                // the channel is forced and closed here, not by the writer
                flush();
              }
            });
        buffered.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      forceFolder(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes the bytes atomically. */
  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes the text atomically as UTF-8. */
  public static void writeString(Path target, String text) throws IOException {
    writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Copies a file atomically (the copy gets the umask's permissions, not the source's). */
  public static void copy(Path source, Path target) throws IOException {
    write(target, out -> Files.copy(source, out));
  }

  /** Forces a folder's entries to disk; a no-op where folders cannot be opened (Windows). */
  private static void forceFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported on this platform: the rename is still atomic, only its durability is not
      // forced
    }
  }
}
