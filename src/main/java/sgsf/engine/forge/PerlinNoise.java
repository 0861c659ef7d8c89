package sgsf.engine.forge;

import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.OpenCv;

/**
 * Gradient (Perlin) noise as DRAEM generates it ({@code rand_perlin_2d_np}): random unit gradients
 * on a grid of {@code resY x resX} cells, the fade curve {@code 6t^5 - 15t^4 + 10t^3}, bilinear
 * blending of the four corner dot products, scaled by sqrt(2), so values lie in about [-1, 1].
 *
 * <p>Unlike DRAEM the image size need not be a multiple of the grid size. {@link #draw} adds
 * DRAEM's random scales (2^kx, 2^ky) and rotation (bilinear, zero outside the rotated square).
 */
public final class PerlinNoise {
  private static final float SQRT2 = (float) Math.sqrt(2);

  private PerlinNoise() {}

  /** One draw of DRAEM-style noise: its parameters and the rotated noise map. */
  public record Draw(int scaleExponentY, int scaleExponentX, double rotationDegrees, Mat noise) {}

  /**
   * A drawn but not yet rendered noise: the parameters and the noise on a coarse grid. Its {@code
   * max} bounds every value of the rendered map (bilinear interpolation and zero fill cannot exceed
   * it), so a caller can reject a draw whose mask would be empty without rendering it.
   *
   * @param values CV_32FC1 noise on the coarse grid; the caller releases it
   */
  public record Grid(
      int scaleExponentY, int scaleExponentX, double rotationDegrees, Mat values, double max) {

    /**
     * The noise at {@code height x width}, scaled up and rotated (CV_32FC1, caller releases).
     *
     * <p>The rotation is done at the coarsest resolution that still has {@value #SAMPLES_PER_CELL}
     * samples per noise cell along both axes, then a cheap bilinear resize brings it to full size:
     * rotating costs per output pixel, resizing a fraction of that.
     */
    public Mat render(int height, int width) {
      Mat noise = new Mat();
      double f =
          Math.max(1, Math.min((double) height / values.rows(), (double) width / values.cols()));
      int th = Math.max(1, (int) Math.round(height / f));
      int tw = Math.max(1, (int) Math.round(width / f));
      if (values.rows() == th && values.cols() == tw && rotationDegrees == 0) {
        values.copyTo(noise);
      } else {
        Mat m =
            scaleAndRotate(values.rows(), values.cols(), th, tw, height, width, rotationDegrees);
        Imgproc.warpAffine(
            values,
            noise,
            m,
            new Size(tw, th),
            Imgproc.INTER_LINEAR,
            Core.BORDER_CONSTANT,
            Scalar.all(0));
        m.release();
      }
      if (th != height || tw != width) {
        Imgproc.resize(noise, noise, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
      }
      return noise;
    }
  }

  /**
   * Draws kx, ky uniformly from {@code minExp..maxExp}, generates noise with 2^ky x 2^kx cells and
   * rotates it by an angle drawn uniformly from [minDeg, maxDeg] (METHOD.md section 1, step 3).
   *
   * @return the draw; its {@code noise} is a CV_32FC1 Mat the caller releases
   */
  public static Draw draw(
      int height,
      int width,
      int minExp,
      int maxExp,
      double minDeg,
      double maxDeg,
      SplittableRandom rng) {
    Grid g = drawGrid(height, width, minExp, maxExp, minDeg, maxDeg, rng);
    Mat noise = g.render(height, width);
    g.values().release();
    return new Draw(g.scaleExponentY(), g.scaleExponentX(), g.rotationDegrees(), noise);
  }

  /**
   * The random part of {@link #draw} without rendering: kx, ky, the angle and the noise on a coarse
   * grid of at least {@value #SAMPLES_PER_CELL} samples per cell (at least {@value #MIN_GRID} per
   * axis, at most the image size). {@link Grid#render} brings it to the image size with the same
   * bilinear warp that rotates it; the noise is smooth on that scale, so this changes values by
   * well under a percent of their range and costs a fraction of a full-size evaluation.
   */
  public static Grid drawGrid(
      int height,
      int width,
      int minExp,
      int maxExp,
      double minDeg,
      double maxDeg,
      SplittableRandom rng) {
    int ky = minExp + rng.nextInt(maxExp - minExp + 1);
    int kx = minExp + rng.nextInt(maxExp - minExp + 1);
    double angle = minDeg + (maxDeg - minDeg) * rng.nextDouble();
    int gh = gridSize(height, 1 << ky);
    int gw = gridSize(width, 1 << kx);
    Mat grid = generate(gh, gw, 1 << ky, 1 << kx, rng);
    double max = Core.minMaxLoc(grid).maxVal;
    return new Grid(ky, kx, angle, grid, max);
  }

  static final int SAMPLES_PER_CELL = 8;
  static final int MIN_GRID = 64;

  private static int gridSize(int size, int cells) {
    return Math.min(size, Math.max(MIN_GRID, SAMPLES_PER_CELL * cells));
  }

  /**
   * The forward affine from a {@code gh x gw} noise grid to a {@code th x tw} intermediate image
   * that a bilinear resize then brings to {@code h x w}, rotated by {@code degrees} about the
   * centre.
   *
   * <p>Grid sample i lies at full-size coordinate {@code i * w / gw} (as {@link #generate} samples
   * pixel x at {@code x * res / width}); the intermediate pixel j stands for full-size coordinate
   * {@code (j + 0.5) * w / tw - 0.5}, OpenCV's resize convention. Hence {@code j = i * tw / gw +
   * 0.5 * tw / w - 0.5}.
   */
  private static Mat scaleAndRotate(int gh, int gw, int th, int tw, int h, int w, double degrees) {
    double sx = (double) tw / gw;
    double sy = (double) th / gh;
    double tx = 0.5 * tw / w - 0.5;
    double ty = 0.5 * th / h - 0.5;
    Mat rot = Imgproc.getRotationMatrix2D(new Point((tw - 1) / 2.0, (th - 1) / 2.0), degrees, 1.0);
    double[] r = new double[6];
    rot.get(0, 0, r);
    rot.put(
        0,
        0,
        r[0] * sx,
        r[1] * sy,
        r[0] * tx + r[1] * ty + r[2],
        r[3] * sx,
        r[4] * sy,
        r[3] * tx + r[4] * ty + r[5]);
    return rot;
  }

  /**
   * Unrotated gradient noise of {@code height x width} with {@code resY x resX} grid cells.
   *
   * @return a CV_32FC1 Mat the caller releases
   */
  public static Mat generate(int height, int width, int resY, int resX, SplittableRandom rng) {
    OpenCv.ensureLoaded();
    int gw = resX + 1;
    float[] gradY = new float[(resY + 1) * gw];
    float[] gradX = new float[gradY.length];
    for (int i = 0; i < gradY.length; i++) {
      double a = 2 * Math.PI * rng.nextDouble();
      gradY[i] = (float) Math.cos(a);
      gradX[i] = (float) Math.sin(a);
    }
    int[] cellX = new int[width];
    float[] fracX = new float[width];
    float[] fadeX = new float[width];
    for (int x = 0; x < width; x++) {
      double g = (double) x * resX / width;
      int c = (int) g;
      cellX[x] = c;
      fracX[x] = (float) (g - c);
      fadeX[x] = fade(fracX[x]);
    }
    float[] out = new float[height * width];
    for (int y = 0; y < height; y++) {
      double g = (double) y * resY / height;
      int cy = (int) g;
      float fy = (float) (g - cy);
      float ty = fade(fy);
      float fy1 = fy - 1;
      int row0 = cy * gw;
      int row1 = row0 + gw;
      int o = y * width;
      for (int x = 0; x < width; x++) {
        int c = cellX[x];
        float fx = fracX[x];
        float fx1 = fx - 1;
        float n00 = gradY[row0 + c] * fy + gradX[row0 + c] * fx;
        float n10 = gradY[row1 + c] * fy1 + gradX[row1 + c] * fx;
        float n01 = gradY[row0 + c + 1] * fy + gradX[row0 + c + 1] * fx1;
        float n11 = gradY[row1 + c + 1] * fy1 + gradX[row1 + c + 1] * fx1;
        float l0 = n00 + ty * (n10 - n00);
        float l1 = n01 + ty * (n11 - n01);
        out[o + x] = SQRT2 * (l0 + fadeX[x] * (l1 - l0));
      }
    }
    Mat m = new Mat(height, width, CvType.CV_32FC1);
    m.put(0, 0, out);
    return m;
  }

  private static float fade(float t) {
    return t * t * t * (t * (t * 6 - 15) + 10);
  }
}
