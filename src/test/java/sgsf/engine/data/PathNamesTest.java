package sgsf.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names as lossless text: distinct files give distinct text, and the text opens the same file. */
class PathNamesTest {
  @TempDir Path dir;

  /** A file whose name holds the raw bytes of {@code escapedName} (%NN per byte, as in a URI). */
  private Path rawName(String escapedName) throws Exception {
    Path p = Path.of(new URI(dir.toUri() + escapedName));
    Files.writeString(p, escapedName);
    return p;
  }

  @Test
  void namesThatAreNotUtf8RoundTripAndStayDistinct() throws Exception {
    assumeTrue(dir.getFileSystem().getSeparator().equals("/"), "names are escaped on / only");
    List<Path> files;
    try {
      files =
          List.of(
              rawName("bad%FF.png"),
              rawName("bad%FE.png"),
              // a valid name that reads like an escape: must not collide with bad\xFF.png
              rawName("bad%5CxFF.png"),
              rawName("back%5Cslash.png"),
              rawName("ok-%C3%A9.png"));
    } catch (java.nio.file.InvalidPathException | java.io.IOException e) {
      assumeTrue(false, "this file system refuses such names: " + e.getMessage());
      return;
    }
    Set<String> texts = new HashSet<>();
    for (Path f : files) {
      String text = PathNames.lossless(f);
      assertThat(texts.add(text)).as(text).isTrue();
      assertThat(text).doesNotContain("\uFFFD");
      Path back = PathNames.path(text);
      assertThat(Files.readString(back)).as(text).isEqualTo(Files.readString(f));
      assertThat(Files.isSameFile(back, f)).isTrue();
    }
    assertThat(PathNames.lossless(files.get(0))).endsWith("bad\\xFF.png");
    assertThat(PathNames.lossless(files.get(2))).endsWith("bad\\\\xFF.png");
    assertThat(PathNames.lossless(files.get(4))).endsWith("ok-é.png");
    // relative paths round-trip as relative paths
    Path relative = dir.relativize(files.get(0));
    assertThat(PathNames.lossless(relative)).isEqualTo("bad\\xFF.png");
    assertThat(PathNames.path(PathNames.lossless(relative)).isAbsolute()).isFalse();
  }

  @Test
  void plainNamesAreUnchanged() {
    Path p = Path.of("lot 7", "part1.png");
    assertThat(PathNames.lossless(p)).isEqualTo(p.toString());
    assertThat(PathNames.path(p.toString())).isEqualTo(p);
  }
}
