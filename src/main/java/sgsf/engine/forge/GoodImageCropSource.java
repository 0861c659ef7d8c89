package sgsf.engine.forge;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.FloatImage;

/**
 * Auxiliary images cut from other normal training images: a random square crop covering 25-100 % of
 * a random image's area, resized to the requested size (the DRAEM augmentations follow in the
 * forging strategy). The same image as A may occasionally be drawn; with more than a handful of
 * training images this is rare and still yields a shifted, augmented copy.
 */
public final class GoodImageCropSource implements AuxiliarySource {
  private final int count;
  private final IntFunction<FloatImage> images;

  /**
   * @param count number of normal images
   * @param images returns normal image {@code i} (0 &le; i &lt; count); called from the forging
   *     thread
   */
  public GoodImageCropSource(int count, IntFunction<FloatImage> images) {
    if (count <= 0) {
      throw new IllegalArgumentException("need at least one normal image, got " + count);
    }
    this.count = count;
    this.images = images;
  }

  public static GoodImageCropSource of(List<FloatImage> images) {
    List<FloatImage> copy = List.copyOf(images);
    return new GoodImageCropSource(copy.size(), copy::get);
  }

  @Override
  public AuxiliaryImage next(int height, int width, SplittableRandom rng) {
    int i = rng.nextInt(count);
    double scale = Math.sqrt(0.25 + 0.75 * rng.nextDouble());
    double fx = rng.nextDouble();
    double fy = rng.nextDouble();
    FloatImage img = images.apply(i);
    Mat rgb = Mats.rgb8(img);
    int side = Math.max(1, (int) Math.round(Math.min(img.height(), img.width()) * scale));
    int x = (int) Math.round((img.width() - side) * fx);
    int y = (int) Math.round((img.height() - side) * fy);
    Mat crop = rgb.submat(new Rect(x, y, side, side));
    Mat out = new Mat();
    Imgproc.resize(crop, out, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
    Mats.release(crop, rgb);
    return new AuxiliaryImage(out, "normal image #" + i + " (crop)");
  }
}
