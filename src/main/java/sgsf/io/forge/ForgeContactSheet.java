package sgsf.io.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.forge.ForgeResult;
import sgsf.engine.forge.SaliencyMap;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.OpenCv;

/**
 * Renders one forged sample as a row of labelled panels: A | S | G | M | I (the normal image, the
 * saliency map, the saliency Perlin noise, the mask and the forged image). Strategies without noise
 * show the image the forged content came from (B) or an empty "n/a" panel in G's place.
 */
public final class ForgeContactSheet {
  static final int GAP = 4;
  static final int HEADER = 22;

  private ForgeContactSheet() {}

  /** One panel: a title and an image (1 or 3 channels, values clipped to [0, 1]), or none. */
  public record Panel(String title, FloatImage image) {}

  /** The five panels of a sample, titled with the numbers that explain them. */
  public static List<Panel> panels(FloatImage a, SaliencyMap s, ForgeResult r) {
    List<Panel> p = new ArrayList<>(5);
    p.add(new Panel("A", a));
    FloatImage sImg = r.saliency() != null ? r.saliency() : s == null ? null : s.map();
    String sTitle =
        s == null
            ? "S"
            : switch (s.kind()) {
              case COMPUTED -> fmt("S std %.2f", s.spread());
              case TEXTURE_UNIFORM -> fmt("S=1 (std %.2f)", s.spread());
              case ROI -> "S = ROI";
            };
    if (r.strategy() == sgsf.engine.config.ForgeConfig.Strategy.PERLIN) {
      sTitle = "S=1 (Perlin)";
    }
    p.add(new Panel(sTitle, sImg));
    if (r.gated() != null) {
      p.add(new Panel(fmt("G mu %.3f", r.threshold()), clip(r.gated())));
    } else if (r.auxiliary() != null) {
      p.add(new Panel("B (moved copy)", r.auxiliary()));
    } else {
      p.add(new Panel("G n/a", null));
    }
    p.add(new Panel(fmt("M %.1f%%", 100 * r.maskFraction()), r.mask()));
    p.add(new Panel(Double.isNaN(r.alpha()) ? "I" : fmt("I alpha %.2f", r.alpha()), r.image()));
    return p;
  }

  /** The sheet as a 3-channel image: panels side by side under their titles. */
  public static FloatImage render(List<Panel> panels, int height, int width) {
    OpenCv.ensureLoaded();
    int n = panels.size();
    int sheetW = n * width + (n + 1) * GAP;
    int sheetH = height + HEADER + 2 * GAP;
    Mat sheet = new Mat(sheetH, sheetW, CvType.CV_8UC3, new Scalar(40, 40, 40));
    double fontScale = width >= 200 ? 0.5 : 0.38;
    for (int i = 0; i < n; i++) {
      Panel panel = panels.get(i);
      int x0 = GAP + i * (width + GAP);
      Rect cell = new Rect(x0, HEADER + GAP, width, height);
      if (panel.image() != null) {
        FloatImage img = ImageIo.resize(panel.image(), height, width).withChannels(3);
        Mat rgb = ImageIo.toMat(ImageIo.clip01(img.copy()));
        Mat u8 = new Mat();
        rgb.convertTo(u8, CvType.CV_8UC3, 255.0);
        u8.copyTo(sheet.submat(cell));
        rgb.release();
        u8.release();
      } else {
        sheet.submat(cell).setTo(new Scalar(90, 90, 90));
        Imgproc.putText(
            sheet,
            "n/a",
            new Point(x0 + width / 2.0 - 14, HEADER + GAP + height / 2.0),
            Imgproc.FONT_HERSHEY_SIMPLEX,
            fontScale,
            new Scalar(200, 200, 200),
            1,
            Imgproc.LINE_AA);
      }
      Imgproc.putText(
          sheet,
          panel.title(),
          new Point(x0 + 2, HEADER - 5),
          Imgproc.FONT_HERSHEY_SIMPLEX,
          fontScale,
          new Scalar(235, 235, 235),
          1,
          Imgproc.LINE_AA);
    }
    Mat f = new Mat();
    sheet.convertTo(f, CvType.CV_32FC3, 1 / 255.0);
    FloatImage out = ImageIo.fromFloatMat(f);
    sheet.release();
    f.release();
    return out;
  }

  private static FloatImage clip(FloatImage g) {
    return ImageIo.clip01(g.copy());
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
