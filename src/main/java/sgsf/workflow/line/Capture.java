package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.task.CancellationToken;
import sgsf.io.AtomicFiles;

/**
 * Saves images of a running source into a dataset folder (for instance {@code
 * <workspace>/captures/NAME/train/good}, the good parts a first model is trained on, or a folder to
 * label later): every {@code every}-th image, and the current one on request. Watches a line as a
 * {@link LineListener}, or runs on a source without a model ({@link #run}). Files are PNG, named by
 * time and number ({@code capture-20261203-141502-123-000042.png}), written atomically.
 */
public final class Capture implements LineListener {
  private static final Logger LOG = LoggerFactory.getLogger(Capture.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  private final Path folder;
  private final int every;
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong saved = new AtomicLong();
  private final AtomicReference<FloatImage> current = new AtomicReference<>();

  /**
   * @param folder where captures go (created if missing)
   * @param every save every {@code every}-th image; 0 to save only on request
   */
  public Capture(Path folder, int every) throws IOException {
    if (every < 0) {
      throw new IllegalArgumentException("capture every must be >= 0, got " + every);
    }
    this.folder = folder.toAbsolutePath().normalize();
    this.every = every;
    Files.createDirectories(this.folder);
    if (!Files.isWritable(this.folder)) {
      throw new IOException(this.folder + ": capture folder cannot be written");
    }
  }

  public Path folder() {
    return folder;
  }

  /** How many images were saved. */
  public long saved() {
    return saved.get();
  }

  @Override
  public void inspected(LineResult result, FloatImage image, FloatImage map, double latencyMs) {
    offer(image);
  }

  /** Takes the next image of the source (saved if it is an every-th one). */
  public void offer(FloatImage image) {
    if (image == null) {
      return;
    }
    current.set(image);
    long n = seen.getAndIncrement();
    if (every > 0 && n % every == 0) {
      try {
        save(image);
      } catch (IOException e) {
        LOG.warn("capture: {}", e.getMessage());
      }
    }
  }

  /**
   * Saves the latest image now.
   *
   * @return the file, or null when no image came yet
   */
  public Path saveCurrent() throws IOException {
    FloatImage img = current.get();
    return img == null ? null : save(img);
  }

  private Path save(FloatImage image) throws IOException {
    long n = saved.incrementAndGet();
    Path f =
        folder.resolve(
            String.format(
                Locale.ROOT, "capture-%s-%06d.png", TIME.format(java.time.Instant.now()), n));
    AtomicFiles.writeBytes(f, ImageIo.encodePng(image));
    return f;
  }

  /**
   * Captures from a source without a model until {@code stop} is cancelled or the source is
   * exhausted; unreadable images are logged and skipped.
   */
  public void run(LineSource source, CancellationToken stop)
      throws IOException, InterruptedException {
    while (!stop.isCancelled() && !source.exhausted()) {
      SourceItem item = source.next(200);
      if (item == null) {
        continue;
      }
      try {
        offer(item.decode(item.bytes()));
      } catch (ImageReadException e) {
        LOG.warn("capture: {}", e.getMessage());
      }
      source.processed(item);
    }
  }
}
