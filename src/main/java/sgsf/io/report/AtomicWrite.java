package sgsf.io.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/** Writes a file through a temp file in the same folder and a rename, so readers never see half. */
final class AtomicWrite {
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicWrite() {}

  static void bytes(Path target, byte[] content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // Not Files.createTempFile: that makes the file owner-only (0600); a plain new file gets the
    // usual permissions, so reports stay readable by colleagues.
    Path tmp =
        parent.resolve(
            "." + target.getFileName() + "-" + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    try {
      Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static void text(Path target, String content) throws IOException {
    bytes(target, content.getBytes(StandardCharsets.UTF_8));
  }
}
