package sgsf.engine.image;

/**
 * The size and channel count an image file declares in its header, read without decoding a pixel
 * (PNG, JPEG, BMP, TIFF), so that an oversized image can be refused before it fills the memory.
 *
 * @param format "PNG", "JPEG", "BMP" or "TIFF"
 * @param width columns
 * @param height rows
 * @param channels channels as stored (alpha included), 0 when the header does not say
 */
public record ImageHeader(String format, int width, int height, int channels) {

  /** width x height (both read as unsigned), as a long. */
  public long pixels() {
    return Integer.toUnsignedLong(width) * Integer.toUnsignedLong(height);
  }

  /**
   * The header of encoded image bytes, or {@code null} when the format is not one of the four or
   * the header is cut short (the decoder then reports the problem).
   */
  public static ImageHeader probe(byte[] b) {
    try {
      if (ImageIo.looksLikePng(b)) {
        return png(b);
      }
      if (ImageIo.looksLikeJpeg(b)) {
        return jpeg(b);
      }
      if (b.length >= 30 && b[0] == 'B' && b[1] == 'M') {
        int bits = u16le(b, 28);
        return new ImageHeader(
            "BMP", s32le(b, 18), Math.abs(s32le(b, 22)), bits >= 32 ? 4 : bits == 24 ? 3 : 1);
      }
      if (b.length >= 8
          && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
              || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
        return tiff(b, b[0] == 'I');
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      return null; // a header cut short: the decoder names the problem
    }
    return null;
  }

  private static ImageHeader png(byte[] b) {
    if (b.length < 26) {
      return null;
    }
    int channels =
        switch (b[25]) {
          case 0 -> 1;
          case 2, 3 -> 3;
          case 4 -> 2;
          case 6 -> 4;
          default -> 0;
        };
    return new ImageHeader("PNG", s32be(b, 16), s32be(b, 20), channels);
  }

  private static ImageHeader jpeg(byte[] b) {
    int i = 2;
    while (i + 4 < b.length) {
      if ((b[i] & 0xff) != 0xFF) {
        return null;
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xFF) {
        i++; // fill byte
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9)) {
        i += 2; // no length
        continue;
      }
      int length = u16be(b, i + 2);
      boolean sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        return new ImageHeader("JPEG", u16be(b, i + 7), u16be(b, i + 5), b[i + 9] & 0xff);
      }
      i += 2 + length;
    }
    return null;
  }

  private static ImageHeader tiff(byte[] b, boolean little) {
    int ifd = little ? s32le(b, 4) : s32be(b, 4);
    int count = little ? u16le(b, ifd) : u16be(b, ifd);
    int width = 0;
    int height = 0;
    int samples = 1;
    for (int k = 0; k < count; k++) {
      int e = ifd + 2 + 12 * k;
      int tag = little ? u16le(b, e) : u16be(b, e);
      int type = little ? u16le(b, e + 2) : u16be(b, e + 2);
      int value =
          type == 3
              ? (little ? u16le(b, e + 8) : u16be(b, e + 8))
              : (little ? s32le(b, e + 8) : s32be(b, e + 8));
      switch (tag) {
        case 256 -> width = value;
        case 257 -> height = value;
        case 277 -> samples = value;
        default -> {}
      }
    }
    return width > 0 && height > 0 ? new ImageHeader("TIFF", width, height, samples) : null;
  }

  private static int u16be(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  private static int u16le(byte[] b, int i) {
    return ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff);
  }

  private static int s32be(byte[] b, int i) {
    return (u16be(b, i) << 16) | u16be(b, i + 2);
  }

  private static int s32le(byte[] b, int i) {
    return (u16le(b, i + 2) << 16) | u16le(b, i);
  }
}
