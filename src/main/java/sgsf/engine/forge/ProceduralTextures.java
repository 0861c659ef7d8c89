package sgsf.engine.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.OpenCv;

/**
 * Textures generated on the fly, standing in for the DTD images the paper samples B from (which the
 * workbench cannot ship): six families, each with random scale, orientation and two colours.
 *
 * <p>Like a texture folder, the source is a fixed collection: {@code poolSize} textures per image
 * size, texture j generated from a seed derived from the base seed and j the first time it is
 * drawn, then kept on the Java heap (about 50 MB for 256 textures at 256x256). Each draw picks a
 * texture with the sample's random generator and varies it by a random crop (60-100 % of the side)
 * and flip, before the DRAEM augmentations. So a sample depends only on its seed, never on what was
 * drawn before, and generation cost (1-2 ms per texture) is paid once per texture rather than once
 * per sample.
 */
public final class ProceduralTextures implements AuxiliarySource {
  /** Default number of distinct textures per size. */
  public static final int DEFAULT_POOL_SIZE = 256;

  private static final long POOL_STREAM = 0x7E37_0A11_D00DL;

  private final long seed;
  private final int poolSize;
  private final ConcurrentHashMap<Long, Pooled> pool = new ConcurrentHashMap<>();

  private record Pooled(Mats.Rgb8 rgb, Family family) {}

  /** A pool of {@link #DEFAULT_POOL_SIZE} textures derived from {@code seed}. */
  public ProceduralTextures(long seed) {
    this(seed, DEFAULT_POOL_SIZE);
  }

  public ProceduralTextures(long seed, int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("texture pool size must be positive, got " + poolSize);
    }
    this.seed = seed;
    this.poolSize = poolSize;
  }

  /** The texture families. */
  public enum Family {
    /** Fractal (fBm) value noise: clouds, stains, mottled surfaces. */
    FRACTAL_NOISE,
    /** Sine, square or triangle stripes at a random angle and period. */
    STRIPES,
    /** Voronoi cells with darkened borders: grains, scales, cracked glaze. */
    CELLS,
    /** Straight and bent thin lines over a mottled base. */
    SCRATCHES,
    /** A checkerboard or a plain weave of threads at a random angle. */
    WEAVE,
    /** Overlapping soft ellipses: spots, blots, pores. */
    BLOBS;

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  @Override
  public AuxiliaryImage next(int height, int width, SplittableRandom rng) {
    int j = rng.nextInt(poolSize);
    double scale = 0.6 + 0.4 * rng.nextDouble();
    double fx = rng.nextDouble();
    double fy = rng.nextDouble();
    int flip = rng.nextInt(4) - 2;
    Pooled t = pooled(j, height, width);
    int cw = Math.max(1, (int) Math.round(width * scale));
    int ch = Math.max(1, (int) Math.round(height * scale));
    Rect crop =
        new Rect((int) Math.round((width - cw) * fx), (int) Math.round((height - ch) * fy), cw, ch);
    Mat full = t.rgb().toMat();
    Mat view = full.submat(crop);
    Mat out = new Mat();
    Imgproc.resize(view, out, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
    Mats.release(view, full);
    if (flip >= -1) {
      Core.flip(out, out, flip);
    }
    return new AuxiliaryImage(out, "procedural #" + j + ": " + t.family().label());
  }

  /** Texture j of the pool at this size: family j mod 6, generated on first use. */
  private Pooled pooled(int j, int height, int width) {
    long key = ((long) height << 40) ^ ((long) width << 20) ^ j;
    return pool.computeIfAbsent(
        key,
        k -> {
          Family f = Family.values()[j % Family.values().length];
          SplittableRandom r = new SplittableRandom(Seeds.mix(seed ^ POOL_STREAM, j));
          Mat m = generate(f, height, width, r);
          Pooled p = new Pooled(Mats.Rgb8.of(m), f);
          m.release();
          return p;
        });
  }

  /**
   * A texture of one family as an 8-bit RGB Mat (CV_8UC3) the caller releases.
   *
   * @param rng the only source of randomness
   */
  public static Mat generate(Family family, int height, int width, SplittableRandom rng) {
    OpenCv.ensureLoaded();
    Mat t =
        switch (family) {
          case FRACTAL_NOISE -> fractalNoise(height, width, rng, 1 + rng.nextInt(3), 6);
          case STRIPES -> stripes(height, width, rng);
          case CELLS -> cells(height, width, rng);
          case SCRATCHES -> scratches(height, width, rng);
          case WEAVE -> weave(height, width, rng);
          case BLOBS -> blobs(height, width, rng);
        };
    Mat rgb = colourise(t, rng);
    t.release();
    return rgb;
  }

  /** fBm value noise in [0, 1]: random lattices of growing resolution, bicubic, summed. */
  static Mat fractalNoise(int height, int width, SplittableRandom rng, int base, int octaves) {
    double persistence = 0.35 + 0.35 * rng.nextDouble();
    Mat sum = Mat.zeros(height, width, CvType.CV_32FC1);
    Mat up = new Mat();
    double amp = 1;
    for (int o = 0; o < octaves; o++) {
      int g = (base << o) + 1;
      if (g > Math.max(height, width)) {
        break;
      }
      Mat lattice = randomMat(g, g, rng);
      Imgproc.resize(lattice, up, new Size(width, height), 0, 0, Imgproc.INTER_CUBIC);
      Core.scaleAdd(up, amp, sum, sum);
      amp *= persistence;
      lattice.release();
    }
    up.release();
    Core.normalize(sum, sum, 0, 1, Core.NORM_MINMAX);
    return sum;
  }

  private static Mat stripes(int height, int width, SplittableRandom rng) {
    int side = (int) Math.ceil(Math.hypot(height, width)) + 2;
    double period = 4 + rng.nextDouble() * Math.max(4, Math.min(height, width) / 6.0);
    int wave = rng.nextInt(3);
    double duty = 0.2 + 0.6 * rng.nextDouble();
    double phase = rng.nextDouble();
    float[] row = new float[side];
    for (int x = 0; x < side; x++) {
      double p = (x / period + phase) % 1.0;
      row[x] =
          (float)
              switch (wave) {
                case 0 -> 0.5 + 0.5 * Math.sin(2 * Math.PI * p);
                case 1 -> p < duty ? 1 : 0;
                default -> p < 0.5 ? 2 * p : 2 - 2 * p;
              };
    }
    Mat line = new Mat(1, side, CvType.CV_32FC1);
    line.put(0, 0, row);
    Mat square = new Mat();
    Core.repeat(line, side, 1, square);
    Mat out = rotatedCrop(square, height, width, rng.nextDouble() * 180);
    addNoise(out, rng, 0.15);
    Mats.release(line, square);
    return out;
  }

  private static Mat cells(int height, int width, SplittableRandom rng) {
    int n = 8 + rng.nextInt(60);
    Mat seeds = new Mat(height, width, CvType.CV_8UC1, Scalar.all(255));
    for (int i = 0; i < n; i++) {
      seeds.put(rng.nextInt(height), rng.nextInt(width), 0);
    }
    Mat dist = new Mat();
    Mat labels = new Mat();
    Imgproc.distanceTransformWithLabels(
        seeds, dist, labels, Imgproc.DIST_L2, 5, Imgproc.DIST_LABEL_CCOMP);
    float[] shade = new float[n + 2];
    for (int i = 0; i < shade.length; i++) {
      shade[i] = (float) rng.nextDouble();
    }
    int[] lab = new int[height * width];
    labels.get(0, 0, lab);
    float[] d = new float[height * width];
    dist.get(0, 0, d);
    float maxD = 1e-6f;
    for (float v : d) {
      maxD = Math.max(maxD, v);
    }
    double mix = 0.3 + 0.5 * rng.nextDouble();
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      float s = shade[Math.min(lab[i], shade.length - 1)];
      out[i] = (float) ((1 - mix) * s + mix * (d[i] / maxD));
    }
    Mat t = new Mat(height, width, CvType.CV_32FC1);
    t.put(0, 0, out);
    Mats.release(seeds, dist, labels);
    return t;
  }

  private static Mat scratches(int height, int width, SplittableRandom rng) {
    Mat base = fractalNoise(height, width, rng, 2, 4);
    Core.multiply(base, Scalar.all(0.4), base);
    Core.add(base, Scalar.all(0.3), base);
    int lines = 5 + rng.nextInt(40);
    double dominant = rng.nextDouble() * Math.PI;
    for (int i = 0; i < lines; i++) {
      double angle = dominant + (rng.nextDouble() - 0.5) * 0.6;
      double len = Math.min(height, width) * (0.1 + 0.8 * rng.nextDouble());
      double x0 = rng.nextDouble() * width;
      double y0 = rng.nextDouble() * height;
      Point a = new Point(x0, y0);
      Point b = new Point(x0 + len * Math.cos(angle), y0 + len * Math.sin(angle));
      double v = rng.nextDouble() < 0.5 ? 0.05 * rng.nextDouble() : 0.95 + 0.05 * rng.nextDouble();
      Imgproc.line(base, a, b, Scalar.all(v), 1 + rng.nextInt(2), Imgproc.LINE_AA);
    }
    return base;
  }

  private static Mat weave(int height, int width, SplittableRandom rng) {
    int c = 4 + rng.nextInt(Math.max(2, Math.min(height, width) / 8));
    boolean checker = rng.nextDouble() < 0.35;
    float[] tile = new float[4 * c * c];
    for (int y = 0; y < 2 * c; y++) {
      for (int x = 0; x < 2 * c; x++) {
        boolean horizontal = (y / c + x / c) % 2 == 0;
        double v;
        if (checker) {
          v = horizontal ? 0.9 : 0.1;
        } else {
          double across = horizontal ? (y % c + 0.5) / c : (x % c + 0.5) / c;
          v = (horizontal ? 0.55 : 0.35) + 0.45 * Math.sin(Math.PI * across);
        }
        tile[y * 2 * c + x] = (float) v;
      }
    }
    Mat small = new Mat(2 * c, 2 * c, CvType.CV_32FC1);
    small.put(0, 0, tile);
    int side = (int) Math.ceil(Math.hypot(height, width)) + 2 * c;
    int reps = side / (2 * c) + 1;
    Mat big = new Mat();
    Core.repeat(small, reps, reps, big);
    Mat out = rotatedCrop(big, height, width, rng.nextDouble() * 90);
    addNoise(out, rng, 0.1);
    Mats.release(small, big);
    return out;
  }

  private static Mat blobs(int height, int width, SplittableRandom rng) {
    Mat t = new Mat(height, width, CvType.CV_32FC1, Scalar.all(rng.nextDouble()));
    int n = 5 + rng.nextInt(40);
    double side = Math.min(height, width);
    for (int i = 0; i < n; i++) {
      Point centre = new Point(rng.nextDouble() * width, rng.nextDouble() * height);
      Size axes =
          new Size(
              side * (0.02 + 0.15 * rng.nextDouble()), side * (0.02 + 0.15 * rng.nextDouble()));
      Imgproc.ellipse(
          t, centre, axes, rng.nextDouble() * 180, 0, 360, Scalar.all(rng.nextDouble()), -1);
    }
    double sigma = side * (0.003 + 0.02 * rng.nextDouble());
    Imgproc.GaussianBlur(t, t, new Size(0, 0), sigma);
    addNoise(t, rng, 0.1);
    return t;
  }

  /** Rotates a large pattern about its centre and crops the central height x width. */
  private static Mat rotatedCrop(Mat pattern, int height, int width, double degrees) {
    Mat rot =
        Imgproc.getRotationMatrix2D(
            new Point(pattern.cols() / 2.0, pattern.rows() / 2.0), degrees, 1.0);
    double[] tx = rot.get(0, 2);
    double[] ty = rot.get(1, 2);
    rot.put(0, 2, tx[0] - (pattern.cols() - width) / 2.0);
    rot.put(1, 2, ty[0] - (pattern.rows() - height) / 2.0);
    Mat out = new Mat();
    Imgproc.warpAffine(
        pattern, out, rot, new Size(width, height), Imgproc.INTER_LINEAR, Core.BORDER_REFLECT);
    rot.release();
    return out;
  }

  /** Mixes in low-amplitude fractal noise so no texture is perfectly clean. */
  private static void addNoise(Mat t, SplittableRandom rng, double maxAmount) {
    double amount = maxAmount * rng.nextDouble();
    Mat n = fractalNoise(t.rows(), t.cols(), rng, 4, 4);
    Core.addWeighted(t, 1 - amount, n, amount, 0, t);
    n.release();
  }

  private static Mat randomMat(int rows, int cols, SplittableRandom rng) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rng.nextDouble();
    }
    Mat m = new Mat(rows, cols, CvType.CV_32FC1);
    m.put(0, 0, v);
    return m;
  }

  /** Maps a [0, 1] pattern onto the line between two random colours of clearly different tone. */
  private static Mat colourise(Mat t, SplittableRandom rng) {
    double[] c1 = new double[3];
    double[] c2 = new double[3];
    do {
      for (int c = 0; c < 3; c++) {
        c1[c] = rng.nextDouble();
        c2[c] = rng.nextDouble();
      }
    } while (Math.abs(luma(c1) - luma(c2)) < 0.25);
    List<Mat> ch = new ArrayList<>(3);
    for (int c = 0; c < 3; c++) {
      Mat m = new Mat();
      t.convertTo(m, CvType.CV_8UC1, 255 * (c2[c] - c1[c]), 255 * c1[c]);
      ch.add(m);
    }
    Mat rgb = new Mat();
    Core.merge(ch, rgb);
    ch.forEach(Mat::release);
    return rgb;
  }

  private static double luma(double[] c) {
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
  }
}
