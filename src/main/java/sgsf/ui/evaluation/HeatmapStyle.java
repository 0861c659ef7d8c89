package sgsf.ui.evaluation;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import sgsf.ui.common.ColorMap;

/**
 * How an anomaly heatmap is drawn over its image: the colour map and the opacity. One per view that
 * draws a heatmap (the Evaluate detail pane, the Review editor), each with its own starting values.
 */
public final class HeatmapStyle {
  private final ObjectProperty<ColorMap> colorMap;
  private final DoubleProperty opacity;

  /**
   * @param colors the colour map to start with
   * @param opacity the opacity to start with, 0..1
   */
  public HeatmapStyle(ColorMap colors, double opacity) {
    this.colorMap = new SimpleObjectProperty<>(this, "colorMap", colors);
    this.opacity = new SimpleDoubleProperty(this, "opacity", opacity);
  }

  public ObjectProperty<ColorMap> colorMapProperty() {
    return colorMap;
  }

  /** Heatmap opacity over the image, 0..1. */
  public DoubleProperty opacityProperty() {
    return opacity;
  }
}
