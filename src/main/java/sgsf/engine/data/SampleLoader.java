package sgsf.engine.data;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;

/**
 * Loads samples at the model's input size, with a bounded in-memory cache.
 *
 * <p>Images come back as 3-channel RGB {@link FloatImage}s in [0, 1] (grey replicated, alpha
 * dropped, 8- and 16-bit scaled by 255 and 65535), resized with area interpolation when shrinking
 * in both directions and bilinear otherwise; resizing happens before the conversion to float, so a
 * large image costs little memory. Masks come back as 1-channel images of exactly 0 and 1: a mask
 * pixel is defective when it exceeds half the mask's largest value (so 0/255, 0/1 and 16-bit masks
 * all work, and JPEG noise is ignored), then resized with nearest neighbour (METHOD.md section 4).
 * Good samples and samples without a mask get an all-zero mask.
 *
 * <p>Training re-reads the same few hundred images every epoch, so results are kept in an LRU cache
 * bounded by their size in bytes ({@link #DEFAULT_CACHE_BYTES} unless told otherwise). Thread-safe:
 * forging and training may call it from several threads; two threads missing the same entry at once
 * both decode it (harmless). Every call returns a fresh copy, which the caller may modify.
 */
public final class SampleLoader {
  /** 512 MiB: about 2,700 images at 3x128x128, or 680 at 3x256x256. */
  public static final long DEFAULT_CACHE_BYTES = 512L << 20;

  private record Key(Path path, boolean mask) {}

  private final int height;
  private final int width;
  private final long capacityBytes;
  private final LinkedHashMap<Key, FloatImage> cache = new LinkedHashMap<>(256, 0.75f, true);
  private long cachedBytes;
  private long hits;
  private long misses;

  /** A loader for {@code height x width} model inputs with the default cache size. */
  public SampleLoader(int height, int width) {
    this(height, width, DEFAULT_CACHE_BYTES);
  }

  /**
   * @param cacheBytes the most bytes of pixel data to keep; 0 disables the cache
   */
  public SampleLoader(int height, int width, long cacheBytes) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("size must be positive, got " + height + "x" + width);
    }
    if (cacheBytes < 0) {
      throw new IllegalArgumentException("cache size must be >= 0, got " + cacheBytes);
    }
    this.height = height;
    this.width = width;
    this.capacityBytes = cacheBytes;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /**
   * The sample's image: 3 channels, {@code height x width}, values in [0, 1].
   *
   * @throws ImageReadException naming the file when it cannot be read or decoded
   */
  public FloatImage image(Sample sample) {
    return image(sample.image());
  }

  /** The image at {@code path}, as {@link #image(Sample)}. */
  public FloatImage image(Path path) {
    return cached(new Key(path, false));
  }

  /**
   * The sample's mask: 1 channel, {@code height x width}, values exactly 0 or 1; all zeros for a
   * good sample or one without a mask.
   *
   * @throws ImageReadException naming the mask file when it cannot be read or decoded
   */
  public FloatImage mask(Sample sample) {
    if (sample.mask() == null) {
      return FloatImage.zeros(1, height, width);
    }
    return cached(new Key(sample.mask(), true));
  }

  /** Bytes of pixel data currently cached. */
  public synchronized long cachedBytes() {
    return cachedBytes;
  }

  public synchronized int cachedEntries() {
    return cache.size();
  }

  /** Lookups answered from the cache. */
  public synchronized long hits() {
    return hits;
  }

  /** Lookups that had to decode the file. */
  public synchronized long misses() {
    return misses;
  }

  public synchronized void clear() {
    cache.clear();
    cachedBytes = 0;
  }

  private FloatImage cached(Key key) {
    synchronized (this) {
      FloatImage hit = cache.get(key);
      if (hit != null) {
        hits++;
        return hit.copy();
      }
      misses++;
    }
    FloatImage loaded = key.mask() ? loadMask(key.path()) : loadImage(key.path());
    long bytes = 4L * loaded.data().length;
    synchronized (this) {
      if (bytes <= capacityBytes && !cache.containsKey(key)) {
        cache.put(key, loaded);
        cachedBytes += bytes;
        Iterator<Map.Entry<Key, FloatImage>> it = cache.entrySet().iterator();
        while (cachedBytes > capacityBytes && it.hasNext()) {
          Map.Entry<Key, FloatImage> eldest = it.next();
          cachedBytes -= 4L * eldest.getValue().data().length;
          it.remove();
        }
      }
    }
    return loaded.copy();
  }

  private FloatImage loadImage(Path path) {
    Mat raw = decode(path);
    Mat small = new Mat();
    try {
      boolean shrinking = height < raw.rows() && width < raw.cols();
      if (raw.rows() == height && raw.cols() == width) {
        raw.copyTo(small);
      } else {
        Imgproc.resize(
            raw,
            small,
            new Size(width, height),
            0,
            0,
            shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
      }
      return ImageIo.fromMat(small).withChannels(3);
    } finally {
      raw.release();
      small.release();
    }
  }

  private FloatImage loadMask(Path path) {
    Mat raw = decode(path);
    Mat grey = new Mat();
    Mat f = new Mat();
    Mat bin = new Mat();
    Mat out = new Mat();
    try {
      if (raw.channels() == 1) {
        raw.copyTo(grey);
      } else {
        Imgproc.cvtColor(
            raw, grey, raw.channels() == 4 ? Imgproc.COLOR_BGRA2GRAY : Imgproc.COLOR_BGR2GRAY);
      }
      grey.convertTo(f, CvType.CV_32F);
      double max = Core.minMaxLoc(f).maxVal;
      if (max <= 0) {
        return FloatImage.zeros(1, height, width);
      }
      Imgproc.threshold(f, bin, max / 2, 1.0, Imgproc.THRESH_BINARY);
      Imgproc.resize(bin, out, new Size(width, height), 0, 0, Imgproc.INTER_NEAREST);
      return ImageIo.fromFloatMat(out);
    } finally {
      raw.release();
      grey.release();
      f.release();
      bin.release();
      out.release();
    }
  }

  private static Mat decode(Path path) {
    return ImageIo.decodeMat(ImageIo.readBytes(path), path, Imgcodecs.IMREAD_UNCHANGED);
  }
}
