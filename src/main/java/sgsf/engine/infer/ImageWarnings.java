package sgsf.engine.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sgsf.engine.image.FloatImage;

/**
 * What makes an image's score doubtful although it decoded: an image far smaller than the model's
 * input (it is blown up, and the score says little) or a uniform image (nothing to inspect; a dead
 * camera or a blank frame). Each warning is one short sentence for a console line, a table or a CSV
 * cell.
 */
public final class ImageWarnings {
  /** An image is "far smaller" when one of its sides is below the model's input side over this. */
  public static final int FAR_SMALLER_FACTOR = 4;

  /** An image whose values span less than this (of the [0, 1] range) is uniform: one 8-bit step. */
  public static final double UNIFORM_RANGE = 1.0 / 255.0;

  private ImageWarnings() {}

  /**
   * The warnings for one decoded image.
   *
   * @param image the image as read (values in [0, 1])
   * @param modelInput the model's square input side in pixels
   */
  public static List<String> of(FloatImage image, int modelInput) {
    List<String> out = new ArrayList<>(2);
    if (image.width() * FAR_SMALLER_FACTOR <= modelInput
        || image.height() * FAR_SMALLER_FACTOR <= modelInput) {
      out.add(
          String.format(
              Locale.ROOT,
              "only %dx%d pixels, far smaller than the model's %dx%d input",
              image.width(),
              image.height(),
              modelInput,
              modelInput));
    }
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : image.data()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (max - min < UNIFORM_RANGE) {
      out.add(String.format(Locale.ROOT, "uniform image (every pixel %.3f)", min));
    }
    return out;
  }
}
