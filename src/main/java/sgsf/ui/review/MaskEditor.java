package sgsf.ui.review;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import sgsf.ui.common.FxImages;
import sgsf.ui.common.ImageViewer;
import sgsf.ui.common.Overlay;

/**
 * The image with the defect mask over it, painted with the left mouse button (brush or eraser, as
 * the ViewModel's tool says); the right or middle button pans and the wheel zooms (the {@link
 * ImageViewer}'s own handling); Ctrl+wheel changes the brush size. A circle shows the brush.
 */
final class MaskEditor extends StackPane {
  static final Color MASK_COLOR = Color.rgb(239, 68, 68, 0.45);

  private final ReviewViewModel vm;
  private final ImageViewer viewer = new ImageViewer();
  private final Circle brush = new Circle();
  private final Pane cursorLayer = new Pane(brush);
  private WritableImage maskImage;
  private Image heatmap;
  private double heatmapOpacity;
  private boolean painting;

  MaskEditor(ReviewViewModel vm) {
    this.vm = vm;
    setId("review-editor");
    viewer.emptyTextProperty().set("Nothing to review: evaluate a model first");
    brush.setFill(Color.TRANSPARENT);
    brush.setStroke(Color.WHITE);
    brush.setStrokeWidth(1.2);
    brush.getStrokeDashArray().setAll(4.0, 3.0);
    brush.setVisible(false);
    cursorLayer.setMouseTransparent(true);
    cursorLayer.setManaged(true);
    getChildren().addAll(viewer, cursorLayer);
    viewer.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
    viewer.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
    viewer.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
    viewer.addEventFilter(MouseEvent.MOUSE_MOVED, e -> showBrush(e.getX(), e.getY()));
    viewer.addEventFilter(MouseEvent.MOUSE_EXITED, e -> brush.setVisible(false));
    viewer.addEventFilter(
        ScrollEvent.SCROLL,
        e -> {
          if (e.isControlDown() || e.isShortcutDown()) {
            vm.scaleBrush(e.getDeltaY() > 0 ? 1.25 : 0.8);
            showBrush(e.getX(), e.getY());
            e.consume();
          }
        });
    viewer.setCursor(Cursor.CROSSHAIR);
    vm.maskVersionProperty().addListener((o, a, v) -> redrawMask());
    vm.maskProperty().addListener((o, a, m) -> redrawMask());
    vm.loadedProperty().addListener((o, a, v) -> showLoaded());
    vm.brushRadiusProperty().addListener((o, a, r) -> brush.setRadius(screenRadius()));
    viewer.scaleProperty().addListener((o, a, s) -> brush.setRadius(screenRadius()));
    showLoaded();
  }

  private void showLoaded() {
    ReviewItemView v = vm.loadedProperty().get();
    viewer.setImage(v == null ? null : FxImages.toImage(v.image()));
    redrawMask();
  }

  ImageViewer viewer() {
    return viewer;
  }

  /** A heatmap layer under the mask (null for none). */
  void setHeatmap(Image heat, double opacity) {
    this.heatmap = heat;
    this.heatmapOpacity = opacity;
    updateOverlays();
  }

  private double screenRadius() {
    return vm.brushRadiusProperty().get() * viewer.getScale();
  }

  private void showBrush(double x, double y) {
    if (vm.maskProperty().get() == null) {
      brush.setVisible(false);
      return;
    }
    brush.setCenterX(x);
    brush.setCenterY(y);
    brush.setRadius(screenRadius());
    brush.setStroke(vm.toolProperty().get() == ReviewTool.ERASER ? Color.CYAN : Color.WHITE);
    brush.setVisible(true);
  }

  private void pressed(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY || vm.maskProperty().get() == null) {
      return;
    }
    painting = true;
    Point2D p = imagePoint(e);
    vm.beginStroke(p.getX(), p.getY());
    e.consume();
  }

  private void dragged(MouseEvent e) {
    showBrush(e.getX(), e.getY());
    if (!painting) {
      return;
    }
    Point2D p = imagePoint(e);
    vm.strokeTo(p.getX(), p.getY());
    e.consume();
  }

  private void released(MouseEvent e) {
    if (painting) {
      painting = false;
      vm.endStroke();
      e.consume();
    }
  }

  private Point2D imagePoint(MouseEvent e) {
    double[] p = viewer.toImage(e.getX(), e.getY());
    return new Point2D(p[0], p[1]);
  }

  /** Rewrites the mask layer from the mask's pixels (defect: translucent red). */
  private void redrawMask() {
    BrushMask m = vm.maskProperty().get();
    if (m == null) {
      maskImage = null;
      updateOverlays();
      return;
    }
    int w = m.width();
    int h = m.height();
    if (maskImage == null || (int) maskImage.getWidth() != w || (int) maskImage.getHeight() != h) {
      maskImage = new WritableImage(w, h);
    }
    byte[] px = m.raw();
    int[] argb = new int[px.length];
    int c = FxImages.toArgb(MASK_COLOR);
    for (int i = 0; i < px.length; i++) {
      argb[i] = px[i] != 0 ? c : 0;
    }
    maskImage.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    updateOverlays();
  }

  private void updateOverlays() {
    List<Overlay> layers = new ArrayList<>();
    if (heatmap != null && heatmapOpacity > 0) {
      layers.add(new Overlay.ImageLayer(heatmap, heatmapOpacity));
    }
    if (maskImage != null) {
      layers.add(new Overlay.ImageLayer(maskImage, 1));
    }
    viewer.setOverlays(layers);
  }
}
