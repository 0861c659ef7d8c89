package sgsf.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.OpenCv;

class ProceduralTexturesTest {

  private static byte[] bytes(Mat m) {
    byte[] b = new byte[(int) (m.total() * m.channels())];
    m.get(0, 0, b);
    return b;
  }

  @ParameterizedTest
  @EnumSource(ProceduralTextures.Family.class)
  void everyFamilyIsDeterministicColouredAndNotFlat(ProceduralTextures.Family family) {
    OpenCv.ensureLoaded();
    for (int seed = 0; seed < 5; seed++) {
      Mat a = ProceduralTextures.generate(family, 80, 96, new SplittableRandom(seed));
      Mat b = ProceduralTextures.generate(family, 80, 96, new SplittableRandom(seed));
      assertThat(a.type()).isEqualTo(CvType.CV_8UC3);
      assertThat(a.rows()).isEqualTo(80);
      assertThat(a.cols()).isEqualTo(96);
      assertThat(bytes(a)).isEqualTo(bytes(b));
      Mat grey = new Mat();
      Imgproc.cvtColor(a, grey, Imgproc.COLOR_RGB2GRAY);
      MatOfDouble mean = new MatOfDouble();
      MatOfDouble std = new MatOfDouble();
      Core.meanStdDev(grey, mean, std);
      assertThat(std.get(0, 0)[0]).as("%s seed %d", family, seed).isGreaterThan(4);
    }
  }

  @Test
  void aDrawDependsOnlyOnItsSeedNotOnEarlierDraws() {
    ProceduralTextures fresh = new ProceduralTextures(9, 32);
    ProceduralTextures used = new ProceduralTextures(9, 32);
    for (int s = 0; s < 20; s++) {
      used.next(64, 64, new SplittableRandom(1000 + s)).rgb().release();
    }
    AuxiliarySource.AuxiliaryImage x = fresh.next(64, 64, new SplittableRandom(5));
    AuxiliarySource.AuxiliaryImage y = used.next(64, 64, new SplittableRandom(5));
    assertThat(x.description()).isEqualTo(y.description());
    assertThat(bytes(x.rgb())).isEqualTo(bytes(y.rgb()));
    AuxiliarySource.AuxiliaryImage other =
        new ProceduralTextures(10, 32).next(64, 64, new SplittableRandom(5));
    assertThat(bytes(other.rgb())).isNotEqualTo(bytes(x.rgb()));
  }

  @Test
  void drawsCoverSeveralFamilies() {
    ProceduralTextures t = new ProceduralTextures(1);
    java.util.Set<String> families = new java.util.HashSet<>();
    for (int s = 0; s < 60; s++) {
      String d = t.next(32, 32, new SplittableRandom(s)).description();
      families.add(d.substring(d.indexOf(": ") + 2));
    }
    assertThat(families).hasSize(ProceduralTextures.Family.values().length);
  }
}
