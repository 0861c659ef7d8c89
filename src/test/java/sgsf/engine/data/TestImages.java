package sgsf.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.OpenCv;

/** Writes small real image files through OpenCV for dataset tests. */
final class TestImages {
  static final int SIZE = 24;

  private TestImages() {}

  /** A grey 8-bit image with a gradient and a bright square, {@code w x h}, in PNG or JPEG. */
  static Path image(Path file, int w, int h) {
    OpenCv.ensureLoaded();
    Mat m = new Mat(h, w, CvType.CV_8UC1);
    byte[] d = new byte[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (40 + (i % w) * 100 / w);
    }
    m.put(0, 0, d);
    Imgproc.rectangle(
        m, new Point(w / 4.0, h / 4.0), new Point(w / 2.0, h / 2.0), new Scalar(220), -1);
    write(file, m);
    return file;
  }

  static Path image(Path file) {
    return image(file, SIZE, SIZE);
  }

  /** A 0/255 mask, {@code w x h}, with a filled rectangle (or all zero when {@code empty}). */
  static Path mask(Path file, int w, int h, boolean empty) {
    OpenCv.ensureLoaded();
    Mat m = Mat.zeros(h, w, CvType.CV_8UC1);
    if (!empty) {
      Imgproc.rectangle(
          m, new Rect(w / 3, h / 3, Math.max(1, w / 4), Math.max(1, h / 4)), new Scalar(255), -1);
    }
    write(file, m);
    return file;
  }

  static Path mask(Path file) {
    return mask(file, SIZE, SIZE, false);
  }

  /** Writes any Mat; the format follows the file extension. */
  static Path write(Path file, Mat m) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Imgcodecs.imwrite(file.toString(), m, new MatOfInt())) {
      throw new IllegalStateException("could not write " + file);
    }
    return file;
  }

  /** A JPEG cut to half its length (still starts like a JPEG, ends mid-stream). */
  static Path truncatedJpeg(Path file) throws IOException {
    image(file, 64, 64);
    byte[] b = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(b, b.length / 2));
    return file;
  }

  static Path emptyFile(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, new byte[0]);
  }

  static Path textFile(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "this is not an image\n");
  }

  /**
   * An MVTec category: {@code train} good images, {@code testGood} test/good, and per defect type
   * {@code perType} images with masks.
   */
  static Path mvtec(Path root, int train, int testGood, int perType, String... types) {
    for (int i = 0; i < train; i++) {
      image(root.resolve("train/good/" + String.format("%03d.png", i)));
    }
    for (int i = 0; i < testGood; i++) {
      image(root.resolve("test/good/" + String.format("%03d.png", i)));
    }
    for (String t : types) {
      for (int i = 0; i < perType; i++) {
        image(root.resolve("test/" + t + "/" + String.format("%03d.png", i)));
        mask(root.resolve("ground_truth/" + t + "/" + String.format("%03d_mask.png", i)));
      }
    }
    return root;
  }
}
