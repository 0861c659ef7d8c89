package sgsf.ui.neighbours;

import java.util.List;
import sgsf.engine.image.FloatImage;
import sgsf.engine.model.FeatureBank;
import sgsf.ui.evaluation.ImageResult;

/**
 * An image and the good training images most similar to it.
 *
 * @param result the evaluated image
 * @param image the image at its original size
 * @param neighbours the most similar training images, most similar first; the first one guided the
 *     anomaly map (the predictor uses the single nearest neighbour)
 */
public record NeighbourSet(
    ImageResult result, FloatImage image, List<FeatureBank.Neighbour> neighbours) {
  public NeighbourSet {
    neighbours = List.copyOf(neighbours);
  }

  /** The training image that guided the map, or null for a model without guidance. */
  public FeatureBank.Neighbour guiding() {
    return neighbours.isEmpty() ? null : neighbours.get(0);
  }
}
