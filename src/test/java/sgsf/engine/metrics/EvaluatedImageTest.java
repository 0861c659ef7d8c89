package sgsf.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.Sample;
import sgsf.engine.data.Split;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.OpenCv;

/** Building evaluated images from dataset samples: real mask files through OpenCV. */
class EvaluatedImageTest {
  @TempDir Path dir;

  @Test
  void masksAreReadAndResizedNearestNeighbourToTheMapSize() throws Exception {
    OpenCv.ensureLoaded();
    // a 64x48 mask with a filled 16x12 rectangle at (8, 4) (255 = defect)
    Mat m = new Mat(48, 64, CvType.CV_8UC1, new Scalar(0));
    Imgproc.rectangle(m, new Point(8, 4), new Point(23, 15), new Scalar(255), -1);
    Path maskFile = dir.resolve("ground_truth/dent/0_mask.png");
    Files.createDirectories(maskFile.getParent());
    Imgcodecs.imwrite(maskFile.toString(), m);
    Path image = dir.resolve("test/dent/0.png");
    Sample s = new Sample(image, Split.TEST, "dent", maskFile);
    FloatImage map = FloatImage.filled(12, 16, 0.25f); // model resolution 16x12: a quarter
    EvaluatedImage e = EvaluatedImage.of(s, 0.8, map);
    assertThat(e.width()).isEqualTo(16);
    assertThat(e.height()).isEqualTo(12);
    assertThat(e.label()).isEqualTo(1);
    assertThat(e.path()).isEqualTo(image.toString());
    // the rectangle covers x 8..23, y 4..15 at full size: 4x3 pixels at quarter size
    int defects = 0;
    for (byte b : e.groundTruth()) {
      defects += b;
    }
    assertThat(defects).isEqualTo(12);
    assertThat(e.groundTruth()[1 * 16 + 2]).isEqualTo((byte) 1);
    assertThat(e.groundTruth()[0]).isZero();
    EvaluatedImage good =
        EvaluatedImage.of(Sample.good(dir.resolve("g.png"), Split.TEST), 0.1, map);
    assertThat(good.groundTruth()).isNull();
    assertThat(good.pixelUsable()).isTrue();
    EvaluatedImage noMap = EvaluatedImage.of(s, 0.8, null);
    assertThat(noMap.hasMap()).isFalse();
  }

  /** The real magnetic-tile test split: every defect mask yields regions at 128x128. */
  @Test
  void realMasksOfTheMagneticTileSetGiveDefectRegions() {
    Path mtd =
        Path.of(System.getProperty("sgsf.mtd", Path.of("..", "shared", "data", "mtd").toString()));
    Assumptions.assumeTrue(Files.isDirectory(mtd), mtd + " absent, skipping");
    Dataset d = DatasetScanner.scan(mtd);
    List<EvaluatedImage> images = new ArrayList<>();
    int defectiveWithMask = 0;
    for (Sample s : d.test()) {
      // a map that is high exactly on the (resized) ground truth: a perfect detector
      FloatImage placeholder = FloatImage.filled(128, 128, 0f);
      EvaluatedImage e = EvaluatedImage.of(s, s.label(), placeholder);
      float[] map = new float[128 * 128];
      if (e.groundTruth() != null) {
        defectiveWithMask++;
        for (int i = 0; i < map.length; i++) {
          map[i] = e.groundTruth()[i];
        }
      }
      images.add(
          new EvaluatedImage(
              e.path(), e.defectType(), e.label(), e.score(), 128, 128, map, e.groundTruth()));
      if (images.size() >= 60 && defectiveWithMask >= 20) {
        break;
      }
    }
    MetricsSummary m = MetricsSummary.compute(images, Thresholds.manual(0.5, 0.5, 0.5, 0, 1, 0, 1));
    assertThat(m.pixel().curves().regions()).isGreaterThan(0);
    assertThat(m.pixel().curves().auroc().value()).isEqualTo(1.0);
    assertThat(m.pixel().curves().aupro().value()).isCloseTo(1.0, within(1e-12));
    assertThat(m.pixel().resolutions()).containsExactly("128x128");
  }
}
