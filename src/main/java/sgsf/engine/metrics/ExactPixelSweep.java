package sgsf.engine.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The exact descending sweep over every pixel of many anomaly maps, without concatenating them into
 * one giant array.
 *
 * <p>Each float score is mapped to an int key whose order is the float order (sign-magnitude to
 * two's complement; -0 folded into +0). Pass 1 counts pixels per bucket of the key's top 16 bits.
 * Buckets are then processed from the top in chunks of at most {@code chunkPixels} pixels: one pass
 * over the maps scatters the chunk's pixels as {@code key << 32 | code} longs into bucket order;
 * each bucket's segment is then grouped on its own: short segments by a small (cache-resident)
 * sort, long ones by a 65,536-entry histogram of the low 16 key bits in linear time. A single
 * bucket larger than the chunk is resolved exactly with a 65,536-entry histogram of the low 16 key
 * bits instead (a bucket plus its low bits is the whole float). So memory stays at {@code 8 *
 * chunkPixels} bytes plus 3 MB, and the cost is about linear: one pass per chunk plus the sorts of
 * short bucket segments. {@code code} is 0 for a normal pixel and otherwise names the pixel's
 * ground-truth region, whose weight 1 / area feeds AUPRO.
 */
final class ExactPixelSweep {
  /**
   * Default chunk: 16 Mi pixels (a 128 MB buffer, only as large as the data needs). 1,000 maps of
   * 256x256 then take 4 passes; the sweep measured about 2 s of CPU for them.
   */
  static final int DEFAULT_CHUNK_PIXELS = 1 << 24;

  private static final int BUCKETS = 1 << 16;

  /** Bucket segments at least this long are grouped by a low-bit histogram, not sorted. */
  static final int DEFAULT_HISTOGRAM_SEGMENT = 1 << 14;

  private final List<PixelMap> maps;
  private final List<RegionLabels> regions;
  private final int chunkPixels;
  private final int histogramSegment;
  private final int[] codeBase;
  private final double[] weight;
  private long[] lowPos;
  private long[] lowNeg;
  private double[] lowOverlap;

  /**
   * @param maps the maps
   * @param regions per map its regions or {@code null}; the whole list {@code null} when AUPRO is
   *     not wanted
   * @param chunkPixels sort-buffer size in pixels (small values only in tests)
   */
  ExactPixelSweep(List<PixelMap> maps, List<RegionLabels> regions, int chunkPixels) {
    this(maps, regions, chunkPixels, DEFAULT_HISTOGRAM_SEGMENT);
  }

  /** As above; bucket segments of at least {@code histogramSegment} pixels skip the sort. */
  ExactPixelSweep(
      List<PixelMap> maps, List<RegionLabels> regions, int chunkPixels, int histogramSegment) {
    this.histogramSegment = Math.max(1, histogramSegment);
    if (chunkPixels < 1) {
      throw new IllegalArgumentException("chunkPixels must be positive");
    }
    if (regions != null && regions.size() != maps.size()) {
      throw new IllegalArgumentException("one region labelling per map is needed");
    }
    this.maps = maps;
    this.regions = regions;
    this.chunkPixels = chunkPixels;
    this.codeBase = new int[maps.size()];
    int total = 0;
    if (regions != null) {
      for (int m = 0; m < maps.size(); m++) {
        codeBase[m] = total;
        RegionLabels r = regions.get(m);
        total += r == null ? 0 : r.count();
      }
    }
    this.weight = new double[Math.max(2, total + 1)];
    if (regions != null) {
      for (int m = 0; m < maps.size(); m++) {
        RegionLabels r = regions.get(m);
        if (r != null) {
          for (int k = 1; k <= r.count(); k++) {
            weight[codeBase[m] + k] = 1.0 / r.areas()[k];
          }
        }
      }
    }
  }

  /** Float to an int with the same order (for finite values; -0 becomes +0). */
  static int key(float f) {
    int b = Float.floatToRawIntBits(f + 0.0f);
    return b ^ ((b >> 31) & 0x7FFFFFFF);
  }

  static float value(int key) {
    return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
  }

  private static int bucket(int key) {
    return (key ^ 0x80000000) >>> 16;
  }

  private int code(int m, int p, byte[] mask, RegionLabels r) {
    if (mask == null || mask[p] == 0) {
      return 0;
    }
    return r == null ? 1 : codeBase[m] + r.labels()[p];
  }

  void run(SweepListener listener) {
    long[] bucketCount = new long[BUCKETS];
    long positives = 0;
    long total = 0;
    long regionCount = 0;
    for (int m = 0; m < maps.size(); m++) {
      PixelMap map = maps.get(m);
      float[] s = map.scores();
      for (int p = 0; p < s.length; p++) {
        float v = s[p];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(
              "anomaly map "
                  + m
                  + " has the value "
                  + v
                  + " at pixel ("
                  + (p % map.width())
                  + ", "
                  + (p / map.width())
                  + ")");
        }
        bucketCount[bucket(key(v))]++;
      }
      positives += map.defectPixels();
      total += s.length;
      if (regions != null && regions.get(m) != null) {
        regionCount += regions.get(m).count();
      }
    }
    listener.begin(positives, total - positives, regionCount);
    long[] buffer = null;
    int b = BUCKETS - 1;
    while (b >= 0) {
      if (bucketCount[b] == 0) {
        b--;
      } else if (bucketCount[b] > chunkPixels) {
        sweepLargeBucket(b, listener);
        b--;
      } else {
        int hi = b;
        long n = 0;
        while (b >= 0 && bucketCount[b] <= chunkPixels && n + bucketCount[b] <= chunkPixels) {
          n += bucketCount[b];
          b--;
        }
        if (buffer == null) {
          buffer = new long[(int) Math.min(chunkPixels, total)];
        }
        sweepChunk(b + 1, hi, bucketCount, buffer, (int) n, listener);
      }
    }
    listener.end();
  }

  private void sweepChunk(
      int lo, int hi, long[] bucketCount, long[] buffer, int n, SweepListener listener) {
    // Scatter straight into bucket order (offsets from pass 1); then each bucket's segment is
    // grouped on its own, by a small sort or, when long, by a histogram of the low key bits.
    int[] next = new int[hi - lo + 2];
    for (int b = lo; b <= hi; b++) {
      next[b - lo + 1] = next[b - lo] + (int) bucketCount[b];
    }
    int[] start = next.clone();
    for (int m = 0; m < maps.size(); m++) {
      PixelMap map = maps.get(m);
      float[] s = map.scores();
      byte[] mask = map.mask();
      RegionLabels r = regions == null ? null : regions.get(m);
      for (int p = 0; p < s.length; p++) {
        int k = key(s[p]);
        int bk = bucket(k);
        if (bk >= lo && bk <= hi) {
          buffer[next[bk - lo]++] = ((long) k << 32) | code(m, p, mask, r);
        }
      }
    }
    for (int b = 0; b <= hi - lo; b++) {
      if (next[b] != start[b + 1]) {
        throw new IllegalStateException("pixel count changed between passes");
      }
    }
    for (int b = hi - lo; b >= 0; b--) {
      int from = start[b];
      int to = start[b + 1];
      if (to - from >= histogramSegment) {
        emitByLowBits(lo + b, buffer, from, to, listener);
      } else if (to > from) {
        Arrays.sort(buffer, from, to);
        emitSorted(buffer, from, to, listener);
      }
    }
  }

  /** Groups a sorted segment by key, highest first. */
  private void emitSorted(long[] buffer, int from, int to, SweepListener listener) {
    int j = to - 1;
    while (j >= from) {
      int k = (int) (buffer[j] >> 32);
      long pos = 0;
      long neg = 0;
      double ov = 0;
      while (j >= from && (int) (buffer[j] >> 32) == k) {
        int c = (int) buffer[j];
        if (c == 0) {
          neg++;
        } else {
          pos++;
          ov += regions == null ? 0 : weight[c];
        }
        j--;
      }
      listener.group(value(k), pos, neg, ov);
    }
  }

  /**
   * Groups a large segment of one bucket with a histogram of the low 16 key bits (linear time; a
   * bucket and its low bits make the whole float).
   */
  private void emitByLowBits(int b, long[] buffer, int from, int to, SweepListener listener) {
    if (lowPos == null) {
      lowPos = new long[BUCKETS];
      lowNeg = new long[BUCKETS];
      lowOverlap = new double[BUCKETS];
    }
    for (int i = from; i < to; i++) {
      int low = ((int) (buffer[i] >> 32) ^ 0x80000000) & 0xFFFF;
      int c = (int) buffer[i];
      if (c == 0) {
        lowNeg[low]++;
      } else {
        lowPos[low]++;
        lowOverlap[low] += regions == null ? 0 : weight[c];
      }
    }
    for (int low = BUCKETS - 1; low >= 0; low--) {
      if (lowPos[low] + lowNeg[low] > 0) {
        int k = ((b << 16) | low) ^ 0x80000000;
        listener.group(value(k), lowPos[low], lowNeg[low], lowOverlap[low]);
        lowPos[low] = 0;
        lowNeg[low] = 0;
        lowOverlap[low] = 0;
      }
    }
  }

  private void sweepLargeBucket(int b, SweepListener listener) {
    long[] pos = new long[BUCKETS];
    long[] neg = new long[BUCKETS];
    double[] ov = new double[BUCKETS];
    for (int m = 0; m < maps.size(); m++) {
      PixelMap map = maps.get(m);
      float[] s = map.scores();
      byte[] mask = map.mask();
      RegionLabels r = regions == null ? null : regions.get(m);
      for (int p = 0; p < s.length; p++) {
        int u = key(s[p]) ^ 0x80000000;
        if (u >>> 16 == b) {
          int low = u & 0xFFFF;
          int c = code(m, p, mask, r);
          if (c == 0) {
            neg[low]++;
          } else {
            pos[low]++;
            ov[low] += regions == null ? 0 : weight[c];
          }
        }
      }
    }
    for (int low = BUCKETS - 1; low >= 0; low--) {
      if (pos[low] + neg[low] > 0) {
        int k = ((b << 16) | low) ^ 0x80000000;
        listener.group(value(k), pos[low], neg[low], ov[low]);
      }
    }
  }
}
