package sgsf.engine.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sgsf.engine.data.ImageShapes;
import sgsf.engine.image.FloatImage;
import sgsf.engine.model.ModelProvenance;
import sgsf.engine.model.SgsfModel;

/**
 * What makes an image's score doubtful although it decoded: an image far smaller than the model's
 * input (it is blown up, and the score says little), a uniform image (nothing to inspect; a dead
 * camera or a blank frame), and an image whose size or channels differ wildly from the training
 * images' (another camera or the wrong crop: the model never saw such images). Each warning is one
 * short sentence for a console line, a table or a CSV cell.
 */
public final class ImageWarnings {
  /** An image is "far smaller" when one of its sides is below the model's input side over this. */
  public static final int FAR_SMALLER_FACTOR = 4;

  /** An image whose values span less than this (of the [0, 1] range) is uniform: one 8-bit step. */
  public static final double UNIFORM_RANGE = 1.0 / 255.0;

  /**
   * An image side differs wildly from the training images' when it is under the smallest training
   * side divided by this, or over the largest times this.
   */
  public static final int TRAINING_SIZE_FACTOR = 2;

  private ImageWarnings() {}

  /**
   * The sizes and channels of the model's training images, or null when its bundle does not say.
   */
  public static ImageShapes trainingShapes(SgsfModel model) {
    ModelProvenance p = model.provenance();
    return p == null || p.fingerprint() == null ? null : p.fingerprint().shapes();
  }

  /**
   * The warnings for one decoded image, without comparing it with the training images.
   *
   * @param image the image as read (values in [0, 1])
   * @param modelInput the model's square input side in pixels
   */
  public static List<String> of(FloatImage image, int modelInput) {
    return of(image, modelInput, null);
  }

  /**
   * The warnings for one decoded image.
   *
   * @param image the image as read (values in [0, 1], its own size and channels)
   * @param modelInput the model's square input side in pixels
   * @param training the training images' sizes and channels, or null when the model does not record
   *     them (then no such warning is given)
   */
  public static List<String> of(FloatImage image, int modelInput, ImageShapes training) {
    List<String> out = new ArrayList<>(3);
    boolean farSmaller =
        image.width() * FAR_SMALLER_FACTOR <= modelInput
            || image.height() * FAR_SMALLER_FACTOR <= modelInput;
    if (farSmaller) {
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
    if (training != null) {
      boolean smaller =
          (long) image.width() * TRAINING_SIZE_FACTOR < training.minWidth()
              || (long) image.height() * TRAINING_SIZE_FACTOR < training.minHeight();
      boolean larger =
          image.width() > (long) training.maxWidth() * TRAINING_SIZE_FACTOR
              || image.height() > (long) training.maxHeight() * TRAINING_SIZE_FACTOR;
      if ((smaller && !farSmaller) || larger) {
        out.add(
            String.format(
                Locale.ROOT,
                "%dx%d pixels, far %s than the training images (%s)",
                image.width(),
                image.height(),
                larger ? "larger" : "smaller",
                training.sizes()));
      }
      if (!training.channels().isEmpty() && !training.channels().contains(image.channels())) {
        out.add(
            ImageShapes.channelNames(List.of(image.channels()))
                + " image, but the model was trained on "
                + ImageShapes.channelNames(training.channels())
                + " images only");
      }
    }
    return out;
  }
}
