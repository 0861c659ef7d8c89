package sgsf.engine.train;

import sgsf.engine.image.FloatImage;

/** The 8 symmetries of the square (flips and turns by multiples of 90 degrees) of an image. */
final class Symmetries {
  /** How many there are; symmetry 0 is the identity. */
  static final int COUNT = 8;

  private Symmetries() {}

  /**
   * Symmetry {@code k} of a square image: bit 0 mirrors left-right, bits 1-2 turn by k/2 x 90
   * degrees clockwise after the mirror.
   */
  static FloatImage apply(FloatImage img, int k) {
    if (k == 0) {
      return img;
    }
    if (img.height() != img.width()) {
      throw new IllegalArgumentException("symmetries need a square image, got " + img);
    }
    int n = img.width();
    boolean mirror = (k & 1) != 0;
    int turns = (k >> 1) & 3;
    float[] in = img.data();
    float[] out = new float[in.length];
    int plane = img.plane();
    for (int c = 0; c < img.channels(); c++) {
      int off = c * plane;
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          int sx = mirror ? n - 1 - x : x;
          int ty;
          int tx;
          switch (turns) {
            case 1 -> {
              ty = sx;
              tx = n - 1 - y;
            }
            case 2 -> {
              ty = n - 1 - y;
              tx = n - 1 - sx;
            }
            case 3 -> {
              ty = n - 1 - sx;
              tx = y;
            }
            default -> {
              ty = y;
              tx = sx;
            }
          }
          out[off + ty * n + tx] = in[off + y * n + x];
        }
      }
    }
    return new FloatImage(img.channels(), n, n, out);
  }
}
