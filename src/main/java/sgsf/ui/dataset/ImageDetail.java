package sgsf.ui.dataset;

import java.util.List;
import javafx.scene.image.Image;
import sgsf.engine.data.Sample;
import sgsf.ui.common.Contours;

/**
 * A sample loaded for the viewer.
 *
 * @param sample the sample
 * @param image the image at full resolution
 * @param channels 1 (grey) or 3 (colour)
 * @param maskOverlay the ground-truth mask tinted for overlaying, or null without a mask
 * @param contours the mask's outlines in mask pixel coordinates (empty without a mask)
 * @param maskWidth mask width in pixels (0 without a mask)
 * @param maskHeight mask height in pixels (0 without a mask)
 * @param defectFraction share of mask pixels that are defect (0 without a mask)
 */
public record ImageDetail(
    Sample sample,
    Image image,
    int channels,
    Image maskOverlay,
    List<Contours.Polygon> contours,
    int maskWidth,
    int maskHeight,
    double defectFraction) {

  public boolean hasMask() {
    return maskOverlay != null;
  }

  public int width() {
    return (int) image.getWidth();
  }

  public int height() {
    return (int) image.getHeight();
  }
}
