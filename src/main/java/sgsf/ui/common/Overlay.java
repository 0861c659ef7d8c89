package sgsf.ui.common;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/** Something drawn over the image in an {@link ImageViewer}, stretched to the image's bounds. */
public sealed interface Overlay permits Overlay.ImageLayer, Overlay.ContourLayer {

  /** A (partly transparent) image such as a mask tint or a heatmap. */
  record ImageLayer(Image image, double opacity) implements Overlay {
    public ImageLayer {
      Objects.requireNonNull(image, "image");
      if (opacity < 0 || opacity > 1) {
        throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
      }
    }
  }

  /**
   * Region outlines; coordinates are in a {@code sourceWidth x sourceHeight} pixel grid (the
   * mask's), scaled to the image.
   */
  record ContourLayer(
      List<Contours.Polygon> polygons,
      int sourceWidth,
      int sourceHeight,
      Color color,
      double lineWidth)
      implements Overlay {
    public ContourLayer {
      polygons = List.copyOf(polygons);
      Objects.requireNonNull(color, "color");
    }
  }
}
