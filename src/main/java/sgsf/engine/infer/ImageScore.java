package sgsf.engine.infer;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;

/**
 * The image-level anomaly score: the maximum of the anomaly map after a mean filter (METHOD.md
 * section 2, "Scoring"; DRAEM's 21x21 window at 256x256, scaled with the map size). The maximum
 * rather than the mean, as the paper argues, so that a small defect is not averaged away; the mean
 * filter keeps a single noisy pixel from deciding.
 */
public final class ImageScore {
  private ImageScore() {}

  /**
   * The odd mean-filter window for a map of side {@code size}: 21 at 256, 11 at 128, at least 3.
   */
  public static int window(int size) {
    int w = (int) Math.round(21.0 * size / 256.0);
    if (w % 2 == 0) {
      w += 1;
    }
    return Math.max(3, w);
  }

  /**
   * Max of the mean-filtered map; the filter zero-pads at the borders like DRAEM's average pooling
   * (count_include_pad).
   */
  public static double score(FloatImage map, int window) {
    if (map.channels() != 1) {
      throw new IllegalArgumentException("anomaly map must have one channel, got " + map);
    }
    Mat m = ImageIo.toMat(map);
    Mat f = new Mat();
    Imgproc.blur(m, f, new Size(window, window), new Point(-1, -1), Core.BORDER_CONSTANT);
    double max = Core.minMaxLoc(f).maxVal;
    m.release();
    f.release();
    return max;
  }
}
