package sgsf.engine.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
   * Reads an image with its own number of channels (1 or 3).
   *
   * @throws ImageReadException naming the file when it is missing, empty or not a decodable image
   */
  public static FloatImage read(Path path) {
    OpenCv.ensureLoaded();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ImageReadException(path, "cannot read file (" + e.getMessage() + ")");
    }
    return decode(bytes, path);
  }

  /**
   * Decodes encoded image bytes (PNG, JPEG, ...); {@code source} names them in errors.
   *
   * @throws ImageReadException when empty or not decodable
   */
  public static FloatImage decode(byte[] bytes, Path source) {
    OpenCv.ensureLoaded();
    Path path = source;
    if (bytes.length == 0) {
      throw new ImageReadException(path, "file is empty");
    }
    Mat raw = Imgcodecs.imdecode(new MatOfByte(bytes), Imgcodecs.IMREAD_UNCHANGED);
    try {
      if (raw.empty()) {
        throw new ImageReadException(path, "not a readable image (corrupt or unsupported format)");
      }
      return fromMat(raw);
    } finally {
      raw.release();
    }
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
