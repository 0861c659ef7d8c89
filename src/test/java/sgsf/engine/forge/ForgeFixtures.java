package sgsf.engine.forge;

import java.util.Random;
import sgsf.engine.image.FloatImage;

/** Synthetic normal images for the forging tests. */
final class ForgeFixtures {
  private ForgeFixtures() {}

  /**
   * A bright disc (value 0.8 with a faint ring pattern) on a dark plain background (0.1), light
   * noise, 3 identical channels.
   */
  static FloatImage objectImage(int size, double cx, double cy, double radius, long seed) {
    Random r = new Random(seed);
    FloatImage img = FloatImage.zeros(3, size, size);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double d = Math.hypot(x - cx, y - cy);
        double v = d < radius ? 0.8 + 0.05 * Math.cos(d * 0.8) : 0.1;
        v += 0.005 * r.nextGaussian();
        for (int c = 0; c < 3; c++) {
          img.set(c, y, x, (float) v);
        }
      }
    }
    return img;
  }

  /** A fine, stationary texture: a wavy grating plus noise, 3 identical channels. */
  static FloatImage textureImage(int size, long seed) {
    Random r = new Random(seed);
    double phase = r.nextDouble() * 6;
    FloatImage img = FloatImage.zeros(3, size, size);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double v = 0.5 + 0.2 * Math.sin(x * 0.9 + 2 * Math.sin(y * 0.11 + phase));
        v += 0.05 * r.nextGaussian();
        for (int c = 0; c < 3; c++) {
          img.set(c, y, x, (float) v);
        }
      }
    }
    return img;
  }

  /** A colourful image: independent smooth gradients per channel. */
  static FloatImage colourImage(int size, long seed) {
    Random r = new Random(seed);
    FloatImage img = FloatImage.zeros(3, size, size);
    double[] fx = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          img.set(c, y, x, (float) (0.5 + 0.4 * Math.sin((x * fx[c] + y * (1 - fx[c])) * 0.1 + c)));
        }
      }
    }
    return img;
  }

  /** Fraction of mask pixels and whether the mask is binary. */
  static boolean isBinary(FloatImage mask) {
    for (float v : mask.data()) {
      if (v != 0f && v != 1f) {
        return false;
      }
    }
    return true;
  }

  /** The number of pixels where any channel of a and b differ while the mask is 0. */
  static int changedOutsideMask(FloatImage a, FloatImage b, FloatImage mask) {
    int n = 0;
    int p = a.plane();
    for (int i = 0; i < p; i++) {
      if (mask.data()[i] == 0f) {
        for (int c = 0; c < a.channels(); c++) {
          if (a.data()[c * p + i] != b.data()[c * p + i]) {
            n++;
            break;
          }
        }
      }
    }
    return n;
  }

  /** The number of pixels inside the mask where any channel of a and b differ. */
  static int changedInsideMask(FloatImage a, FloatImage b, FloatImage mask) {
    int n = 0;
    int p = a.plane();
    for (int i = 0; i < p; i++) {
      if (mask.data()[i] == 1f) {
        for (int c = 0; c < a.channels(); c++) {
          if (Math.abs(a.data()[c * p + i] - b.data()[c * p + i]) > 1e-6) {
            n++;
            break;
          }
        }
      }
    }
    return n;
  }
}
