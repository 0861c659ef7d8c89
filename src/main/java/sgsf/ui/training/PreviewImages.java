package sgsf.ui.training;

import java.util.List;
import javafx.scene.image.Image;

/**
 * A training batch as images for the preview panel: the forged inputs, their masks and what the
 * network predicts for them now, index-aligned.
 */
public record PreviewImages(
    int iteration, List<Image> inputs, List<Image> masks, List<Image> predictions) {
  public PreviewImages {
    inputs = List.copyOf(inputs);
    masks = List.copyOf(masks);
    predictions = List.copyOf(predictions);
  }

  public int size() {
    return inputs.size();
  }
}
