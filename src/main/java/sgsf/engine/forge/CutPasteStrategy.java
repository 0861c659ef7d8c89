package sgsf.engine.forge;

import java.util.Objects;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * CutPaste (Li et al. 2021): a patch cut from the image, colour-jittered and pasted at another
 * place. The plain variant uses a rectangle of 2-15 % of the image area with aspect ratio in
 * [aspectMin, 1 / aspectMin]; the scar variant (with probability {@code scarProbability}) a thin
 * rectangle rotated by up to {@code scarRotationDegrees}, content rotated with it. The mask is the
 * pasted shape. Hue jitter of the original is left out: on grey inspection images it does nothing.
 */
public final class CutPasteStrategy implements ForgeStrategy {
  private final ForgeConfig.CutPaste params;

  public CutPasteStrategy(ForgeConfig config) {
    this.params = Objects.requireNonNull(config, "config").cutPaste();
  }

  @Override
  public ForgeConfig.Strategy kind() {
    return ForgeConfig.Strategy.CUTPASTE;
  }

  @Override
  public boolean usesSaliency() {
    return false;
  }

  @Override
  public ForgeResult forge(FloatImage image, SaliencyMap saliency, SplittableRandom rng) {
    int h = image.height();
    int w = image.width();
    int side = Math.min(h, w);
    boolean scar = rng.nextDouble() < params.scarProbability();
    double pw;
    double ph;
    double angle;
    if (scar) {
      pw = Patches.uniform(rng, params.scarWidthMin(), params.scarWidthMax()) * side;
      ph = Patches.uniform(rng, params.scarLengthMin(), params.scarLengthMax()) * side;
      angle = Patches.uniform(rng, -params.scarRotationDegrees(), params.scarRotationDegrees());
    } else {
      double area = Patches.uniform(rng, params.areaMin(), params.areaMax()) * h * w;
      double logA = Math.log(params.aspectMin());
      double aspect = Math.exp(Patches.uniform(rng, logA, -logA));
      pw = Math.sqrt(area * aspect);
      ph = Math.sqrt(area / aspect);
      angle = 0;
    }
    pw = Math.max(1, Math.min(pw, w - 1));
    ph = Math.max(1, Math.min(ph, h - 1));
    // the rotated footprint must fit the image at the target
    double rad = Math.toRadians(angle);
    double bw = Math.abs(pw * Math.cos(rad)) + Math.abs(ph * Math.sin(rad));
    double bh = Math.abs(pw * Math.sin(rad)) + Math.abs(ph * Math.cos(rad));
    Point src =
        new Point(pw / 2 + rng.nextDouble() * (w - pw), ph / 2 + rng.nextDouble() * (h - ph));
    Point dst =
        new Point(
            Math.min(bw, w) / 2 + rng.nextDouble() * Math.max(0, w - bw),
            Math.min(bh, h) / 2 + rng.nextDouble() * Math.max(0, h - bh));

    // dst = R(angle) (p - src) + dst
    Mat m = Imgproc.getRotationMatrix2D(dst, angle, 1.0);
    double[] r = new double[6];
    m.get(0, 0, r);
    m.put(0, 2, dst.x - r[0] * src.x - r[1] * src.y);
    m.put(1, 2, dst.y - r[3] * src.x - r[4] * src.y);

    Mat aPlanar = Mats.planar(image);
    Mat moved = Patches.warp(aPlanar, image.channels(), h, m);
    String jitter = Patches.jitter(moved, image.channels(), h, params.colourJitter(), 0, rng);
    Mat mask = Mat.zeros(h, w, CvType.CV_8UC1);
    m.get(0, 0, r);
    Point[] corners = new Point[4];
    for (int k = 0; k < 4; k++) {
      double x = src.x + ((k == 1 || k == 2) ? pw / 2 : -pw / 2);
      double y = src.y + (k >= 2 ? ph / 2 : -ph / 2);
      corners[k] =
          new Point(Math.round(r[0] * x + r[1] * y + r[2]), Math.round(r[3] * x + r[4] * y + r[5]));
    }
    MatOfPoint poly = new MatOfPoint(corners);
    Imgproc.fillConvexPoly(mask, poly, new Scalar(255));
    int pixels = Core.countNonZero(mask);
    Mat out = Patches.paste(aPlanar, moved, mask, image.channels());
    Mat maskF = new Mat();
    mask.convertTo(maskF, CvType.CV_32FC1, 1.0 / 255);
    FloatImage forged = Mats.fromPlanar(out, image.channels());
    FloatImage movedImg = Mats.fromPlanar(moved, image.channels());
    FloatImage maskImg = Mats.fromSingle(maskF);
    Mats.release(m, aPlanar, moved, mask, poly, out, maskF);
    String description =
        String.format(
            "%s %.0fx%.0f px from (%.0f, %.0f) to (%.0f, %.0f)%s; %s",
            scar ? "scar" : "patch",
            pw,
            ph,
            src.x,
            src.y,
            dst.x,
            dst.y,
            scar ? String.format(", rotated %.0f deg", angle) : "",
            jitter);
    return new ForgeResult(
        kind(),
        true,
        forged,
        maskImg,
        null,
        null,
        null,
        Double.NaN,
        Double.NaN,
        movedImg,
        description,
        1,
        pixels);
  }
}
