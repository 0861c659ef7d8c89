package sgsf.engine.forge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * A thread-safe, size-bounded LRU cache of saliency maps, so that training and the GUI compute S
 * once per image rather than once per forged sample.
 *
 * <p>Entries are keyed by the caller's image key (a file path, a sample, or the image object
 * itself), the image size and every configuration value that shapes S ({@link
 * ForgeConfig#saliency()}); changing the saliency settings therefore never returns a stale map.
 * Maps made uniform by the texture rule share one array per size and cost nothing. Two threads
 * missing the same key at once may both compute it; both get equal maps.
 */
public final class SaliencyCache {
  /** Default capacity: 256 MB, about a thousand 256x256 maps. */
  public static final long DEFAULT_MAX_BYTES = 256L << 20;

  private final long maxBytes;
  private final LinkedHashMap<Key, SaliencyMap> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<Long, FloatImage> uniformMaps = new LinkedHashMap<>();
  private final Map<Key, SaliencyMap> roiMaps = new LinkedHashMap<>();
  private long bytes;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public SaliencyCache(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("cache capacity must be positive, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  public SaliencyCache() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * S of {@code image} under {@code config}, computed on the first request for {@code imageKey}.
   *
   * @param imageKey identifies the image (equal keys must mean equal images), e.g. its path; a
   *     {@link FloatImage} key is compared by identity, not by its pixels
   */
  public SaliencyMap get(Object imageKey, FloatImage image, ForgeConfig config) {
    Objects.requireNonNull(imageKey, "imageKey");
    if (imageKey instanceof FloatImage) {
      imageKey = new IdentityKey(imageKey);
    }
    if (config.saliency().roiMask() != null) {
      return roi(config, image.height(), image.width());
    }
    Key key = new Key(imageKey, config.saliency(), image.height(), image.width());
    synchronized (this) {
      SaliencyMap hit = entries.get(key);
      if (hit != null) {
        hits.incrementAndGet();
        return hit;
      }
    }
    misses.incrementAndGet();
    SaliencyMap computed = Saliency.compute(image, config);
    synchronized (this) {
      if (computed.isUniform()) {
        FloatImage shared =
            uniformMaps.computeIfAbsent(
                ((long) image.height() << 32) | image.width(),
                k -> FloatImage.filled(image.height(), image.width(), 1f));
        computed = new SaliencyMap(shared, 1.0, computed.spread(), computed.kind());
      } else {
        bytes += computed.bytes();
      }
      SaliencyMap previous = entries.put(key, computed);
      if (previous != null && !previous.isUniform()) {
        bytes -= previous.bytes();
      }
      evict();
      return computed;
    }
  }

  /** The ROI mask is the same for every image: read once per path and size. */
  private SaliencyMap roi(ForgeConfig config, int height, int width) {
    Key key = new Key(config.saliency().roiMask(), config.saliency(), height, width);
    synchronized (this) {
      SaliencyMap hit = roiMaps.get(key);
      if (hit != null) {
        hits.incrementAndGet();
        return hit;
      }
    }
    misses.incrementAndGet();
    SaliencyMap map = Saliency.roi(config.saliency().roiMask(), height, width);
    synchronized (this) {
      roiMaps.put(key, map);
    }
    return map;
  }

  /** S of {@code image}, keyed by the image object's identity (not its pixel values). */
  public SaliencyMap get(FloatImage image, ForgeConfig config) {
    return get(new IdentityKey(image), image, config);
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized long bytes() {
    return bytes;
  }

  /** How many requests were answered from the cache. */
  public long hits() {
    return hits.get();
  }

  /** How many requests computed a map. */
  public long misses() {
    return misses.get();
  }

  public synchronized void clear() {
    entries.clear();
    roiMaps.clear();
    bytes = 0;
  }

  private void evict() {
    var it = entries.entrySet().iterator();
    while (bytes > maxBytes && entries.size() > 1 && it.hasNext()) {
      SaliencyMap m = it.next().getValue();
      it.remove();
      if (!m.isUniform()) {
        bytes -= m.bytes();
      }
    }
  }

  private record Key(Object image, ForgeConfig.Saliency settings, int height, int width) {}

  /** Compares the wrapped object by identity. */
  private static final class IdentityKey {
    private final Object ref;

    IdentityKey(Object ref) {
      this.ref = ref;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.ref == ref;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(ref);
    }
  }
}
