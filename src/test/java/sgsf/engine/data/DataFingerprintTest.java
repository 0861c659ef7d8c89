package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import sgsf.engine.image.OpenCv;

/**
 * The fingerprint of real image files: hashes, and the sizes and channels their headers declare.
 */
class DataFingerprintTest {
  @Test
  void recordsTheSizesAndChannelsOfTheTrainingImages(@TempDir Path dir) throws Exception {
    OpenCv.ensureLoaded();
    Path grey = TestImages.image(dir.resolve("grey.png"), 40, 30);
    Path colour = TestImages.write(dir.resolve("colour.jpg"), colour(64, 48, CvType.CV_8UC3));
    Path alpha = TestImages.write(dir.resolve("alpha.png"), colour(50, 20, CvType.CV_8UC4));

    DataFingerprint f = DataFingerprint.of(List.of(grey, colour, alpha));

    assertThat(f.shapes()).isEqualTo(new ImageShapes(3, 40, 64, 20, 48, List.of(1, 3)));
    assertThat(f.shapes().sizes()).isEqualTo("40x20 to 64x48");
    // the hashes are those of the whole files, as before the header was read
    for (int i = 0; i < 3; i++) {
      Path p = List.of(grey, colour, alpha).get(i);
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
      assertThat(f.files().get(i).sha256()).isEqualTo(HexFormat.of().formatHex(sha));
    }
    assertThat(DataFingerprint.of(List.of(grey)).shapes())
        .isEqualTo(new ImageShapes(1, 40, 40, 30, 30, List.of(1)));
  }

  @Test
  void filesWhoseHeaderSaysNothingAreLeftOutOfTheShapes(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
    assertThat(DataFingerprint.of(List.of(text)).shapes()).isNull();
    assertThat(new DataFingerprint(List.of(), "in-memory").shapes()).isNull();
  }

  private static Mat colour(int w, int h, int type) {
    Mat m = new Mat(h, w, type, new Scalar(30, 120, 200, 255));
    byte[] first = new byte[m.channels()];
    first[0] = (byte) 250;
    m.put(0, 0, first);
    return m;
  }
}
