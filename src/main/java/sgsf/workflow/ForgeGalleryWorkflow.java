package sgsf.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SampleLoader;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.forge.AuxiliarySource;
import sgsf.engine.forge.ForgeResult;
import sgsf.engine.forge.Forger;
import sgsf.engine.forge.SaliencyCache;
import sgsf.engine.forge.SaliencyMap;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.task.CancellationToken;

/**
 * Forging a gallery of samples from a dataset's good training images, the use case {@code sgsf
 * forge} and the Forge view share: the images are loaded at the model's input size by the training
 * loader ({@link SampleLoader}, so a sample looks as it would in training), the {@link Forger} is
 * built from the {@link ForgeConfig} with its auxiliary images B drawn from the dataset's
 * train/good images in {@linkplain #galleryOrder gallery order}, and sample {@code k} of a request
 * is forged with index {@code firstIndex + k} regardless of p_forge. The same configuration, seed,
 * image and index therefore give the same sample in the CLI's contact sheets and in the view's
 * preview.
 *
 * <p>An instance keeps what is worth keeping between requests (decoded images, saliency maps, the
 * auxiliary-image source of the last configuration), so a preview that follows a slider is cheap.
 * Its methods are synchronized: one request at a time.
 */
public final class ForgeGalleryWorkflow {
  /** Saliency maps kept between requests. */
  public static final long SALIENCY_CACHE_BYTES = 64L << 20;

  /** Decoded images kept between requests, per input size. */
  public static final long IMAGE_CACHE_BYTES = 96L << 20;

  /**
   * What to forge.
   *
   * @param config the forging configuration, its seed included
   * @param dataset whose train/good images are forged and give the auxiliary images
   * @param size the model input size in pixels (images are loaded as {@code size x size})
   * @param images the images to forge, in order, cycled until {@code count} samples are made; empty
   *     for the dataset's train/good images in {@linkplain #galleryOrder gallery order}
   * @param count how many samples
   * @param firstIndex the sample index of the first sample (the next ones follow)
   */
  public record Request(
      ForgeConfig config,
      Dataset dataset,
      int size,
      List<Path> images,
      int count,
      long firstIndex) {
    public Request {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(dataset, "dataset");
      images = images == null ? List.of() : List.copyOf(images);
      if (size <= 0) {
        throw new IllegalArgumentException("size must be positive, got " + size);
      }
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1, got " + count);
      }
    }

    /**
     * {@code count} samples over the dataset's train/good images in gallery order, from index 0.
     */
    public static Request gallery(ForgeConfig config, Dataset dataset, int size, int count) {
      return new Request(config, dataset, size, List.of(), count, 0);
    }

    /** One sample per image of {@code images}, with indices from {@code firstIndex}. */
    public static Request of(
        ForgeConfig config, Dataset dataset, int size, List<Path> images, long firstIndex) {
      return new Request(config, dataset, size, images, images.size(), firstIndex);
    }
  }

  /**
   * One forged sample.
   *
   * @param number its position in the request (0, 1, ...)
   * @param index the sample index it was forged with
   * @param image the normal image's file
   * @param normal the normal image A at model size
   * @param saliency S of A
   * @param result the forging (forged regardless of p_forge)
   */
  public record Forged(
      int number,
      long index,
      Path image,
      FloatImage normal,
      SaliencyMap saliency,
      ForgeResult result) {}

  /**
   * What a request made.
   *
   * @param samples the samples, in order; empty when they went to a {@link Sink}
   * @param count how many samples were made
   * @param unreadable the images that could not be read (each once), skipped
   * @param skippedTextures texture files the auxiliary-image source could not use
   */
  public record Result(
      List<Forged> samples,
      int count,
      List<ImageReadException> unreadable,
      List<SkippedFile> skippedTextures) {
    public Result {
      samples = List.copyOf(samples);
      unreadable = List.copyOf(unreadable);
      skippedTextures = List.copyOf(skippedTextures);
    }
  }

  /** Receives each sample as it is made (so that a large gallery is never held in memory). */
  public interface Sink {
    void accept(Forged sample) throws IOException;

    /** An image that could not be read and is skipped. */
    default void unreadable(ImageReadException problem) {}
  }

  private final SaliencyCache saliencyCache;
  private final long imageCacheBytes;
  private final Map<Integer, SampleLoader> loaders = new HashMap<>();
  private AuxiliarySource aux;
  private List<Object> auxKey;

  /** A workflow with the default caches. */
  public ForgeGalleryWorkflow() {
    this(SALIENCY_CACHE_BYTES, IMAGE_CACHE_BYTES);
  }

  public ForgeGalleryWorkflow(long saliencyCacheBytes, long imageCacheBytes) {
    this.saliencyCache = new SaliencyCache(saliencyCacheBytes);
    this.imageCacheBytes = imageCacheBytes;
  }

  /**
   * The dataset's train/good images in gallery order: sorted by path, then shuffled with the
   * configuration's seed. The auxiliary images B are drawn from them in this order, and a gallery
   * without chosen images forges them in this order.
   *
   * @throws DatasetException naming the dataset's folder when it has no train/good images
   */
  public static List<Path> galleryOrder(ForgeConfig config, Dataset dataset) {
    List<Path> order =
        new ArrayList<>(dataset.trainGood().stream().map(Sample::image).sorted().toList());
    if (order.isEmpty()) {
      throw new DatasetException(dataset.root(), "no normal training images (train/good) found");
    }
    Collections.shuffle(order, new Random(config.seed()));
    return order;
  }

  /**
   * Forges the request's samples and returns them.
   *
   * @throws DatasetException when the dataset has no train/good images or none of the request's
   *     images can be read ({@link ImageReadException} when it names one image only)
   * @throws IllegalArgumentException naming the texture folder when it is unusable
   */
  public synchronized Result forge(Request request) {
    List<Forged> samples = new ArrayList<>(request.count());
    try {
      Result r = forge(request, samples::add, CancellationToken.none());
      return new Result(samples, r.count(), r.unreadable(), r.skippedTextures());
    } catch (IOException e) {
      throw new AssertionError("collecting samples in a list threw " + e, e);
    }
  }

  /**
   * Forges the request's samples into {@code sink}, one at a time; cancellation is polled between
   * samples.
   *
   * @return what was made; its {@code samples} are empty (they went to the sink)
   * @throws java.util.concurrent.CancellationException when {@code cancellation} is cancelled
   * @throws IOException what the sink throws
   * @throws DatasetException as {@link #forge(Request)}
   */
  public synchronized Result forge(Request request, Sink sink, CancellationToken cancellation)
      throws IOException {
    CancellationToken token = CancellationToken.orNone(cancellation);
    ForgeConfig config = request.config();
    List<Path> pool = galleryOrder(config, request.dataset());
    SampleLoader loader =
        loaders.computeIfAbsent(request.size(), px -> new SampleLoader(px, px, imageCacheBytes));
    Forger forger = forger(config, pool, loader);
    List<Path> order = request.images().isEmpty() ? pool : request.images();
    Set<Path> bad = new HashSet<>();
    List<ImageReadException> unreadable = new ArrayList<>();
    int made = 0;
    int next = 0;
    while (made < request.count()) {
      token.throwIfCancelled("forging");
      Path p = order.get(next % order.size());
      next++;
      if (bad.contains(p)) {
        continue;
      }
      FloatImage a;
      try {
        a = loader.image(p);
      } catch (ImageReadException e) {
        bad.add(p);
        unreadable.add(e);
        sink.unreadable(e);
        if (bad.size() == new HashSet<>(order).size()) {
          if (bad.size() == 1) {
            throw e;
          }
          throw new DatasetException(
              request.dataset().root(), "none of the training images could be read");
        }
        continue;
      }
      long index = request.firstIndex() + made;
      ForgeResult r = forger.forge(a, p, index);
      SaliencyMap s = forger.saliency(a, p);
      sink.accept(new Forged(made, index, p, a, s, r));
      made++;
    }
    return new Result(List.of(), made, unreadable, forger.auxiliarySource().skipped());
  }

  /** The forger of {@code config}, its auxiliary-image source kept while it would be the same. */
  private Forger forger(ForgeConfig c, List<Path> pool, SampleLoader loader) {
    List<Object> key =
        List.of(
            c.auxiliary().source(),
            String.valueOf(c.auxiliary().folder()),
            c.seed(),
            loader.height(),
            pool);
    if (aux == null || !key.equals(auxKey)) {
      aux = Forger.auxiliarySource(c, pool.size(), i -> loader.image(pool.get(i)));
      auxKey = key;
    }
    return new Forger(c, aux, saliencyCache);
  }
}
