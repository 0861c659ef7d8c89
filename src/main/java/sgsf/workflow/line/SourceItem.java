package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;

/**
 * One image from a source: a file (read when inspected), encoded bytes (a JPEG frame of an MJPEG
 * stream) or a decoded frame (video, camera). Exactly one of {@code file}, {@code encoded} and
 * {@code frame} is set.
 *
 * @param key what identifies the image across restarts (the journal's key)
 * @param name a readable name (the file path, or the source and frame number)
 * @param appearedAtMs when the source first saw it (epoch milliseconds)
 * @param file the image file, or null
 * @param encoded encoded image bytes with {@code extension}, or null
 * @param extension the extension of {@code encoded} ("jpg"), or null
 * @param frame a decoded frame, or null
 */
public record SourceItem(
    String key,
    String name,
    long appearedAtMs,
    Path file,
    byte[] encoded,
    String extension,
    FloatImage frame) {

  /** An image file. */
  public static SourceItem file(String key, Path file, long appearedAtMs) {
    return new SourceItem(key, file.toString(), appearedAtMs, file, null, null, null);
  }

  /** A decoded frame. */
  public static SourceItem frame(String key, String name, long appearedAtMs, FloatImage frame) {
    return new SourceItem(key, name, appearedAtMs, null, null, null, frame);
  }

  /** An encoded frame (e.g. one JPEG of an MJPEG stream). */
  public static SourceItem encoded(
      String key, String name, long appearedAtMs, byte[] bytes, String extension) {
    return new SourceItem(key, name, appearedAtMs, null, bytes, extension, null);
  }

  /**
   * The encoded bytes (null for a decoded frame).
   *
   * @throws IOException when the file cannot be read
   */
  public byte[] bytes() throws IOException {
    return file != null ? Files.readAllBytes(file) : encoded;
  }

  /** The extension of the encoded bytes in lower case ("png" for decoded frames). */
  public String extension() {
    if (file == null) {
      return encoded != null ? extension : "png";
    }
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "img" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * The decoded image: the frame, or the bytes decoded.
   *
   * @throws sgsf.engine.image.ImageReadException when the bytes are not a decodable image
   */
  public FloatImage decode(byte[] bytes) {
    return frame != null ? frame : ImageIo.decode(bytes, file != null ? file : Path.of(name));
  }
}
