package sgsf.ui.common;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * An image on a canvas with zoom (mouse wheel, about the pointer), pan (drag), fit (double click)
 * and overlays (mask tints, heatmaps, contours). Zoomed in beyond 1:1 the pixels are drawn sharp.
 */
public class ImageViewer extends Region {
  private static final double MIN_SCALE = 0.02;
  private static final double MAX_SCALE = 64;

  private final Canvas canvas = new Canvas();
  private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
  private final ObservableList<Overlay> overlays = FXCollections.observableArrayList();
  private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
  private final DoubleProperty offsetX = new SimpleDoubleProperty(this, "offsetX");
  private final DoubleProperty offsetY = new SimpleDoubleProperty(this, "offsetY");
  private final StringProperty emptyText =
      new SimpleStringProperty(this, "emptyText", "No image selected");
  private boolean fitMode = true;
  private double dragX;
  private double dragY;

  public ImageViewer() {
    getStyleClass().add("image-viewer");
    getChildren().add(canvas);
    setMinSize(80, 80);
    setPrefSize(400, 400);
    image.addListener(
        (obs, old, img) -> {
          if (img == null
              || old == null
              || fitMode
              || old.getWidth() != img.getWidth()
              || old.getHeight() != img.getHeight()) {
            fit();
          } else {
            redraw();
          }
        });
    overlays.addListener((javafx.collections.ListChangeListener<Overlay>) c -> redraw());
    emptyText.addListener((o, a, b) -> redraw());
    addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
    addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            fit();
          }
        });
  }

  public ObjectProperty<Image> imageProperty() {
    return image;
  }

  public void setImage(Image img) {
    image.set(img);
  }

  public Image getImage() {
    return image.get();
  }

  /** Overlays in drawing order. */
  public ObservableList<Overlay> getOverlays() {
    return overlays;
  }

  public void setOverlays(List<Overlay> list) {
    overlays.setAll(list);
  }

  /** Screen pixels per image pixel. */
  public ReadOnlyDoubleProperty scaleProperty() {
    return scale.getReadOnlyProperty();
  }

  public double getScale() {
    return scale.get();
  }

  public StringProperty emptyTextProperty() {
    return emptyText;
  }

  /** Scales the image to fit the view and centres it; the view keeps fitting while resized. */
  public void fit() {
    fitMode = true;
    Image img = image.get();
    double w = getWidth();
    double h = getHeight();
    if (img == null || w <= 0 || h <= 0) {
      redraw();
      return;
    }
    double s = Math.min(w / img.getWidth(), h / img.getHeight());
    s = clamp(s);
    scale.set(s);
    offsetX.set((w - img.getWidth() * s) / 2);
    offsetY.set((h - img.getHeight() * s) / 2);
    redraw();
  }

  /** One image pixel per screen pixel, centred. */
  public void actualSize() {
    zoomAt(1.0 / scale.get(), getWidth() / 2, getHeight() / 2);
  }

  /** Multiplies the zoom by {@code factor}, keeping the view's centre in place. */
  public void zoomBy(double factor) {
    zoomAt(factor, getWidth() / 2, getHeight() / 2);
  }

  private void zoomAt(double factor, double px, double py) {
    if (image.get() == null) {
      return;
    }
    double old = scale.get();
    double s = clamp(old * factor);
    double ix = (px - offsetX.get()) / old;
    double iy = (py - offsetY.get()) / old;
    scale.set(s);
    offsetX.set(px - ix * s);
    offsetY.set(py - iy * s);
    fitMode = false;
    redraw();
  }

  /** Image coordinates of a point in this view (for hover read-outs). */
  public double[] toImage(double viewX, double viewY) {
    return new double[] {
      (viewX - offsetX.get()) / scale.get(), (viewY - offsetY.get()) / scale.get()
    };
  }

  private static double clamp(double s) {
    return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
  }

  private void onScroll(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    zoomAt(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY());
    e.consume();
  }

  private void onPressed(MouseEvent e) {
    dragX = e.getX();
    dragY = e.getY();
  }

  private void onDragged(MouseEvent e) {
    if (image.get() == null) {
      return;
    }
    offsetX.set(offsetX.get() + e.getX() - dragX);
    offsetY.set(offsetY.get() + e.getY() - dragY);
    dragX = e.getX();
    dragY = e.getY();
    fitMode = false;
    redraw();
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      if (fitMode) {
        fit();
        return;
      }
    }
    redraw();
  }

  /** Paints the image and its overlays. */
  protected void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.clearRect(0, 0, w, h);
    Image img = image.get();
    if (img == null) {
      g.setFill(Color.gray(0.55));
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
      g.fillText(emptyText.get(), w / 2, h / 2);
      return;
    }
    double s = scale.get();
    double x = offsetX.get();
    double y = offsetY.get();
    double iw = img.getWidth() * s;
    double ih = img.getHeight() * s;
    g.setImageSmoothing(s < 1);
    g.drawImage(img, x, y, iw, ih);
    for (Overlay o : overlays) {
      if (o instanceof Overlay.ImageLayer layer) {
        g.setGlobalAlpha(layer.opacity());
        g.drawImage(layer.image(), x, y, iw, ih);
        g.setGlobalAlpha(1);
      } else if (o instanceof Overlay.ContourLayer c) {
        double sx = iw / c.sourceWidth();
        double sy = ih / c.sourceHeight();
        g.setStroke(c.color());
        g.setLineWidth(c.lineWidth());
        for (Contours.Polygon p : c.polygons()) {
          int n = p.size();
          double[] xs = new double[n];
          double[] ys = new double[n];
          for (int i = 0; i < n; i++) {
            xs[i] = x + p.xs()[i] * sx;
            ys[i] = y + p.ys()[i] * sy;
          }
          g.strokePolygon(xs, ys, n);
        }
      }
    }
  }

  /** The canvas, for tests and snapshots. */
  Canvas canvas() {
    return canvas;
  }
}
