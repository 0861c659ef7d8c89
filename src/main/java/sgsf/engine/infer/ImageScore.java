package sgsf.engine.infer;

import java.util.Locale;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;

/**
 * The image-level anomaly score: the maximum of the anomaly map after a mean filter (METHOD.md
 * section 2, "Scoring"). The maximum rather than the mean, as the paper argues, so that a small
 * defect is not averaged away; the mean filter keeps a single noisy pixel from deciding.
 *
 * <p>Two choices the paper leaves to DRAEM, where this workbench departs from it by default ({@link
 * Rule#DEFAULT}), both chosen by re-scoring the same maps of the magnetic-tile test split with
 * windows from 1 to 31 px and both borders ({@code sgsf bench scoring}):
 *
 * <ul>
 *   <li><b>The window is smaller</b>: 9 px at 256 (5 at 128; scaled with the map) instead of
 *       DRAEM's 21, so a blowhole of a dozen pixels is not spread to a seventh of its value.
 *   <li><b>Borders are reflected</b> rather than zero-padded. This changes less than it seems: the
 *       window that gives the maximum slides inward until it holds a whole edge defect, so zero
 *       padding lowers the filtered map at the border pixels but not its maximum.
 * </ul>
 *
 * DRAEM's own rule stays available as {@link Rule#DRAEM}.
 */
public final class ImageScore {
  private ImageScore() {}

  /** How the mean filter treats pixels outside the map. */
  public enum Border {
    /** Mirror the map at its edge (OpenCV BORDER_REFLECT_101): an edge defect keeps its value. */
    REFLECT(Core.BORDER_REFLECT_101),
    /** Zero padding counted in the mean, like DRAEM's average pooling (count_include_pad). */
    ZERO(Core.BORDER_CONSTANT);

    private final int openCv;

    Border(int openCv) {
      this.openCv = openCv;
    }
  }

  /**
   * A scoring rule.
   *
   * @param windowAt256 the mean-filter window at a 256-pixel map; scaled with the map side, made
   *     odd, at least 1 (1 = the raw maximum)
   * @param border how the filter pads
   */
  public record Rule(int windowAt256, Border border) {
    /** This workbench's default: window 9 at 256 (5 at 128), reflected borders. */
    public static final Rule DEFAULT = new Rule(9, Border.REFLECT);

    /** DRAEM's rule: window 21 at 256 (11 at 128), zero padding. */
    public static final Rule DRAEM = new Rule(21, Border.ZERO);

    public Rule {
      if (windowAt256 < 1 || windowAt256 > 255) {
        throw new IllegalArgumentException("window must be in [1, 255], got " + windowAt256);
      }
      if (border == null) {
        throw new IllegalArgumentException("border is required");
      }
    }

    /** The odd window for a map of side {@code size}. */
    public int window(int size) {
      int w = (int) Math.round(windowAt256 * size / 256.0);
      if (w % 2 == 0) {
        w += 1;
      }
      return Math.max(1, w);
    }

    /** The image score of {@code map} under this rule. */
    public double score(FloatImage map) {
      return ImageScore.score(map, window(map.width()), border);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "window %d@256, %s border",
          windowAt256,
          border.name().toLowerCase(Locale.ROOT));
    }
  }

  /** DRAEM's window for a map of side {@code size}: 21 at 256, 11 at 128, at least 3. */
  public static int window(int size) {
    return Math.max(3, Rule.DRAEM.window(size));
  }

  /** Max of the mean-filtered map, zero-padded at the borders like DRAEM's average pooling. */
  public static double score(FloatImage map, int window) {
    return score(map, window, Border.ZERO);
  }

  /** Max of the map mean-filtered with an odd {@code window}, padded as {@code border} says. */
  public static double score(FloatImage map, int window, Border border) {
    if (map.channels() != 1) {
      throw new IllegalArgumentException("anomaly map must have one channel, got " + map);
    }
    Mat m = ImageIo.toMat(map);
    Mat f = new Mat();
    Imgproc.blur(m, f, new Size(window, window), new Point(-1, -1), border.openCv);
    double max = Core.minMaxLoc(f).maxVal;
    m.release();
    f.release();
    return max;
  }
}
