package sgsf.ui.dataset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import sgsf.engine.data.Sample;
import sgsf.engine.data.Split;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.image.OpenCv;

/**
 * The dataset viewer's detail load refuses a huge image with a message (shown in place of the
 * image), instead of decoding gigabytes and leaving a blank pane.
 */
class DatasetViewerHostileImageTest {
  @TempDir Path dir;

  @Test
  void aHugeImageGivesAMessageNamingItsSize() {
    OpenCv.ensureLoaded();
    Path huge = dir.resolve("huge.png");
    Mat m = new Mat(12000, 12000, CvType.CV_8UC1, new Scalar(90));
    Imgcodecs.imwrite(huge.toString(), m);
    m.release();
    assertThatThrownBy(() -> DatasetViewModel.loadDetail(Sample.good(huge, Split.TEST)))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("12000x12000")
        .hasMessageContaining("megapixels");
  }
}
