package sgsf.ui.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import sgsf.engine.image.FloatImage;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;
import sgsf.ui.common.ColorMap;
import sgsf.ui.common.Contours;
import sgsf.ui.common.FxImages;
import sgsf.ui.common.Icons;
import sgsf.ui.common.ImageViewer;
import sgsf.ui.common.Overlay;

/**
 * The Evaluate view's detail pane: the selected image with its heatmap (colour map, opacity,
 * outlines of the region at the pixel threshold and of the ground truth) beside the raw anomaly map
 * and a colour legend; it follows a {@link DetailPaneModel}.
 */
final class DetailPane {
  /** Outline of the region at or above the pixel threshold. */
  static final Color REGION_COLOR = Color.web("#22d3ee");

  /** Outline of the ground-truth defect. */
  static final Color TRUTH_COLOR = Color.web("#84cc16");

  private final DetailPaneModel model;
  private final Node root;
  private final ImageViewer overlayViewer = new ImageViewer();
  private final ImageViewer mapViewer = new ImageViewer();
  private final Label detailCaption = new Label();
  private final Label legendTop = new Label("1");
  private final Label legendBottom = new Label("0");
  private Image baseImage;
  private Image heatImage;
  private EvaluationDetail shownDetail;
  private ColorMap shownColors;
  private Image overlayImage;
  private EvaluationDetail overlayFor;
  private double overlayThreshold = Double.NaN;
  private ColorMap overlayColors;

  DetailPane(DetailPaneModel model) {
    this.model = model;
    root = detailPane();
    model.detailProperty().addListener((o, a, d) -> showDetail());
    model.heatmap().colorMapProperty().addListener((o, a, c) -> showDetail());
    model.heatmap().opacityProperty().addListener((o, a, c) -> showOverlays());
    model.showRegionProperty().addListener((o, a, c) -> showDetail());
    model.showGroundTruthProperty().addListener((o, a, c) -> showDetail());
    thresholdsChanged();
    showDetail();
  }

  Node node() {
    return root;
  }

  /** The thresholds moved: the legend's range and the overlays follow. */
  void thresholdsChanged() {
    float[] range = HeatLayers.range(model.thresholdsProperty().get());
    legendTop.setText(String.format(Locale.ROOT, "%.2f", range[1]));
    legendBottom.setText(String.format(Locale.ROOT, "%.2f", range[0]));
    showOverlays();
  }

  private Node detailPane() {
    ChoiceBox<ColorMap> colors = new ChoiceBox<>();
    colors.getItems().addAll(ColorMap.INFERNO, ColorMap.VIRIDIS, ColorMap.JET, ColorMap.GREY);
    colors.valueProperty().bindBidirectional(model.heatmap().colorMapProperty());
    colors.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(ColorMap c) {
            return c == null ? "" : c.displayName();
          }

          @Override
          public ColorMap fromString(String s) {
            return null;
          }
        });
    Slider opacity = new Slider(0, 1, model.heatmap().opacityProperty().get());
    opacity.setId("evaluate-opacity");
    opacity.valueProperty().bindBidirectional(model.heatmap().opacityProperty());
    opacity.setPrefWidth(110);
    opacity.setTooltip(new Tooltip("Heatmap opacity"));
    CheckBox region = new CheckBox("Region");
    region.selectedProperty().bindBidirectional(model.showRegionProperty());
    region.setTooltip(new Tooltip("Outline the pixels at or above the pixel threshold (cyan)"));
    CheckBox truth = new CheckBox("Ground truth");
    truth.selectedProperty().bindBidirectional(model.showGroundTruthProperty());
    truth.setTooltip(new Tooltip("Outline the ground-truth defect (green)"));
    Label opacityLabel = new Label("Opacity");
    detailCaption.setId("evaluate-caption");
    detailCaption.getStyleClass().add("muted");
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox controls = new HBox(8, detailCaption, grow, colors, opacityLabel, opacity, region, truth);
    controls.setAlignment(Pos.CENTER_LEFT);
    overlayViewer.setId("evaluate-overlay");
    overlayViewer.emptyTextProperty().set("Select an image in the table");
    mapViewer.setId("evaluate-map");
    mapViewer.emptyTextProperty().set("Anomaly map");
    for (ImageViewer v : new ImageViewer[] {overlayViewer, mapViewer}) {
      v.setPrefSize(300, 200);
      v.setMinSize(120, 100);
      HBox.setHgrow(v, Priority.ALWAYS);
    }
    HBox viewers = new HBox(6, overlayViewer, mapViewer, legend());
    VBox.setVgrow(viewers, Priority.ALWAYS);
    VBox box = new VBox(6, controls, viewers);
    box.setPadding(new Insets(6, 8, 6, 8));
    return box;
  }

  /** A vertical colour bar for the heatmap, 1 at the top. */
  private Node legend() {
    javafx.scene.image.ImageView bar = new javafx.scene.image.ImageView();
    Runnable paint =
        () -> {
          float[] ramp = new float[64];
          for (int i = 0; i < ramp.length; i++) {
            ramp[i] = 1f - i / (float) (ramp.length - 1);
          }
          bar.setImage(
              FxImages.heatmap(
                  new FloatImage(1, 64, 1, ramp), model.heatmap().colorMapProperty().get()));
        };
    paint.run();
    model.heatmap().colorMapProperty().addListener((o, a, c) -> paint.run());
    bar.setFitWidth(10);
    bar.setFitHeight(120);
    bar.setSmooth(true);
    legendTop.getStyleClass().add("muted");
    legendBottom.getStyleClass().add("muted");
    Tooltip.install(bar, new Tooltip("Anomaly-map values; the colours span the calibration range"));
    VBox v = new VBox(2, legendTop, bar, legendBottom);
    v.setAlignment(Pos.CENTER);
    return v;
  }

  private void showDetail() {
    EvaluationDetail d = model.detailProperty().get();
    if (d == null) {
      shownDetail = null;
      baseImage = null;
      heatImage = null;
      overlayViewer.setImage(null);
      overlayViewer.getOverlays().clear();
      mapViewer.setImage(null);
      mapViewer.getOverlays().clear();
      detailCaption.setText("");
      showWarnings(List.of());
      return;
    }
    if (d != shownDetail) {
      baseImage = FxImages.toImage(d.image());
      shownColors = null;
    }
    if (shownColors != model.heatmap().colorMapProperty().get() || d != shownDetail) {
      heatImage =
          HeatLayers.map(
              d.result().map(),
              model.heatmap().colorMapProperty().get(),
              model.thresholdsProperty().get());
      shownColors = model.heatmap().colorMapProperty().get();
      overlayFor = null;
    }
    shownDetail = d;
    overlayViewer.setImage(baseImage);
    mapViewer.setImage(heatImage);
    showOverlays();
  }

  private void showOverlays() {
    EvaluationDetail d = shownDetail;
    if (d == null) {
      return;
    }
    Thresholds t = model.thresholdsProperty().get();
    ImageResult r = d.result();
    FloatImage map = r.map();
    List<Overlay> over = new ArrayList<>();
    double thr = t == null ? Double.NaN : t.pixelThreshold();
    if (overlayFor != d || overlayThreshold != thr || overlayColors != shownColors) {
      overlayImage = HeatLayers.overlay(map, shownColors, t);
      overlayFor = d;
      overlayThreshold = thr;
      overlayColors = shownColors;
    }
    over.add(new Overlay.ImageLayer(overlayImage, model.heatmap().opacityProperty().get()));
    Overlay regionLayer = null;
    if (t != null && model.showRegionProperty().get()) {
      regionLayer =
          new Overlay.ContourLayer(
              Contours.of(DetailPaneModel.region(map, t.pixelThreshold())),
              map.width(),
              map.height(),
              REGION_COLOR,
              1.6);
      over.add(regionLayer);
    }
    if (d.groundTruth() != null && model.showGroundTruthProperty().get()) {
      over.add(
          new Overlay.ContourLayer(
              Contours.of(d.groundTruth()),
              d.groundTruth().width(),
              d.groundTruth().height(),
              TRUTH_COLOR,
              1.6));
    }
    overlayViewer.setOverlays(over);
    mapViewer.setOverlays(regionLayer == null ? List.of() : List.of(regionLayer));
    Verdict v = t == null ? null : t.verdict(r.score());
    detailCaption.setText(
        String.format(
            Locale.ROOT,
            "%s · %s · %s%s",
            r.fileName(),
            r.groundTruth(),
            t == null
                ? String.format(Locale.ROOT, "score %.4f", r.score())
                : String.format(
                    Locale.ROOT,
                    "score %.3f (raw %.4f)",
                    t.imageNormalisation().apply(r.score()),
                    r.score()),
            v == null ? "" : " · " + v.name()));
    showWarnings(r.warnings());
  }

  /** A warning icon before the caption, the warnings in its tooltip, when the image has any. */
  private void showWarnings(List<String> warnings) {
    if (warnings.isEmpty()) {
      detailCaption.setGraphic(null);
      detailCaption.setTooltip(null);
      return;
    }
    var icon = Icons.of(MaterialDesignA.ALERT_OUTLINE);
    icon.getStyleClass().add("warning-icon");
    detailCaption.setGraphic(icon);
    detailCaption.setTooltip(new Tooltip(String.join("\n", warnings)));
  }
}
