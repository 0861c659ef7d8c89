package sgsf.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.io.AtomicFiles;

class SvgChartsTest {
  @TempDir Path dir;

  @Test
  void polylinesKeepCornersAndDropInvisiblePoints() {
    // A staircase: (0,0) (0,1) (0,2) (10,2) (20,2) (20,3) (20.1,3.1) (30,3)
    double[] xs = {0, 0, 0, 10, 20, 20, 20.1, 30};
    double[] ys = {0, 1, 2, 2, 2, 3, 3.1, 3};
    int n = SvgCharts.simplify(xs, ys);
    // vertical run 0..2 merged, horizontal run 0..20 merged, the 0.1-px wiggle dropped
    assertThat(n).isEqualTo(5);
    assertThat(new double[] {xs[0], xs[1], xs[2], xs[3], xs[4]}).containsExactly(0, 0, 20, 20, 30);
    assertThat(new double[] {ys[0], ys[1], ys[2], ys[3], ys[4]}).containsExactly(0, 2, 2, 3, 3);
  }

  @Test
  void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(SvgCharts.niceStep(0.13)).isEqualTo(0.2);
    assertThat(SvgCharts.niceStep(0.04)).isEqualTo(0.05);
    assertThat(SvgCharts.niceStep(7)).isEqualTo(10);
    assertThat(SvgCharts.niceStep(1)).isEqualTo(1);
  }

  @Test
  void histogramDrawsBothClassesAndTheThresholdMarkers() {
    String svg =
        SvgCharts.histogram(
            "h",
            "score",
            new double[] {0.1, 0.2, 0.2},
            new double[] {0.8},
            List.of(new SvgCharts.Marker("NG from", "#000000", 0.5, false)));
    assertThat(svg).contains("good (3)", "defective (1)", ">NG from<", "fill=\"#d62728\"");
  }

  @Test
  void atomicWritesLeaveNoTempFileAndNormalPermissions() throws Exception {
    Path f = dir.resolve("sub/out.txt");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertThat(Files.readString(f)).isEqualTo("two");
    try (var files = Files.list(f.getParent())) {
      assertThat(files).containsExactly(f);
    }
    if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
      // the permissions of any plainly created file (umask), not Files.createTempFile's 0600
      Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
      assertThat(Files.getPosixFilePermissions(f))
          .isEqualTo(Files.getPosixFilePermissions(plain))
          .contains(PosixFilePermission.OWNER_READ);
    }
  }
}
