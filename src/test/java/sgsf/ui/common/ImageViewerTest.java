package sgsf.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static sgsf.ui.GuiTestSupport.onFx;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sgsf.engine.image.FloatImage;
import sgsf.ui.FxTestToolkit;

class ImageViewerTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start();
  }

  /** A viewer of 400x400 showing a 200x100 mid-grey image. */
  private static ImageViewer viewer() throws Exception {
    return onFx(
        () -> {
          ImageViewer v = new ImageViewer();
          StackPane root = new StackPane(v);
          Stage stage = new Stage();
          stage.setScene(new Scene(root, 400, 400));
          v.setImage(FxImages.toImage(FloatImage.filled(100, 200, 0.5f)));
          root.applyCss();
          root.layout();
          return v;
        });
  }

  @Test
  void fitScalesTheImageToTheViewAndCentresIt() throws Exception {
    ImageViewer v = viewer();
    assertThat(onFx(v::getScale)).isEqualTo(2.0);
    // image pixel (0,0) sits at view (0, 100): 400 - 100*2 = 200 free rows, half above
    double[] p = onFx(() -> v.toImage(0, 100));
    assertThat(p[0]).isCloseTo(0, offset(1e-9));
    assertThat(p[1]).isCloseTo(0, offset(1e-9));
  }

  @Test
  void zoomKeepsThePointUnderTheViewCentreAndFitRestores() throws Exception {
    ImageViewer v = viewer();
    double[] before = onFx(() -> v.toImage(200, 200));
    onFx(
        () -> {
          v.zoomBy(2.5);
          return null;
        });
    assertThat(onFx(v::getScale)).isEqualTo(5.0);
    double[] after = onFx(() -> v.toImage(200, 200));
    assertThat(after[0]).isCloseTo(before[0], offset(1e-9));
    assertThat(after[1]).isCloseTo(before[1], offset(1e-9));
    onFx(
        () -> {
          v.fit();
          return null;
        });
    assertThat(onFx(v::getScale)).isEqualTo(2.0);
  }

  @Test
  void aMaskOverlayTintsOnlyTheMaskedPixels() throws Exception {
    ImageViewer v = viewer();
    float[] m = new float[100 * 200];
    for (int y = 0; y < 50; y++) {
      for (int x = 0; x < 100; x++) {
        m[y * 200 + x] = 1f; // top-left quarter
      }
    }
    FloatImage mask = new FloatImage(1, 100, 200, m);
    WritableImage shot =
        onFx(
            () -> {
              v.setOverlays(
                  List.of(new Overlay.ImageLayer(FxImages.maskOverlay(mask, Color.RED), 1.0)));
              return v.canvas().snapshot(null, null);
            });
    Color inside = shot.getPixelReader().getColor(50, 150); // image (25, 25)
    Color outside = shot.getPixelReader().getColor(350, 250); // image (175, 75)
    assertThat(inside.getRed()).isGreaterThan(0.9);
    assertThat(inside.getGreen()).isLessThan(0.1);
    assertThat(outside.getRed()).isCloseTo(0.5, offset(0.02));
    assertThat(outside.getGreen()).isCloseTo(0.5, offset(0.02));
  }

  @Test
  void contoursOfARectangleFollowItsBorder() {
    float[] m = new float[20 * 30];
    for (int y = 5; y < 15; y++) {
      for (int x = 10; x < 20; x++) {
        m[y * 30 + x] = 1f;
      }
    }
    List<Contours.Polygon> polys = Contours.of(new FloatImage(1, 20, 30, m));
    assertThat(polys).hasSize(1);
    Contours.Polygon p = polys.get(0);
    assertThat(java.util.Arrays.stream(p.xs()).min().orElseThrow()).isEqualTo(10.5);
    assertThat(java.util.Arrays.stream(p.xs()).max().orElseThrow()).isEqualTo(19.5);
    assertThat(java.util.Arrays.stream(p.ys()).min().orElseThrow()).isEqualTo(5.5);
    assertThat(java.util.Arrays.stream(p.ys()).max().orElseThrow()).isEqualTo(14.5);
  }
}
