package sgsf.engine.metrics;

import java.util.Objects;

/**
 * One anomaly map with its ground-truth mask, both at the model's resolution (METHOD.md section 4:
 * masks are compared at the model's resolution after a nearest-neighbour resize, {@code
 * ImageIo.resizeMask}).
 *
 * @param width columns
 * @param height rows
 * @param scores {@code width * height} anomaly scores, row-major; finite (checked when swept)
 * @param mask {@code width * height} values 0 (normal) or 1 (defect), or {@code null} for an image
 *     with no defect pixel (a good image)
 */
public record PixelMap(int width, int height, float[] scores, byte[] mask) {
  public PixelMap {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("map size must be positive, got " + width + "x" + height);
    }
    Objects.requireNonNull(scores, "scores");
    if (scores.length != width * height) {
      throw new IllegalArgumentException(
          "anomaly map has " + scores.length + " values, expected " + width + "x" + height);
    }
    if (mask != null) {
      if (mask.length != width * height) {
        throw new IllegalArgumentException(
            "mask has " + mask.length + " values, expected " + width + "x" + height);
      }
      for (int i = 0; i < mask.length; i++) {
        if (mask[i] != 0 && mask[i] != 1) {
          throw new IllegalArgumentException(
              "mask value at pixel ("
                  + (i % width)
                  + ", "
                  + (i / width)
                  + ") is "
                  + mask[i]
                  + "; masks must hold 0 (normal) or 1 (defect)");
        }
      }
    }
  }

  public int size() {
    return width * height;
  }

  /** Number of defect pixels in the mask. */
  public int defectPixels() {
    if (mask == null) {
      return 0;
    }
    int n = 0;
    for (byte b : mask) {
      n += b;
    }
    return n;
  }
}
