package sgsf.engine.forge;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * The shared machinery of SAM and plain Perlin forging: draw noise, gate it by S, threshold, redraw
 * empty masks, blend an augmented auxiliary image by Eq. (2).
 */
final class NoiseMaskForger {
  /** DRAEM's fixed threshold of the plain Perlin strategy. */
  static final double PERLIN_THRESHOLD = 0.5;

  /**
   * Smallest mean absolute change of I against A under the mask (over pixels and channels, values
   * in [0, 1]) for a forgery to count as visible; about 8 grey levels of 255.
   */
  static final double MIN_VISIBLE_CHANGE = 0.03;

  /** How often B and alpha are redrawn for a forgery that stays invisible. */
  static final int VISIBILITY_REDRAWS = 4;

  /** How many DRAEM augmentations are applied to B. */
  static final int AUGMENTATIONS = 3;

  private NoiseMaskForger() {}

  /**
   * @param s the gating map, or {@code null} for S = 1 (plain Perlin)
   * @param threshold mu
   */
  static ForgeResult forge(
      ForgeConfig.Strategy kind,
      ForgeConfig config,
      AuxiliarySource aux,
      FloatImage a,
      SaliencyMap s,
      double threshold,
      SplittableRandom rng) {
    int h = a.height();
    int w = a.width();
    boolean gate = s != null && !s.isUniform();
    Mat sMat = gate ? Mats.planar(s.map()) : null;
    Mat g = new Mat();
    Mat mask = new Mat();
    PerlinNoise.Grid grid = null;
    Mat noise = null;
    int attempts = 0;
    int area = 0;
    int maxAttempts = 1 + config.sampling().maxMaskRedraws();
    int minArea = Math.max(1, (int) Math.ceil(config.sampling().minMaskFraction() * h * w));
    while (attempts < maxAttempts) {
      if (grid != null) {
        grid.values().release();
      }
      Mats.release(noise);
      noise = null;
      grid =
          PerlinNoise.drawGrid(
              h,
              w,
              config.perlin().minScaleExponent(),
              config.perlin().maxScaleExponent(),
              config.perlin().rotationMinDegrees(),
              config.perlin().rotationMaxDegrees(),
              rng);
      attempts++;
      if (grid.max() <= threshold) {
        continue; // G <= P <= max(P) <= mu everywhere (S <= 1): the mask would be empty
      }
      noise = grid.render(h, w);
      if (gate) {
        Core.multiply(noise, sMat, g);
      } else {
        noise.copyTo(g);
      }
      Core.compare(g, new Scalar(threshold), mask, Core.CMP_GT);
      area = Core.countNonZero(mask);
      if (area >= minArea) {
        break;
      }
      area = 0;
    }
    if (noise == null) {
      noise = grid.render(h, w);
      if (gate) {
        Core.multiply(noise, sMat, g);
      } else {
        noise.copyTo(g);
      }
    }
    grid.values().release();
    FloatImage sImg = s != null ? s.map() : FloatImage.filled(h, w, 1f);
    FloatImage noiseImg = Mats.fromSingle(noise);
    FloatImage gated = Mats.fromSingle(g);
    noise.release();
    g.release();
    if (sMat != null) {
      sMat.release();
    }
    if (area == 0) {
      mask.release();
      // every draw was empty (or below minMaskFraction): the sample stays normal
      return normal(
          kind,
          a,
          sImg,
          noiseImg,
          gated,
          threshold,
          attempts,
          "no mask of at least "
              + minArea
              + " pixels after "
              + attempts
              + " draws; sample stays normal");
    }

    // Only the part of B under the mask's bounding box can reach I, so only that part is
    // augmented and converted (B is a random texture, so its crop is as random as the whole).
    // A forgery that barely changes the image under its mask (a B close to A, a small alpha) is
    // labelled defective while it is invisible, which teaches noise: B and alpha are redrawn.
    Rect box = Imgproc.boundingRect(mask);
    byte[] maskBytes = new byte[h * w];
    mask.get(0, 0, maskBytes);
    mask.release();
    AuxiliarySource.AuxiliaryImage b = null;
    List<DraemAugmentation> augs = null;
    boolean grey = false;
    double alpha = Double.NaN;
    FloatImage m = null;
    FloatImage auxiliary = null;
    FloatImage forged = null;
    double change = 0;
    for (int draw = 0; draw <= VISIBILITY_REDRAWS; draw++) {
      b = aux.next(h, w, rng);
      Mat region = b.rgb().submat(box).clone();
      b.rgb().release();
      augs = DraemAugmentation.applyRandom(region, AUGMENTATIONS, rng);
      grey = config.auxiliary().greyForGreyImages() && isGrey(a);
      Mat bPlanar = auxiliaryPlanar(region, a.channels(), grey);
      region.release();
      alpha =
          config.blend().alphaMin()
              + (config.blend().alphaMax() - config.blend().alphaMin()) * rng.nextDouble();
      FloatImage bBox = Mats.fromPlanar(bPlanar, a.channels());
      bPlanar.release();
      m = FloatImage.zeros(1, h, w);
      auxiliary = FloatImage.zeros(a.channels(), h, w);
      forged = compose(a, bBox, maskBytes, box, alpha, m.data(), auxiliary.data());
      change = meanChangeUnderMask(a, forged, maskBytes, box);
      if (change >= MIN_VISIBLE_CHANGE) {
        break;
      }
    }
    if (change < MIN_VISIBLE_CHANGE) {
      return normal(
          kind,
          a,
          sImg,
          noiseImg,
          gated,
          threshold,
          attempts,
          String.format(
              java.util.Locale.ROOT,
              "forged change under the mask stayed below %.2f after %d draws of B; sample stays"
                  + " normal",
              MIN_VISIBLE_CHANGE,
              VISIBILITY_REDRAWS + 1));
    }
    String description =
        b.description()
            + (grey ? ", grey" : "")
            + "; "
            + augs.stream().map(DraemAugmentation::label).collect(Collectors.joining(", "))
            + String.format(
                "; Perlin 2^%d x 2^%d, %.0f deg",
                grid.scaleExponentY(), grid.scaleExponentX(), grid.rotationDegrees());
    return new ForgeResult(
        kind,
        true,
        forged,
        m,
        sImg,
        noiseImg,
        gated,
        threshold,
        alpha,
        auxiliary,
        description,
        attempts,
        area);
  }

  /**
   * Eq. (2) for a binary mask: I = A (1 - M) + alpha B M + (1 - alpha) A M, i.e. A outside the mask
   * and the alpha blend of A and B inside it.
   *
   * <p>Only the mask's bounding box is visited, so this costs a copy of A plus work proportional to
   * the (typically small) box; on 256x256 images it measured several times faster than the
   * equivalent whole-image OpenCV ops with their copies in and out of native memory.
   *
   * @param bBox B inside {@code box} only (its size is the box's)
   * @param mask8 the mask, non-zero inside, row-major
   * @param box the bounding box of the non-zero mask pixels
   * @param maskOut receives M as 0/1 floats
   * @param auxOut receives B inside the box (for display), same layout as A
   */
  static FloatImage compose(
      FloatImage a,
      FloatImage bBox,
      byte[] mask8,
      Rect box,
      double alpha,
      float[] maskOut,
      float[] auxOut) {
    float[] ad = a.data();
    float[] bd = bBox.data();
    float[] out = ad.clone();
    int w = a.width();
    int p = a.plane();
    int bp = bBox.plane();
    float wa = (float) (1 - alpha);
    float wb = (float) alpha;
    for (int y = box.y; y < box.y + box.height; y++) {
      int bRow = (y - box.y) * box.width - box.x;
      for (int x = box.x, i = y * w + box.x; x < box.x + box.width; x++, i++) {
        boolean inside = mask8[i] != 0;
        if (inside) {
          maskOut[i] = 1f;
        }
        for (int c = 0; c < a.channels(); c++) {
          float bv = bd[c * bp + bRow + x];
          auxOut[c * p + i] = bv;
          if (inside) {
            out[c * p + i] = wa * ad[c * p + i] + wb * bv;
          }
        }
      }
    }
    return new FloatImage(a.channels(), a.height(), w, out);
  }

  /** The outcome when no usable forgery was drawn: A unchanged, an empty mask, and why. */
  private static ForgeResult normal(
      ForgeConfig.Strategy kind,
      FloatImage a,
      FloatImage s,
      FloatImage noise,
      FloatImage gated,
      double threshold,
      int attempts,
      String why) {
    return new ForgeResult(
        kind,
        false,
        a,
        FloatImage.zeros(1, a.height(), a.width()),
        s,
        noise,
        gated,
        threshold,
        Double.NaN,
        null,
        why,
        attempts,
        0);
  }

  /** Mean |I - A| over the mask's pixels and all channels. */
  static double meanChangeUnderMask(FloatImage a, FloatImage forged, byte[] mask8, Rect box) {
    float[] ad = a.data();
    float[] fd = forged.data();
    int w = a.width();
    int p = a.plane();
    double sum = 0;
    long n = 0;
    for (int y = box.y; y < box.y + box.height; y++) {
      for (int x = box.x, i = y * w + box.x; x < box.x + box.width; x++, i++) {
        if (mask8[i] != 0) {
          for (int c = 0; c < a.channels(); c++) {
            sum += Math.abs(fd[c * p + i] - ad[c * p + i]);
          }
          n += a.channels();
        }
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** B as a planar float image with A's channel count, grey when asked. */
  static Mat auxiliaryPlanar(Mat rgb, int channels, boolean grey) {
    if (channels == 1 || grey) {
      Mat g = new Mat();
      Imgproc.cvtColor(rgb, g, Imgproc.COLOR_RGB2GRAY);
      Mat rep = new Mat();
      Core.repeat(g, channels, 1, rep);
      Mat out = new Mat();
      rep.convertTo(out, CvType.CV_32FC1, 1.0 / 255);
      Mats.release(g, rep);
      return out;
    }
    return Mats.planarFromRgb8(rgb);
  }

  /** Largest channel difference still counted as grey (resampling leaves float dust). */
  static final float GREY_TOLERANCE = 1f / 255;

  /**
   * Whether the image is grey: one channel, or channels that differ by at most {@link
   * #GREY_TOLERANCE} everywhere (a grey image resized as three channels is not bit-identical).
   */
  static boolean isGrey(FloatImage a) {
    if (a.channels() == 1) {
      return true;
    }
    float[] d = a.data();
    int p = a.plane();
    for (int c = 1; c < a.channels(); c++) {
      int off = c * p;
      for (int i = 0; i < p; i++) {
        if (Math.abs(d[i] - d[off + i]) > GREY_TOLERANCE) {
          return false;
        }
      }
    }
    return true;
  }
}
