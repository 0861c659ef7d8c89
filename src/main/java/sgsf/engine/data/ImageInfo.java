package sgsf.engine.data;

/**
 * What decoding an image file revealed: its size and pixel format.
 *
 * @param width columns
 * @param height rows
 * @param channels 1 (grey), 3 (colour) or 4 (colour with alpha), as stored in the file
 * @param bitDepth bits per channel (8 or 16 in practice)
 * @param maxValue the largest pixel value over all channels, in the file's own range (for masks: 0
 *     means an all-zero mask); -1 when not measured
 */
public record ImageInfo(int width, int height, int channels, int bitDepth, double maxValue) {

  /** {@code width x height}, as used in messages. */
  public String size() {
    return width + "x" + height;
  }

  public boolean sameSize(ImageInfo other) {
    return width == other.width && height == other.height;
  }
}
