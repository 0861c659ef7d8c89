package sgsf.ui.evaluation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.metrics.Thresholds;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.ColorMap;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.LatestRequestScheduler;

/**
 * The Evaluate view's detail pane: the selected image loaded in the background (latest request
 * wins) with its ground truth, and how its heatmap is drawn (colour map, opacity, outlines).
 */
public final class DetailPaneModel {
  private final EvaluationState state;
  private final ReadOnlyObjectWrapper<EvaluationDetail> detail =
      new ReadOnlyObjectWrapper<>(this, "detail");
  private final HeatmapStyle heatmap = new HeatmapStyle(ColorMap.INFERNO, 0.55);
  private final BooleanProperty showRegion = new SimpleBooleanProperty(this, "showRegion", true);
  private final BooleanProperty showGroundTruth =
      new SimpleBooleanProperty(this, "showGroundTruth", true);
  private final LatestRequestScheduler<ImageResult, EvaluationDetail> loader;
  private ImageResult requested;

  DetailPaneModel(WorkbenchSession session, EvaluationState state) {
    this.state = state;
    loader =
        session
            .runner()
            .latestRequestWins(
                Lane.COMPUTE,
                DetailPaneModel::loadDetail,
                d -> {
                  if (requested == d.result()) {
                    detail.set(d);
                  }
                },
                e -> session.notifier().error("Showing the image", e));
  }

  /** Shows {@code result} (loads it in the background), or nothing when null. */
  void show(ImageResult result) {
    requested = result;
    detail.set(null);
    if (result != null) {
      loader.submit(result);
    }
  }

  /** The selected image, loaded; null while loading or with nothing selected. */
  public ReadOnlyObjectProperty<EvaluationDetail> detailProperty() {
    return detail.getReadOnlyProperty();
  }

  /** The thresholds the heatmap and outlines follow. */
  public ObjectProperty<Thresholds> thresholdsProperty() {
    return state.thresholdsProperty();
  }

  /** The heatmap's colour map and opacity. */
  public HeatmapStyle heatmap() {
    return heatmap;
  }

  /** Outline the region at or above the pixel threshold. */
  public BooleanProperty showRegionProperty() {
    return showRegion;
  }

  /** Outline the ground-truth defect. */
  public BooleanProperty showGroundTruthProperty() {
    return showGroundTruth;
  }

  static EvaluationDetail loadDetail(ImageResult r) {
    FloatImage img = ImageIo.read(r.image());
    FloatImage gt = null;
    if (r.mask() != null) {
      gt = ImageIo.read(r.mask(), 1);
      if (gt.height() != img.height() || gt.width() != img.width()) {
        gt = ImageIo.resizeMask(gt, img.height(), img.width());
      }
    }
    return new EvaluationDetail(r, img, gt);
  }

  /** The region at or above the pixel threshold, at the map's resolution (0/1). */
  public static FloatImage region(FloatImage map, double pixelThreshold) {
    float[] d = map.data();
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = d[i] >= pixelThreshold ? 1f : 0f;
    }
    return new FloatImage(1, map.height(), map.width(), out);
  }
}
