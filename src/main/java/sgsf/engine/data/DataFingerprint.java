package sgsf.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import sgsf.engine.image.ImageHeader;

/**
 * Which files a model was trained on: name, size and SHA-256 of every training image, one digest
 * over all of them, and their sizes and channels (provenance).
 *
 * @param shapes the training images' sizes and channels as their headers declare them, or {@code
 *     null} when unknown (models saved before this was recorded)
 */
public record DataFingerprint(List<Entry> files, String digest, ImageShapes shapes) {

  /** One training file. */
  public record Entry(String name, long size, String sha256) {}

  public DataFingerprint {
    files = List.copyOf(files);
  }

  /** A fingerprint without a summary of the images' shapes. */
  public DataFingerprint(List<Entry> files, String digest) {
    this(files, digest, null);
  }

  /** How much of a file's start is read for its header (a JPEG's Exif block comes first). */
  private static final int HEADER_BYTES = 1 << 18;

  /** Hashes the files (in the given order). */
  public static DataFingerprint of(List<Path> paths) throws IOException {
    List<Entry> entries = new ArrayList<>(paths.size());
    List<ImageHeader> headers = new ArrayList<>(paths.size());
    MessageDigest all = sha256();
    for (Path p : paths) {
      MessageDigest one = sha256();
      try (InputStream in = Files.newInputStream(p)) {
        byte[] head = in.readNBytes(HEADER_BYTES);
        one.update(head);
        headers.add(ImageHeader.probe(head));
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          one.update(buf, 0, n);
        }
      }
      String hex = HexFormat.of().formatHex(one.digest());
      entries.add(new Entry(p.getFileName().toString(), Files.size(p), hex));
      all.update(
          (p.getFileName() + ":" + hex + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return new DataFingerprint(
        entries, HexFormat.of().formatHex(all.digest()), ImageShapes.of(headers));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
