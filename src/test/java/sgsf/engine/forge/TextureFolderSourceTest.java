package sgsf.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.ImageIo;

class TextureFolderSourceTest {
  @TempDir Path dir;

  @Test
  void drawsFromReadableImagesAndReportsTheUnreadableOnes() throws Exception {
    Files.createDirectories(dir.resolve("banded"));
    ImageIo.writePng(ForgeFixtures.colourImage(40, 1), dir.resolve("banded/a.png"));
    ImageIo.writePng(ForgeFixtures.textureImage(50, 2).channel(0), dir.resolve("grey.png"));
    Files.write(dir.resolve("broken.jpg"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Files.write(dir.resolve("empty.png"), new byte[0]);
    Files.writeString(dir.resolve("notes.txt"), "not an image");
    TextureFolderSource src = new TextureFolderSource(dir);
    assertThat(src.files()).hasSize(4);
    for (int s = 0; s < 30; s++) {
      AuxiliarySource.AuxiliaryImage b = src.next(32, 24, new SplittableRandom(s));
      assertThat(b.rgb().rows()).isEqualTo(32);
      assertThat(b.rgb().cols()).isEqualTo(24);
      assertThat(b.rgb().channels()).isEqualTo(3);
      assertThat(b.description()).matches("texture: (banded/a.png|grey.png)");
    }
    assertThat(src.skipped())
        .extracting(SkippedFile::path)
        .containsExactlyInAnyOrder(dir.resolve("broken.jpg"), dir.resolve("empty.png"));
    assertThat(src.skipped()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
  }

  @Test
  void theChoiceDependsOnTheSeedNotOnWhichBadFilesWereFoundBefore() throws Exception {
    ImageIo.writePng(ForgeFixtures.colourImage(40, 1), dir.resolve("b.png"));
    Files.write(dir.resolve("a.png"), new byte[] {9, 9, 9});
    ImageIo.writePng(ForgeFixtures.colourImage(40, 2), dir.resolve("c.png"));
    TextureFolderSource fresh = new TextureFolderSource(dir);
    TextureFolderSource used = new TextureFolderSource(dir);
    for (int s = 0; s < 10; s++) {
      used.next(16, 16, new SplittableRandom(100 + s)).rgb().release();
    }
    for (int s = 0; s < 10; s++) {
      assertThat(fresh.next(16, 16, new SplittableRandom(s)).description())
          .isEqualTo(used.next(16, 16, new SplittableRandom(s)).description());
    }
  }

  @Test
  void aFolderWithoutImagesIsAnErrorNamingIt() throws Exception {
    Files.writeString(dir.resolve("readme.txt"), "x");
    assertThatThrownBy(() -> new TextureFolderSource(dir))
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("no image files");
    assertThatThrownBy(() -> new TextureFolderSource(dir.resolve("missing")))
        .hasMessageContaining("missing")
        .hasMessageContaining("does not exist");
  }

  @Test
  void aFolderOfOnlyUnreadableImagesFailsWithTheFirstReason() throws Exception {
    Files.write(dir.resolve("x.png"), new byte[] {1, 2, 3});
    TextureFolderSource src = new TextureFolderSource(dir);
    assertThatThrownBy(() -> src.next(8, 8, new SplittableRandom(1)))
        .hasMessageContaining("none of the 1 image files could be read")
        .hasMessageContaining("x.png");
  }
}
