package sgsf.ui.common;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.ui.concurrent.FxTaskRunner;

/**
 * Thumbnails decoded off the FX thread (OpenCV, reduced-resolution JPEG decoding for large files)
 * and kept in a bounded least-recently-used cache. The newest request is decoded first (a LIFO
 * queue), so the cells the user is looking at fill before those scrolled past; a request whose cell
 * was reused is cancelled before it is decoded.
 */
public final class ThumbnailCache {
  private static final Logger LOG = LoggerFactory.getLogger(ThumbnailCache.class);
  private final int size;
  private final int capacity;
  private final Executor dispatcher;
  private final ThreadPoolExecutor decoder;
  private final Map<Path, Image> cache;
  private final AtomicLong decoded = new AtomicLong();

  /**
   * @param size longest side of a thumbnail in pixels
   * @param capacity how many thumbnails stay cached
   * @param threads decoding threads
   * @param dispatcher where loaded thumbnails are delivered (the FX thread)
   */
  public ThumbnailCache(int size, int capacity, int threads, Executor dispatcher) {
    this.size = size;
    this.capacity = capacity;
    this.dispatcher = dispatcher;
    this.cache =
        new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
            return size() > ThumbnailCache.this.capacity;
          }
        };
    LinkedBlockingDeque<Runnable> lifo =
        new LinkedBlockingDeque<>() {
          @Override
          public boolean offer(Runnable r) {
            return super.offerFirst(r);
          }
        };
    decoder =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            lifo,
            FxTaskRunner.daemonThreads("sgsf-thumbnails"));
    decoder.allowCoreThreadTimeOut(true);
  }

  /** A pending thumbnail; cancel it when its cell shows another image. */
  public interface Request {
    void cancel();
  }

  private static final Request DONE = () -> {};

  /**
   * Delivers the thumbnail of {@code file} to {@code onLoaded} on the dispatcher: at once if
   * cached, otherwise after decoding ({@code null} if the file cannot be decoded). Call on the
   * dispatcher thread.
   */
  public Request request(Path file, Consumer<Image> onLoaded) {
    Image hit;
    synchronized (cache) {
      hit = cache.get(file);
    }
    if (hit != null) {
      onLoaded.accept(hit);
      return DONE;
    }
    FutureTask<Void> job =
        new FutureTask<>(
            () -> {
              Image img = decode(file, size);
              if (img != null) {
                synchronized (cache) {
                  cache.put(file, img);
                }
              }
              dispatcher.execute(() -> onLoaded.accept(img));
              return null;
            });
    try {
      decoder.execute(job);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return DONE; // shut down: the window is closing
    }
    return () -> {
      if (job.cancel(false)) {
        decoder.remove(job);
      }
    };
  }

  /** The cached thumbnail or null. */
  public Image cached(Path file) {
    synchronized (cache) {
      return cache.get(file);
    }
  }

  public int cachedCount() {
    synchronized (cache) {
      return cache.size();
    }
  }

  public int capacity() {
    return capacity;
  }

  /** How many files were decoded so far. */
  public long decodedCount() {
    return decoded.get();
  }

  public void shutdown() {
    decoder.shutdownNow();
  }

  /**
   * Decodes {@code file} into an image whose longest side is at most {@code size}; null if the file
   * is unreadable (logged).
   */
  Image decode(Path file, int maxSide) {
    byte[] bytes;
    Mat raw;
    try {
      bytes = ImageIo.readBytes(file);
      // the one decode-and-validate path (a truncated frame gets no picture here either)
      raw = ImageIo.decodeMat(bytes, file, reducedFlags(bytes.length));
    } catch (ImageReadException e) {
      LOG.warn("thumbnail: {}", e.getMessage());
      return null;
    }
    try {
      decoded.incrementAndGet();
      return toThumbnail(raw, maxSide);
    } finally {
      raw.release();
    }
  }

  /** Reduced-resolution decoding for large files: a thumbnail needs no more. */
  private static int reducedFlags(long fileBytes) {
    if (fileBytes > 512 * 1024) {
      return Imgcodecs.IMREAD_REDUCED_COLOR_4;
    }
    return fileBytes > 128 * 1024 ? Imgcodecs.IMREAD_REDUCED_COLOR_2 : Imgcodecs.IMREAD_COLOR;
  }

  /** An 8-bit BGR Mat scaled (area interpolation) to fit {@code maxSide}, as an image. */
  static Image toThumbnail(Mat bgr, int maxSide) {
    double s = Math.min(1.0, maxSide / (double) Math.max(bgr.cols(), bgr.rows()));
    int w = Math.max(1, (int) Math.round(bgr.cols() * s));
    int h = Math.max(1, (int) Math.round(bgr.rows() * s));
    Mat small = new Mat();
    Imgproc.resize(bgr, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
    Mat bgra = new Mat();
    Imgproc.cvtColor(small, bgra, Imgproc.COLOR_BGR2BGRA);
    small.release();
    if (bgra.type() != CvType.CV_8UC4) {
      throw new IllegalStateException("unexpected thumbnail type " + bgra.type());
    }
    byte[] px = new byte[w * h * 4];
    bgra.get(0, 0, px);
    bgra.release();
    javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(w, h);
    img.getPixelWriter()
        .setPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getByteBgraInstance(), px, 0, w * 4);
    return img;
  }
}
