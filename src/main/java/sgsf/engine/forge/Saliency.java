package sgsf.engine.forge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.OpenCv;

/**
 * Classical saliency maps computed with OpenCV (METHOD.md section 1, steps 1-2), standing in for
 * the paper's CPD network whose weights cannot be shipped.
 *
 * <p>Both methods return a one-channel map at the image's size, Gaussian-smoothed and min-max
 * normalised to [0, 1]. {@link #compute} adds the texture rule (Eq. 3 of the paper: S = 1 when the
 * map shows no clear foreground) and the optional fixed region-of-interest mask.
 */
public final class Saliency {
  /** Spectral residual works on a 64x64 thumbnail, as in Hou and Zhang (2007). */
  static final int SPECTRAL_SIZE = 64;

  private Saliency() {}

  /**
   * S for {@code image} under {@code config}: the ROI mask if one is set, else the configured
   * method followed by the texture rule. Prefer {@link SaliencyCache} when the same image is used
   * repeatedly.
   */
  public static SaliencyMap compute(FloatImage image, ForgeConfig config) {
    if (config.saliency().roiMask() != null) {
      return roi(config.saliency().roiMask(), image.height(), image.width());
    }
    FloatImage raw =
        switch (config.saliency().method()) {
          case SPECTRAL_RESIDUAL -> spectralResidual(image, config.saliency().sigma());
          case FREQUENCY_TUNED -> frequencyTuned(image, config.saliency().sigma());
        };
    return applyTextureRule(raw, config.saliency().textureContrast());
  }

  /**
   * The texture rule: when {@code std(S) < contrast} the map has no clear foreground (a texture)
   * and S = 1 everywhere; otherwise S is kept.
   */
  public static SaliencyMap applyTextureRule(FloatImage map, double contrast) {
    double[] meanStd = meanStd(map);
    if (meanStd[1] < contrast) {
      return SaliencyMap.uniform(map.height(), map.width(), meanStd[1]);
    }
    return new SaliencyMap(map, meanStd[0], meanStd[1], SaliencyMap.Kind.COMPUTED);
  }

  /**
   * A fixed region-of-interest mask as S: read from {@code path}, resized with nearest neighbour
   * and binarised (value &gt; 0.5 is inside).
   *
   * @throws sgsf.engine.image.ImageReadException naming the file when it cannot be read
   * @throws IllegalArgumentException naming the file when the mask is empty
   */
  public static SaliencyMap roi(Path path, int height, int width) {
    FloatImage mask = ImageIo.resizeMask(ImageIo.read(path, 1), height, width);
    double[] meanStd = meanStd(mask);
    if (meanStd[0] == 0) {
      throw new IllegalArgumentException(
          path + ": the region-of-interest mask is empty at " + width + "x" + height);
    }
    return new SaliencyMap(mask, meanStd[0], 0, SaliencyMap.Kind.ROI);
  }

  /**
   * Spectral residual saliency (Hou and Zhang 2007): on a 64x64 grey thumbnail, the log-amplitude
   * spectrum minus its 3x3 local mean, back-transformed with the original phase, squared, Gaussian
   * smoothed, resized to the image and normalised to [0, 1].
   *
   * <p>As in the original (and OpenCV's contrib module) the thumbnail is not padded, so the DFT's
   * wrap-around adds some saliency along image borders. Measured on the demo textures, MTD and
   * synthetic objects, this is what keeps the texture rule working: on a texture the border
   * response dominates the min-max normalisation and the interior stays flat (std(S) about 0.05),
   * while an object's response exceeds it (std 0.12-0.2). Reflect-padding removed the border
   * response but gave demo textures std 0.2, so they would no longer count as textures.
   *
   * @param sigma smoothing as a fraction of the shorter image side (0 = none)
   */
  public static FloatImage spectralResidual(FloatImage image, double sigma) {
    OpenCv.ensureLoaded();
    Mat grey = greyMat(image);
    Mat small = new Mat();
    Imgproc.resize(grey, small, new Size(SPECTRAL_SIZE, SPECTRAL_SIZE), 0, 0, Imgproc.INTER_AREA);
    Mat zeros = Mat.zeros(small.size(), CvType.CV_32FC1);
    Mat complex = new Mat();
    Core.merge(List.of(small, zeros), complex);
    Core.dft(complex, complex);
    List<Mat> reIm = new ArrayList<>(2);
    Core.split(complex, reIm);
    Mat mag = new Mat();
    Mat phase = new Mat();
    Core.cartToPolar(reIm.get(0), reIm.get(1), mag, phase);
    Mat logAmp = new Mat();
    Core.add(mag, Scalar.all(1e-8), mag);
    Core.log(mag, logAmp);
    Mat localMean = new Mat();
    Imgproc.blur(logAmp, localMean, new Size(3, 3), new org.opencv.core.Point(-1, -1));
    Mat residual = new Mat();
    Core.subtract(logAmp, localMean, residual);
    Core.exp(residual, residual);
    Core.polarToCart(residual, phase, reIm.get(0), reIm.get(1));
    Core.merge(reIm, complex);
    Core.idft(complex, complex, Core.DFT_SCALE);
    Core.split(complex, reIm);
    Mat sal = new Mat();
    Core.magnitude(reIm.get(0), reIm.get(1), sal);
    Core.multiply(sal, sal, sal);
    smooth(sal, sigma * SPECTRAL_SIZE);
    Mat full = new Mat();
    Imgproc.resize(sal, full, new Size(image.width(), image.height()), 0, 0, Imgproc.INTER_LINEAR);
    FloatImage out = normalised(full);
    Mats.release(grey, small, zeros, complex, mag, phase, logAmp, localMean, residual, sal, full);
    reIm.forEach(Mat::release);
    return out;
  }

  /**
   * Frequency-tuned saliency (Achanta et al. 2009): the distance in Lab colour space between the
   * image's mean colour and each pixel of a 5x5-Gaussian-blurred image, Gaussian smoothed and
   * normalised to [0, 1].
   *
   * @param sigma smoothing as a fraction of the shorter image side (0 = none)
   */
  public static FloatImage frequencyTuned(FloatImage image, double sigma) {
    OpenCv.ensureLoaded();
    Mat rgb = ImageIo.toMat(image.withChannels(3));
    Mat lab = new Mat();
    Imgproc.cvtColor(rgb, lab, Imgproc.COLOR_RGB2Lab);
    Scalar mean = Core.mean(lab);
    Mat blurred = new Mat();
    Imgproc.GaussianBlur(lab, blurred, new Size(5, 5), 0);
    Core.subtract(blurred, mean, blurred);
    Core.multiply(blurred, blurred, blurred);
    Mat sq = blurred.reshape(1, image.height() * image.width());
    Mat sum = new Mat();
    Core.reduce(sq, sum, 1, Core.REDUCE_SUM);
    Mat dist = sum.reshape(1, image.height());
    Core.sqrt(dist, dist);
    smooth(dist, sigma * Math.min(image.height(), image.width()));
    FloatImage out = normalised(dist);
    Mats.release(rgb, lab, blurred, sq, sum, dist);
    return out;
  }

  /** Mean and standard deviation of a one-channel image. */
  static double[] meanStd(FloatImage map) {
    Mat m = Mats.planar(map);
    MatOfDouble mean = new MatOfDouble();
    MatOfDouble std = new MatOfDouble();
    Core.meanStdDev(m, mean, std);
    double[] r = {mean.get(0, 0)[0], std.get(0, 0)[0]};
    Mats.release(m, mean, std);
    return r;
  }

  private static Mat greyMat(FloatImage image) {
    Mat planar = Mats.planar(image);
    if (image.channels() == 1) {
      return planar;
    }
    int h = image.height();
    Mat grey = Mat.zeros(h, image.width(), CvType.CV_32FC1);
    float w = 1f / image.channels();
    for (int c = 0; c < image.channels(); c++) {
      Core.scaleAdd(planar.rowRange(c * h, (c + 1) * h), w, grey, grey);
    }
    planar.release();
    return grey;
  }

  private static void smooth(Mat m, double sigmaPx) {
    if (sigmaPx > 0.3) {
      Imgproc.GaussianBlur(m, m, new Size(0, 0), sigmaPx, sigmaPx, Core.BORDER_REFLECT);
    }
  }

  /** Min-max normalisation to [0, 1]; a constant map becomes all zeros. */
  private static FloatImage normalised(Mat m) {
    Core.MinMaxLocResult mm = Core.minMaxLoc(m);
    double range = mm.maxVal - mm.minVal;
    Mat out = new Mat();
    if (range < 1e-12) {
      out = Mat.zeros(m.size(), CvType.CV_32FC1);
    } else {
      m.convertTo(out, CvType.CV_32FC1, 1.0 / range, -mm.minVal / range);
    }
    FloatImage img = Mats.fromSingle(out);
    out.release();
    return img;
  }
}
