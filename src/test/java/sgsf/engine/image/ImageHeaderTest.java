package sgsf.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header probe reads the size OpenCV decodes, for every format the workbench reads. */
class ImageHeaderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpg", "bmp", "tif"})
  void theHeaderDeclaresTheDecodedSize(String ext) throws Exception {
    Path f = HostileImagesTest.gradient(dir.resolve("a." + ext), 37, 23);
    byte[] bytes = Files.readAllBytes(f);
    ImageHeader h = ImageHeader.probe(bytes);
    assertThat(h).isNotNull();
    assertThat(h.width()).isEqualTo(37);
    assertThat(h.height()).isEqualTo(23);
    assertThat(h.channels()).isEqualTo(3);
    assertThat(ImageHeader.probe(Arrays.copyOf(bytes, 10))).isNull();
  }
}
