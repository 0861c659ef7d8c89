package sgsf.engine.forge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * CutSwap (Qin et al.): two similar patches from the most salient part of the image swap places.
 *
 * <p>The paper clusters LayerCAM maps and pairs pixels of the most salient cluster. Without a
 * classifier network this implementation uses S instead: patch centres are drawn among positions
 * whose patch-mean saliency reaches the {@code salientQuantile} of all positions; the partner is
 * the most similar (smallest mean absolute grey difference) of {@code candidates} non-overlapping
 * salient positions. The mask covers both patches. On textures (S = 1) any position qualifies.
 */
public final class CutSwapStrategy implements ForgeStrategy {
  private final ForgeConfig.CutSwap params;

  public CutSwapStrategy(ForgeConfig config) {
    this.params = Objects.requireNonNull(config, "config").cutSwap();
  }

  @Override
  public ForgeConfig.Strategy kind() {
    return ForgeConfig.Strategy.CUTSWAP;
  }

  @Override
  public boolean usesSaliency() {
    return true;
  }

  @Override
  public ForgeResult forge(FloatImage image, SaliencyMap saliency, SplittableRandom rng) {
    Objects.requireNonNull(saliency, "CutSwap needs the saliency map S");
    int h = image.height();
    int w = image.width();
    int p =
        (int)
            Math.round(Patches.uniform(rng, params.patchMin(), params.patchMax()) * Math.min(h, w));
    p = Math.max(2, Math.min(p, Math.min(h, w) / 2));
    int stride = Math.max(1, p / 8);

    // patch-mean saliency at every top-left position on a stride grid
    Mat s = Mats.planar(saliency.map());
    Mat box = new Mat();
    Imgproc.boxFilter(s, box, -1, new Size(p, p), new Point(0, 0), true);
    int ny = (h - p) / stride + 1;
    int nx = (w - p) / stride + 1;
    float[] all = new float[h * w];
    box.get(0, 0, all);
    float[] score = new float[ny * nx];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        score[j * nx + i] = all[(j * stride) * w + i * stride];
      }
    }
    float[] sorted = score.clone();
    Arrays.sort(sorted);
    float cut =
        sorted[
            (int)
                Math.min(sorted.length - 1, Math.floor(params.salientQuantile() * sorted.length))];
    List<int[]> salient = new ArrayList<>();
    for (int k = 0; k < score.length; k++) {
      if (score[k] >= cut) {
        salient.add(new int[] {(k % nx) * stride, (k / nx) * stride});
      }
    }
    int[] first = salient.get(rng.nextInt(salient.size()));
    List<int[]> partners = new ArrayList<>();
    for (int[] c : salient) {
      if (!overlaps(first, c, p)) {
        partners.add(c);
      }
    }
    if (partners.isEmpty()) {
      // the salient region is smaller than two patches: take the most salient free positions
      Integer[] order = new Integer[score.length];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      Arrays.sort(order, (x, y) -> Float.compare(score[y], score[x]));
      for (int k : order) {
        int[] c = {(k % nx) * stride, (k / nx) * stride};
        if (!overlaps(first, c, p)) {
          partners.add(c);
          if (partners.size() >= params.candidates()) {
            break;
          }
        }
      }
    }

    Mat grey = greyPlanar(image);
    Rect r1 = new Rect(first[0], first[1], p, p);
    Mat g1 = grey.submat(r1);
    int[] best = null;
    double bestDist = Double.MAX_VALUE;
    for (int k = 0; k < params.candidates(); k++) {
      int[] c = partners.get(rng.nextInt(partners.size()));
      Mat g2 = grey.submat(new Rect(c[0], c[1], p, p));
      double d = Core.norm(g1, g2, Core.NORM_L1) / (p * p);
      g2.release();
      if (d < bestDist) {
        bestDist = d;
        best = c;
      }
    }
    Rect r2 = new Rect(best[0], best[1], p, p);

    Mat a = Mats.planar(image);
    Mat out = a.clone();
    for (int c = 0; c < image.channels(); c++) {
      Mat src = Patches.plane(a, c, h);
      Mat dst = Patches.plane(out, c, h);
      src.submat(r2).copyTo(dst.submat(r1));
      src.submat(r1).copyTo(dst.submat(r2));
    }
    Mat mask = Patches.rectMask(h, w, r1, r2);
    Mat maskF = new Mat();
    mask.convertTo(maskF, CvType.CV_32FC1, 1.0 / 255);
    FloatImage forged = Mats.fromPlanar(out, image.channels());
    FloatImage m = Mats.fromSingle(maskF);
    Mats.release(s, box, grey, g1, a, out, mask, maskF);
    String description =
        String.format(
            "swapped %dx%d px patches at (%d, %d) and (%d, %d), mean grey difference %.3f",
            p, p, r1.x, r1.y, r2.x, r2.y, bestDist);
    return new ForgeResult(
        kind(),
        true,
        forged,
        m,
        saliency.map(),
        null,
        null,
        Double.NaN,
        Double.NaN,
        null,
        description,
        1,
        2 * p * p);
  }

  private static boolean overlaps(int[] a, int[] b, int p) {
    return Math.abs(a[0] - b[0]) < p && Math.abs(a[1] - b[1]) < p;
  }

  private static Mat greyPlanar(FloatImage image) {
    Mat a = Mats.planar(image);
    if (image.channels() == 1) {
      return a;
    }
    int h = image.height();
    Mat g = Mat.zeros(h, image.width(), CvType.CV_32FC1);
    for (int c = 0; c < image.channels(); c++) {
      Core.scaleAdd(Patches.plane(a, c, h), 1.0 / image.channels(), g, g);
    }
    a.release();
    return g;
  }
}
