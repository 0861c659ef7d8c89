package sgsf.engine.metrics;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.OpenCv;

/**
 * The connected defect regions of one ground-truth mask, 8-connectivity (OpenCV {@code
 * connectedComponentsWithStats}), as MVTec AD's PRO metric defines them (its reference code labels
 * with a 3x3 structuring element of ones).
 *
 * @param labels per pixel 0 (normal) or the region number 1..count
 * @param areas {@code areas[r]} = pixels of region r; {@code areas[0]} is unused
 * @param count number of regions
 */
public record RegionLabels(int[] labels, int[] areas, int count) {

  /** Labels the mask of {@code map}; {@code null} when the map has no defect pixel. */
  public static RegionLabels of(PixelMap map) {
    if (map.mask() == null || map.defectPixels() == 0) {
      return null;
    }
    OpenCv.ensureLoaded();
    Mat m = new Mat(map.height(), map.width(), CvType.CV_8UC1);
    Mat lab = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    try {
      m.put(0, 0, map.mask());
      int n = Imgproc.connectedComponentsWithStats(m, lab, stats, centroids, 8, CvType.CV_32S);
      int[] labels = new int[map.size()];
      lab.get(0, 0, labels);
      int[] statRows = new int[n * stats.cols()];
      stats.get(0, 0, statRows);
      int[] areas = new int[n];
      for (int r = 1; r < n; r++) {
        areas[r] = statRows[r * stats.cols() + Imgproc.CC_STAT_AREA];
      }
      return new RegionLabels(labels, areas, n - 1);
    } finally {
      m.release();
      lab.release();
      stats.release();
      centroids.release();
    }
  }
}
