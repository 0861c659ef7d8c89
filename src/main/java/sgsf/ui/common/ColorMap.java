package sgsf.ui.common;

/**
 * Colour maps for heatmaps: a 256-entry ARGB lookup table built by linear interpolation between the
 * published key colours of each map (matplotlib's viridis and inferno, sampled at nine evenly
 * spaced points; the classic jet ramp).
 */
public enum ColorMap {
  VIRIDIS(0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863, 0xaadc32, 0xfde725),
  INFERNO(0x000004, 0x1f0c48, 0x550f6d, 0x88226a, 0xba3655, 0xe35933, 0xf98c0a, 0xf9c932, 0xfcffa4),
  JET(0x00007f, 0x0000ff, 0x007fff, 0x00ffff, 0x7fff7f, 0xffff00, 0xff7f00, 0xff0000, 0x7f0000),
  GREY(0x000000, 0xffffff);

  private final int[] lut = new int[256];

  ColorMap(int... keys) {
    int segments = keys.length - 1;
    for (int i = 0; i < 256; i++) {
      double pos = i / 255.0 * segments;
      int k = Math.min(segments - 1, (int) Math.floor(pos));
      double f = pos - k;
      int a = keys[k];
      int b = keys[k + 1];
      int r = lerp((a >> 16) & 0xff, (b >> 16) & 0xff, f);
      int g = lerp((a >> 8) & 0xff, (b >> 8) & 0xff, f);
      int bl = lerp(a & 0xff, b & 0xff, f);
      lut[i] = 0xff000000 | (r << 16) | (g << 8) | bl;
    }
  }

  private static int lerp(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  /** The opaque ARGB colour of {@code value} in [0, 1] (clamped). */
  public int argb(float value) {
    return lut[index(value)];
  }

  static int index(float value) {
    if (!(value > 0f)) {
      return 0;
    }
    if (value >= 1f) {
      return 255;
    }
    return (int) (value * 255f + 0.5f);
  }

  int[] lut() {
    return lut;
  }

  /** A readable name for menus. */
  public String displayName() {
    String n = name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
