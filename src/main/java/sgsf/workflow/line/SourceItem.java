package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;

/**
 * One image from a source: a file (read when inspected) or a decoded frame.
 *
 * @param key what identifies the image across restarts (the journal's key)
 * @param name a readable name (the file path, or the source and frame number)
 * @param appearedAtMs when the source first saw it (epoch milliseconds)
 * @param file the image file, or null for a frame
 * @param frame the frame, or null for a file
 */
public record SourceItem(String key, String name, long appearedAtMs, Path file, FloatImage frame) {

  /** An image file. */
  public static SourceItem file(String key, Path file, long appearedAtMs) {
    return new SourceItem(key, file.toString(), appearedAtMs, file, null);
  }

  /** A decoded frame. */
  public static SourceItem frame(String key, String name, long appearedAtMs, FloatImage frame) {
    return new SourceItem(key, name, appearedAtMs, null, frame);
  }

  /**
   * The encoded bytes of a file (null for a frame).
   *
   * @throws IOException when the file cannot be read
   */
  public byte[] bytes() throws IOException {
    return file == null ? null : Files.readAllBytes(file);
  }

  /** The file's extension in lower case ("png" for frames). */
  public String extension() {
    if (file == null) {
      return "png";
    }
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "img" : n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The decoded image: the frame, or the file's bytes decoded.
   *
   * @throws sgsf.engine.image.ImageReadException when the bytes are not a decodable image
   */
  public FloatImage decode(byte[] bytes) {
    return frame != null ? frame : ImageIo.decode(bytes, file);
  }
}
