package sgsf.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.OpenCv;

/**
 * Draws the demo dataset's images and masks (see {@link DemoDataset} for what it contains).
 *
 * <p>Every image gets its own {@link Random}, seeded from the dataset seed and the image's
 * category, split, type and index, so each file depends on nothing else. Randomness comes from
 * {@code java.util.Random} and trigonometry from {@link StrictMath}, both specified bit for bit;
 * pixels are drawn and encoded by OpenCV.
 */
final class DemoGenerator {
  static final int SIZE = 128;
  private static final int NOISE_OCTAVES = 5;

  private final long seed;

  DemoGenerator(long seed) {
    this.seed = seed;
  }

  /** Writes both categories into {@code root} (which must exist). */
  void generate(Path root) throws IOException {
    OpenCv.ensureLoaded();
    for (String category : List.of(DemoDataset.TEXTURE, DemoDataset.OBJECT)) {
      Path cat = root.resolve(category);
      writeGood(cat.resolve("train").resolve("good"), category, "train", DemoDataset.TRAIN_GOOD);
      writeGood(cat.resolve("test").resolve("good"), category, "test", DemoDataset.TEST_GOOD);
      for (String type : DemoDataset.DEFECT_TYPES) {
        Path imgDir = cat.resolve("test").resolve(type);
        Path maskDir = cat.resolve("ground_truth").resolve(type);
        Files.createDirectories(imgDir);
        Files.createDirectories(maskDir);
        for (int i = 0; i < DemoDataset.TEST_PER_DEFECT; i++) {
          Random rnd = random(category, "test", type, i);
          Point[] centre = new Point[1];
          Mat img = draw(category, rnd, centre);
          Mat mask = Mat.zeros(SIZE, SIZE, CvType.CV_8UC1);
          drawDefect(category, type, img, mask, rnd, centre[0]);
          write(img, imgDir.resolve(name(i) + ".png"));
          write(mask, maskDir.resolve(name(i) + "_mask.png"));
          img.release();
          mask.release();
        }
      }
    }
  }

  private void writeGood(Path dir, String category, String split, int count) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < count; i++) {
      Mat img = draw(category, random(category, split, Sample.GOOD, i), new Point[1]);
      write(img, dir.resolve(name(i) + ".png"));
      img.release();
    }
  }

  static String name(int i) {
    return String.format("%03d", i);
  }

  private Random random(String category, String split, String type, int index) {
    long h = (category + "/" + split + "/" + type + "/" + index).hashCode();
    long z = seed ^ (h * 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  private static void write(Mat m, Path file) throws IOException {
    MatOfByte buf = new MatOfByte();
    if (!Imgcodecs.imencode(".png", m, buf)) {
      throw new IOException("PNG encoding failed for " + file);
    }
    Files.write(file, buf.toArray());
    buf.release();
  }

  /**
   * Draws a normal image; {@code centre[0]} receives the object's centre (image centre for
   * textures).
   */
  private static Mat draw(String category, Random rnd, Point[] centre) {
    centre[0] = new Point(SIZE / 2.0, SIZE / 2.0);
    return DemoDataset.TEXTURE.equals(category) ? texture(rnd) : object(rnd, centre);
  }

  /**
   * A woven fabric: two interleaved sinusoidal thread families, modulated by fractal noise, tinted
   * a warm beige; 8-bit BGR.
   */
  private static Mat texture(Random rnd) {
    Mat noise = fractalNoise(rnd, 4);
    float[] n = new float[SIZE * SIZE];
    noise.get(0, 0, n);
    noise.release();
    double period = 8.0;
    double phaseX = rnd.nextDouble() * period;
    double phaseY = rnd.nextDouble() * period;
    double gain = 0.9 + 0.2 * rnd.nextDouble();
    float[] grey = new float[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      double sy = StrictMath.sin(2 * StrictMath.PI * (y + phaseY) / period);
      for (int x = 0; x < SIZE; x++) {
        double sx = StrictMath.sin(2 * StrictMath.PI * (x + phaseX) / period);
        boolean warpOnTop =
            (((int) ((x + phaseX) / period) + (int) ((y + phaseY) / period)) & 1) == 0;
        double weave = warpOnTop ? 0.5 + 0.5 * sx * sx : 0.5 + 0.5 * sy * sy;
        double v = gain * (0.30 + 0.35 * weave + 0.35 * n[y * SIZE + x]);
        grey[y * SIZE + x] = (float) Math.max(0, Math.min(1, v));
      }
    }
    Mat g = new Mat(SIZE, SIZE, CvType.CV_32FC1);
    g.put(0, 0, grey);
    Mat g8 = new Mat();
    g.convertTo(g8, CvType.CV_8U, 255.0);
    g.release();
    Mat bgr = new Mat();
    Imgproc.cvtColor(g8, bgr, Imgproc.COLOR_GRAY2BGR);
    g8.release();
    Core.multiply(bgr, new Scalar(0.72, 0.86, 1.0), bgr);
    return bgr;
  }

  /**
   * A hexagonal nut seen from above on a dark, slightly noisy background, at a jittered position,
   * rotation and brightness; 8-bit grey.
   */
  private static Mat object(Random rnd, Point[] centre) {
    Mat noise = fractalNoise(rnd, 3);
    Mat bg = new Mat();
    noise.convertTo(bg, CvType.CV_8U, 30, 35);
    noise.release();
    double cx = SIZE / 2.0 + (rnd.nextDouble() - 0.5) * 10;
    double cy = SIZE / 2.0 + (rnd.nextDouble() - 0.5) * 10;
    double angle = rnd.nextDouble() * StrictMath.PI / 3;
    double brightness = 0.9 + 0.2 * rnd.nextDouble();
    centre[0] = new Point(cx, cy);
    double outer = 40;
    List<Point> hex = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      double a = angle + k * StrictMath.PI / 3;
      hex.add(new Point(cx + outer * StrictMath.cos(a), cy + outer * StrictMath.sin(a)));
    }
    MatOfPoint poly = new MatOfPoint();
    poly.fromList(hex);
    Imgproc.fillConvexPoly(bg, poly, new Scalar(170 * brightness), Imgproc.LINE_AA);
    Point c = new Point(cx, cy);
    Imgproc.circle(bg, c, 33, new Scalar(195 * brightness), -1, Imgproc.LINE_AA);
    Imgproc.circle(bg, c, 21, new Scalar(150 * brightness), -1, Imgproc.LINE_AA);
    Imgproc.circle(bg, c, 15, new Scalar(25), -1, Imgproc.LINE_AA);
    poly.release();
    Imgproc.GaussianBlur(bg, bg, new Size(3, 3), 0.6);
    return bg;
  }

  /** Sum of {@code octaves} bicubically upsampled random grids, in [0, 1]; CV_32FC1. */
  private static Mat fractalNoise(Random rnd, int octaves) {
    Mat acc = Mat.zeros(SIZE, SIZE, CvType.CV_32FC1);
    double weight = 1;
    double total = 0;
    Mat up = new Mat();
    for (int o = 0; o < Math.min(octaves, NOISE_OCTAVES); o++) {
      int g = 4 << o;
      float[] v = new float[g * g];
      for (int i = 0; i < v.length; i++) {
        v[i] = rnd.nextFloat();
      }
      Mat grid = new Mat(g, g, CvType.CV_32FC1);
      grid.put(0, 0, v);
      Imgproc.resize(grid, up, new Size(SIZE, SIZE), 0, 0, Imgproc.INTER_CUBIC);
      Core.scaleAdd(up, weight, acc, acc);
      grid.release();
      total += weight;
      weight *= 0.5;
    }
    up.release();
    Core.multiply(acc, new Scalar(1.0 / total), acc);
    Core.min(acc, new Scalar(1), acc);
    Core.max(acc, new Scalar(0), acc);
    return acc;
  }

  /** Draws one defect into {@code img} and the same region into {@code mask} (255 inside). */
  private static void drawDefect(
      String category, String type, Mat img, Mat mask, Random rnd, Point centre) {
    boolean object = DemoDataset.OBJECT.equals(category);
    Scalar dark = object ? new Scalar(60) : new Scalar(40, 45, 50);
    Scalar bright = object ? new Scalar(250) : new Scalar(235, 240, 245);
    Scalar on = new Scalar(255);
    switch (type) {
      case "scratch" -> {
        Point a = spot(rnd, object, centre);
        // on the nut the scratch runs roughly along the face (tangentially), so it stays on it
        double ang =
            object
                ? StrictMath.atan2(a.y - centre.y, a.x - centre.x)
                    + StrictMath.PI / 2
                    + (rnd.nextDouble() - 0.5) * 0.6
                : rnd.nextDouble() * StrictMath.PI;
        double len = object ? 12 + rnd.nextDouble() * 8 : 25 + rnd.nextDouble() * 30;
        Point b =
            new Point(
                Math.round(a.x + len * StrictMath.cos(ang)),
                Math.round(a.y + len * StrictMath.sin(ang)));
        Imgproc.line(img, a, b, bright, 2, Imgproc.LINE_8);
        Imgproc.line(mask, a, b, on, 2, Imgproc.LINE_8);
      }
      case "spot" -> {
        Point p = spot(rnd, object, centre);
        Size axes = new Size(3 + rnd.nextInt(5), 3 + rnd.nextInt(5));
        double ang = rnd.nextDouble() * 180;
        Imgproc.ellipse(img, p, axes, ang, 0, 360, dark, -1, Imgproc.LINE_8);
        Imgproc.ellipse(mask, p, axes, ang, 0, 360, on, -1, Imgproc.LINE_8);
      }
      case "crack" -> {
        List<Point> pts = new ArrayList<>();
        Point p = spot(rnd, object, centre);
        double dir = rnd.nextDouble() * 2 * StrictMath.PI;
        pts.add(p);
        int segments = 6 + rnd.nextInt(6);
        for (int k = 0; k < segments; k++) {
          dir += (rnd.nextDouble() - 0.5) * 1.2;
          double step = object ? 2.5 : 4;
          p = new Point(p.x + step * StrictMath.cos(dir), p.y + step * StrictMath.sin(dir));
          pts.add(p);
        }
        MatOfPoint line = new MatOfPoint();
        line.fromList(round(pts));
        Imgproc.polylines(img, List.of(line), false, dark, 2, Imgproc.LINE_8);
        Imgproc.polylines(mask, List.of(line), false, on, 2, Imgproc.LINE_8);
        line.release();
      }
      default -> throw new IllegalArgumentException("unknown demo defect type " + type);
    }
  }

  private static List<Point> round(List<Point> pts) {
    return pts.stream().map(q -> new Point(Math.round(q.x), Math.round(q.y))).toList();
  }

  /**
   * A defect position: anywhere away from the border on the texture, on the nut's face (between the
   * hole, radius 15, and the face's rim, radius 33) on the object.
   */
  private static Point spot(Random rnd, boolean object, Point centre) {
    if (!object) {
      return new Point(20 + rnd.nextInt(SIZE - 40), 20 + rnd.nextInt(SIZE - 40));
    }
    double r = 23 + rnd.nextDouble() * 6;
    double a = rnd.nextDouble() * 2 * StrictMath.PI;
    return new Point(
        Math.round(centre.x + r * StrictMath.cos(a)), Math.round(centre.y + r * StrictMath.sin(a)));
  }
}
