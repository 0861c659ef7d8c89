package sgsf.ui.common;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.OpenCv;

/** Outlines of a binary mask's regions, as polygons in pixel coordinates (OpenCV findContours). */
public final class Contours {
  private Contours() {}

  /** One closed polygon; vertex i is ({@code xs[i]}, {@code ys[i]}) at pixel centres. */
  public record Polygon(double[] xs, double[] ys) {
    public int size() {
      return xs.length;
    }
  }

  /** The outer and inner boundaries of the mask's foreground (values above 0.5). */
  public static List<Polygon> of(FloatImage mask) {
    OpenCv.ensureLoaded();
    FloatImage one = mask.channels() == 1 ? mask : mask.channel(0);
    Mat f = ImageIo.toMat(one);
    Mat bin = new Mat();
    Imgproc.threshold(f, bin, 0.5, 255, Imgproc.THRESH_BINARY);
    Mat u8 = new Mat();
    bin.convertTo(u8, CvType.CV_8U);
    List<MatOfPoint> found = new ArrayList<>();
    Mat hierarchy = new Mat();
    Imgproc.findContours(u8, found, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
    List<Polygon> out = new ArrayList<>(found.size());
    for (MatOfPoint c : found) {
      Point[] pts = c.toArray();
      double[] xs = new double[pts.length];
      double[] ys = new double[pts.length];
      for (int i = 0; i < pts.length; i++) {
        xs[i] = pts[i].x + 0.5;
        ys[i] = pts[i].y + 0.5;
      }
      out.add(new Polygon(xs, ys));
      c.release();
    }
    f.release();
    bin.release();
    u8.release();
    hierarchy.release();
    return out;
  }
}
