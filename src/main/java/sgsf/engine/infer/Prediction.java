package sgsf.engine.infer;

import java.util.List;
import sgsf.engine.image.FloatImage;
import sgsf.engine.model.FeatureBank;

/**
 * What the model says about one image.
 *
 * @param map the anomaly map O at model resolution, values in [0, 1]
 * @param score the image score (max of the mean-filtered map)
 * @param neighbours the good training images that guided the prediction, most similar first (empty
 *     for a model without guidance)
 * @param originalHeight the input image's height
 * @param originalWidth the input image's width
 */
public record Prediction(
    FloatImage map,
    double score,
    List<FeatureBank.Neighbour> neighbours,
    int originalHeight,
    int originalWidth) {

  /** The anomaly map resized (bilinear) to the original image size. */
  public FloatImage mapAtOriginalSize() {
    return sgsf.engine.image.ImageIo.resize(
        map, originalHeight, originalWidth, org.opencv.imgproc.Imgproc.INTER_LINEAR);
  }
}
