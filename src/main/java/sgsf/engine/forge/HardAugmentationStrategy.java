package sgsf.engine.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * AnoSeg's hard augmentation (Song et al. 2021): a rectangular region of A replaced by a
 * hard-augmented copy of itself. One of the enabled transforms is drawn per sample:
 *
 * <ul>
 *   <li>rotation: the (square) region's content turned by 90, 180 or 270 degrees;
 *   <li>permutation: the region cut into a grid of tiles that are shuffled (never the identity);
 *   <li>colour jitter: brightness, contrast and saturation changed by at least half of {@code
 *       jitterStrength}.
 * </ul>
 *
 * The mask is the region.
 */
public final class HardAugmentationStrategy implements ForgeStrategy {
  private final ForgeConfig.HardAugmentation params;

  public HardAugmentationStrategy(ForgeConfig config) {
    this.params = Objects.requireNonNull(config, "config").hardAugmentation();
  }

  @Override
  public ForgeConfig.Strategy kind() {
    return ForgeConfig.Strategy.HARD;
  }

  @Override
  public boolean usesSaliency() {
    return false;
  }

  private enum Op {
    ROTATION,
    PERMUTATION,
    COLOUR_JITTER
  }

  @Override
  public ForgeResult forge(FloatImage image, SaliencyMap saliency, SplittableRandom rng) {
    List<Op> ops = new ArrayList<>(3);
    if (params.rotation()) {
      ops.add(Op.ROTATION);
    }
    if (params.permutation()) {
      ops.add(Op.PERMUTATION);
    }
    if (params.colourJitter()) {
      ops.add(Op.COLOUR_JITTER);
    }
    Op op = ops.get(rng.nextInt(ops.size()));
    int h = image.height();
    int w = image.width();
    int g = params.permutationGrid();
    double area = Patches.uniform(rng, params.areaMin(), params.areaMax()) * h * w;
    double aspect =
        op == Op.ROTATION ? 1 : Math.exp(Patches.uniform(rng, Math.log(0.5), Math.log(2)));
    int minSide = op == Op.PERMUTATION ? g : 2;
    int rw = clamp((int) Math.round(Math.sqrt(area * aspect)), minSide, w - 1);
    int rh =
        op == Op.ROTATION
            ? Math.min(rw, h - 1)
            : clamp((int) Math.round(Math.sqrt(area / aspect)), minSide, h - 1);
    if (op == Op.ROTATION) {
      rw = rh;
    }
    if (op == Op.PERMUTATION) {
      rw -= rw % g;
      rh -= rh % g;
    }
    Rect r = new Rect(rng.nextInt(w - rw + 1), rng.nextInt(h - rh + 1), rw, rh);

    Mat a = Mats.planar(image);
    Mat out = a.clone();
    int channels = image.channels();
    String detail;
    switch (op) {
      case ROTATION -> {
        int quarter = 1 + rng.nextInt(3);
        int code =
            quarter == 1
                ? Core.ROTATE_90_CLOCKWISE
                : quarter == 2 ? Core.ROTATE_180 : Core.ROTATE_90_COUNTERCLOCKWISE;
        Mat tmp = new Mat();
        for (int c = 0; c < channels; c++) {
          Core.rotate(Patches.plane(a, c, h).submat(r), tmp, code);
          tmp.copyTo(Patches.plane(out, c, h).submat(r));
        }
        tmp.release();
        detail = "rotated " + (90 * quarter) + " deg";
      }
      case PERMUTATION -> {
        int[] perm = derangementOrShuffle(g * g, rng);
        int tw = rw / g;
        int th = rh / g;
        for (int c = 0; c < channels; c++) {
          Mat src = Patches.plane(a, c, h).submat(r);
          Mat dst = Patches.plane(out, c, h).submat(r);
          for (int t = 0; t < g * g; t++) {
            int s = perm[t];
            src.submat(new Rect((s % g) * tw, (s / g) * th, tw, th))
                .copyTo(dst.submat(new Rect((t % g) * tw, (t / g) * th, tw, th)));
          }
        }
        detail = g + "x" + g + " tiles permuted";
      }
      default -> {
        Mat region = new Mat(rh * channels, rw, CvType.CV_32FC1);
        for (int c = 0; c < channels; c++) {
          Patches.plane(a, c, h).submat(r).copyTo(Patches.plane(region, c, rh));
        }
        String j =
            Patches.jitter(
                region, channels, rh, params.jitterStrength(), params.jitterStrength() / 2, rng);
        for (int c = 0; c < channels; c++) {
          Patches.plane(region, c, rh).copyTo(Patches.plane(out, c, h).submat(r));
        }
        region.release();
        detail = "colour jitter: " + j;
      }
    }
    Mat mask = Patches.rectMask(h, w, r);
    Mat maskF = new Mat();
    mask.convertTo(maskF, CvType.CV_32FC1, 1.0 / 255);
    FloatImage forged = Mats.fromPlanar(out, channels);
    FloatImage m = Mats.fromSingle(maskF);
    Mats.release(a, out, mask, maskF);
    String description = String.format("region %dx%d px at (%d, %d), %s", rw, rh, r.x, r.y, detail);
    return new ForgeResult(
        kind(),
        true,
        forged,
        m,
        null,
        null,
        null,
        Double.NaN,
        Double.NaN,
        null,
        description,
        1,
        rw * rh);
  }

  /** A random permutation of 0..n-1 that moves at least one element. */
  private static int[] derangementOrShuffle(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    boolean identity = true;
    while (identity) {
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      identity = true;
      for (int i = 0; i < n; i++) {
        if (p[i] != i) {
          identity = false;
          break;
        }
      }
    }
    return p;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
