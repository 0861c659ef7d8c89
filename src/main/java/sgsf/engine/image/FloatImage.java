package sgsf.engine.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * A planar float image in channel-major (CHW) order, values nominally in [0, 1].
 *
 * <p>The engine's common currency between datasets, forging, the network and metrics. Grey images
 * that feed the network are replicated to three channels (METHOD.md section 2); masks and saliency
 * maps are one-channel images.
 *
 * @param channels number of channels (1 or 3 in practice)
 * @param height rows
 * @param width columns
 * @param data {@code channels * height * width} values, index {@code (c * height + y) * width + x}
 */
public record FloatImage(int channels, int height, int width, float[] data) {

  public FloatImage {
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + channels + "x" + height + "x" + width);
    }
    Objects.requireNonNull(data, "data");
    if (data.length != channels * height * width) {
      throw new IllegalArgumentException(
          "data length " + data.length + " != " + channels + "x" + height + "x" + width);
    }
  }

  /** A zero-filled image. */
  public static FloatImage zeros(int channels, int height, int width) {
    return new FloatImage(channels, height, width, new float[channels * height * width]);
  }

  /** A one-channel image filled with {@code value}. */
  public static FloatImage filled(int height, int width, float value) {
    float[] d = new float[height * width];
    Arrays.fill(d, value);
    return new FloatImage(1, height, width, d);
  }

  public int plane() {
    return height * width;
  }

  public float get(int c, int y, int x) {
    return data[(c * height + y) * width + x];
  }

  public void set(int c, int y, int x, float v) {
    data[(c * height + y) * width + x] = v;
  }

  /** A deep copy. */
  public FloatImage copy() {
    return new FloatImage(channels, height, width, data.clone());
  }

  /** One channel as a new one-channel image. */
  public FloatImage channel(int c) {
    float[] d = Arrays.copyOfRange(data, c * plane(), (c + 1) * plane());
    return new FloatImage(1, height, width, d);
  }

  /** The image with its channels replicated or averaged to {@code target} channels (1 or 3). */
  public FloatImage withChannels(int target) {
    if (target == channels) {
      return this;
    }
    int p = plane();
    float[] d = new float[target * p];
    if (channels == 1) {
      for (int c = 0; c < target; c++) {
        System.arraycopy(data, 0, d, c * p, p);
      }
    } else if (target == 1) {
      for (int i = 0; i < p; i++) {
        float s = 0;
        for (int c = 0; c < channels; c++) {
          s += data[c * p + i];
        }
        d[i] = s / channels;
      }
    } else {
      throw new IllegalArgumentException(
          "cannot convert " + channels + " to " + target + " channels");
    }
    return new FloatImage(target, height, width, d);
  }

  /** Mean over all values. */
  public double mean() {
    double s = 0;
    for (float v : data) {
      s += v;
    }
    return s / data.length;
  }

  public boolean sameSize(FloatImage other) {
    return other.height == height && other.width == width;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatImage f
        && f.channels == channels
        && f.height == height
        && f.width == width
        && Arrays.equals(f.data, data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(channels, height, width, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "FloatImage[" + channels + "x" + height + "x" + width + "]";
  }
}
