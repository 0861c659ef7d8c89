package sgsf.engine.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Reading, writing and resizing images through OpenCV.
 *
 * <p>Reads jpg/png/bmp/tif in grey, RGB, RGBA, 8 and 16 bit; values are scaled to [0, 1], colour
 * images come back as RGB (OpenCV's BGR order is undone), alpha is dropped.
 */
public final class ImageIo {
  /** File name extensions the loaders treat as images. */
  public static final Set<String> IMAGE_EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");

  private ImageIo() {}

  public static boolean isImageFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1));
  }

  /**
   * The largest image this workbench decodes, in pixels (width x height): 50 megapixels, e.g.
   * 8660x5773, twice a 25-megapixel line camera's frame. A larger image is refused from its header,
   * before anything is decoded, so one oversized file cannot exhaust the memory of a batch.
   */
  public static final long MAX_PIXELS = 50_000_000L;

  /** The largest image file read at all (1 GiB): beyond it not even the header is trusted. */
  public static final long MAX_FILE_BYTES = 1L << 30;

  /** How far from the end of a file its end marker may sit (trailing padding). */
  private static final int END_WINDOW = 512;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /**
   * Reads an image with its own number of channels (1 or 3).
   *
   * @throws ImageReadException naming the file when it is missing, empty, truncated, too large or
   *     not a decodable image
   */
  public static FloatImage read(Path path) {
    return decode(readBytes(path), path);
  }

  /**
   * The bytes of an image file, refusing files over {@link #MAX_FILE_BYTES}.
   *
   * @throws ImageReadException naming the file when it cannot be read or is too large
   */
  public static byte[] readBytes(Path path) {
    try {
      long size = Files.size(path);
      if (size > MAX_FILE_BYTES) {
        throw new ImageReadException(
            path,
            String.format(
                Locale.ROOT,
                "file is %.1f GB, larger than the %d MB an image may have",
                size / 1e9,
                MAX_FILE_BYTES >> 20));
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ImageReadException(path, "cannot read file (" + e + ")");
    }
  }

  /**
   * Decodes encoded image bytes (PNG, JPEG, ...); {@code source} names them in errors.
   *
   * @throws ImageReadException when empty, truncated, too large or not decodable
   */
  public static FloatImage decode(byte[] bytes, Path source) {
    Mat raw = decodeMat(bytes, source, Imgcodecs.IMREAD_UNCHANGED);
    try {
      return fromMat(raw);
    } finally {
      raw.release();
    }
  }

  /**
   * The one decode-and-validate step every reader of image files goes through: {@link #validate}
   * and then OpenCV's {@code imdecode} with {@code flags}. The caller releases the Mat.
   *
   * @throws ImageReadException naming {@code source} when the bytes are empty, truncated, too large
   *     or not a decodable image
   */
  public static Mat decodeMat(byte[] bytes, Path source, int flags) {
    OpenCv.ensureLoaded();
    validate(bytes, source);
    MatOfByte buf = new MatOfByte(bytes);
    Mat m = Imgcodecs.imdecode(buf, flags);
    buf.release();
    if (m.empty()) {
      m.release();
      throw new ImageReadException(
          source, "not a decodable image (corrupt, truncated or not an image format)");
    }
    if ((long) m.rows() * m.cols() > MAX_PIXELS) {
      String size = m.cols() + "x" + m.rows();
      m.release();
      throw new ImageReadException(source, tooLarge(size));
    }
    return m;
  }

  /**
   * Checks encoded image bytes without decoding the pixels: not empty; a JPEG ends with its
   * end-of-image marker (FF D9) and a PNG with its IEND chunk (libjpeg silently fills a truncated
   * JPEG with grey, so a truncated camera frame would otherwise be scored); the size its header
   * declares is at most {@link #MAX_PIXELS}. A JPEG damaged in the middle of its data still decodes
   * (libjpeg repairs it) and passes.
   *
   * @throws ImageReadException naming {@code source} and the problem
   */
  public static void validate(byte[] bytes, Path source) {
    if (bytes.length == 0) {
      throw new ImageReadException(source, "file is empty (0 bytes)");
    }
    if (looksLikeJpeg(bytes) && !hasJpegEnd(bytes)) {
      throw new ImageReadException(source, "truncated JPEG (no end-of-image marker)");
    }
    if (looksLikePng(bytes) && !hasPngEnd(bytes)) {
      throw new ImageReadException(source, "truncated PNG (no IEND chunk at the end)");
    }
    ImageHeader h = ImageHeader.probe(bytes);
    if (h != null && h.pixels() > MAX_PIXELS) {
      throw new ImageReadException(source, tooLarge(h.width() + "x" + h.height()));
    }
  }

  private static String tooLarge(String size) {
    return String.format(
        Locale.ROOT,
        "image is %s pixels, larger than the limit of %d megapixels per image (scale it down)",
        size,
        MAX_PIXELS / 1_000_000);
  }

  /** Whether the bytes start like a JPEG (start-of-image marker FF D8). */
  public static boolean looksLikeJpeg(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
  }

  /** Whether the bytes start with the PNG signature. */
  public static boolean looksLikePng(byte[] b) {
    return b.length >= PNG_SIGNATURE.length
        && Arrays.equals(b, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
  }

  /** Whether the IEND chunk type sits near the end (trailing padding tolerated). */
  private static boolean hasPngEnd(byte[] b) {
    int from = Math.max(PNG_SIGNATURE.length, b.length - END_WINDOW);
    for (int i = b.length - 4; i >= from; i--) {
      if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasJpegEnd(byte[] b) {
    int from = Math.max(2, b.length - END_WINDOW);
    for (int i = b.length - 2; i >= from; i--) {
      if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
        return true;
      }
    }
    return false;
  }

  /** Reads an image and converts it to {@code channels} channels (1 or 3). */
  public static FloatImage read(Path path, int channels) {
    return read(path).withChannels(channels);
  }

  /** Converts an 8/16-bit or float OpenCV image (grey, BGR or BGRA) into a [0,1] FloatImage. */
  public static FloatImage fromMat(Mat src) {
    double scale =
        switch (src.depth()) {
          case CvType.CV_8U -> 1.0 / 255.0;
          case CvType.CV_16U -> 1.0 / 65535.0;
          case CvType.CV_32F, CvType.CV_64F -> 1.0;
          default -> throw new IllegalArgumentException("unsupported pixel depth " + src.depth());
        };
    Mat bgr = new Mat();
    int channels;
    switch (src.channels()) {
      case 1 -> {
        src.copyTo(bgr);
        channels = 1;
      }
      case 3 -> {
        Imgproc.cvtColor(src, bgr, Imgproc.COLOR_BGR2RGB);
        channels = 3;
      }
      case 4 -> {
        Imgproc.cvtColor(src, bgr, Imgproc.COLOR_BGRA2RGB);
        channels = 3;
      }
      default -> throw new IllegalArgumentException("unsupported channel count " + src.channels());
    }
    Mat f = new Mat();
    bgr.convertTo(f, CvType.makeType(CvType.CV_32F, channels), scale);
    bgr.release();
    int h = f.rows();
    int w = f.cols();
    float[] interleaved = new float[h * w * channels];
    f.get(0, 0, interleaved);
    f.release();
    if (channels == 1) {
      return new FloatImage(1, h, w, interleaved);
    }
    float[] planar = new float[interleaved.length];
    int p = h * w;
    for (int i = 0; i < p; i++) {
      for (int c = 0; c < channels; c++) {
        planar[c * p + i] = interleaved[i * channels + c];
      }
    }
    return new FloatImage(channels, h, w, planar);
  }

  /** An OpenCV CV_32FC1/CV_32FC3 Mat (RGB order for colour) holding the image's values. */
  public static Mat toMat(FloatImage img) {
    OpenCv.ensureLoaded();
    int c = img.channels();
    Mat m = new Mat(img.height(), img.width(), CvType.makeType(CvType.CV_32F, c));
    if (c == 1) {
      m.put(0, 0, img.data());
      return m;
    }
    int p = img.plane();
    float[] interleaved = new float[img.data().length];
    for (int i = 0; i < p; i++) {
      for (int k = 0; k < c; k++) {
        interleaved[i * c + k] = img.data()[k * p + i];
      }
    }
    m.put(0, 0, interleaved);
    return m;
  }

  /** Converts a CV_32F Mat (1 or 3 channels, RGB) back into a FloatImage without rescaling. */
  public static FloatImage fromFloatMat(Mat m) {
    if (m.depth() != CvType.CV_32F) {
      throw new IllegalArgumentException("expected a CV_32F Mat");
    }
    int c = m.channels();
    float[] interleaved = new float[m.rows() * m.cols() * c];
    m.get(0, 0, interleaved);
    if (c == 1) {
      return new FloatImage(1, m.rows(), m.cols(), interleaved);
    }
    int p = m.rows() * m.cols();
    float[] planar = new float[interleaved.length];
    for (int i = 0; i < p; i++) {
      for (int k = 0; k < c; k++) {
        planar[k * p + i] = interleaved[i * c + k];
      }
    }
    return new FloatImage(c, m.rows(), m.cols(), planar);
  }

  /** Area/linear resize for images. */
  public static FloatImage resize(FloatImage img, int height, int width) {
    if (img.height() == height && img.width() == width) {
      return img;
    }
    boolean shrinking = height < img.height() && width < img.width();
    return resize(img, height, width, shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
  }

  /**
   * Nearest-neighbour resize and binarisation (value &gt; 0.5 becomes 1) for masks, as METHOD.md
   * section 4 prescribes.
   */
  public static FloatImage resizeMask(FloatImage mask, int height, int width) {
    FloatImage r =
        mask.height() == height && mask.width() == width
            ? mask.copy()
            : resize(mask, height, width, Imgproc.INTER_NEAREST);
    float[] d = r.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = d[i] > 0.5f ? 1f : 0f;
    }
    return r;
  }

  public static FloatImage resize(FloatImage img, int height, int width, int interpolation) {
    Mat src = toMat(img);
    Mat dst = new Mat();
    Imgproc.resize(src, dst, new Size(width, height), 0, 0, interpolation);
    FloatImage out = fromFloatMat(dst);
    src.release();
    dst.release();
    return out;
  }

  /** Encodes the image as 8-bit PNG bytes (values clipped to [0, 1]). */
  public static byte[] encodePng(FloatImage img) {
    Mat m = toMat(img);
    Mat u8 = new Mat();
    m.convertTo(u8, CvType.makeType(CvType.CV_8U, img.channels()), 255.0);
    if (img.channels() == 3) {
      Imgproc.cvtColor(u8, u8, Imgproc.COLOR_RGB2BGR);
    }
    MatOfByte buf = new MatOfByte();
    if (!Imgcodecs.imencode(".png", u8, buf)) {
      throw new IllegalStateException("PNG encoding failed");
    }
    byte[] out = buf.toArray();
    m.release();
    u8.release();
    buf.release();
    return out;
  }

  /**
   * Encodes a one-channel image as a 16-bit grey PNG (values in [0, 1] scaled to 0..65535): the raw
   * anomaly map without 8-bit quantisation.
   */
  public static byte[] encodePng16(FloatImage img) {
    if (img.channels() != 1) {
      throw new IllegalArgumentException(
          "16-bit PNGs are written for one-channel maps, got " + img);
    }
    Mat m = toMat(img);
    Mat u16 = new Mat();
    m.convertTo(u16, CvType.CV_16UC1, 65535.0);
    MatOfByte buf = new MatOfByte();
    if (!Imgcodecs.imencode(".png", u16, buf)) {
      throw new IllegalStateException("PNG encoding failed");
    }
    byte[] out = buf.toArray();
    m.release();
    u16.release();
    buf.release();
    return out;
  }

  /**
   * Writes a PNG, creating parent folders: a plain write for tests and fixtures. Files a user keeps
   * are written atomically by the io layer ({@code sgsf.io.AtomicFiles} with {@link #encodePng}),
   * which the engine may not use.
   */
  public static void writePng(FloatImage img, Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.write(path, encodePng(img));
  }

  /** Clips every value into [0, 1] in place and returns the image. */
  public static FloatImage clip01(FloatImage img) {
    float[] d = img.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.max(0f, Math.min(1f, d[i]));
    }
    return img;
  }
}
