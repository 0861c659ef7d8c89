package sgsf.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import sgsf.engine.image.OpenCv;

class DraemAugmentationTest {

  private static Mat sample() {
    OpenCv.ensureLoaded();
    return ProceduralTextures.generate(
        ProceduralTextures.Family.BLOBS, 64, 64, new SplittableRandom(3));
  }

  private static byte[] bytes(Mat m) {
    byte[] b = new byte[(int) (m.total() * m.channels())];
    m.get(0, 0, b);
    return b;
  }

  @Test
  void threeDistinctAugmentationsAreAppliedDeterministically() {
    for (int s = 0; s < 30; s++) {
      Mat a = sample();
      Mat b = sample();
      List<DraemAugmentation> la = DraemAugmentation.applyRandom(a, 3, new SplittableRandom(s));
      List<DraemAugmentation> lb = DraemAugmentation.applyRandom(b, 3, new SplittableRandom(s));
      assertThat(la).hasSize(3).doesNotHaveDuplicates().isEqualTo(lb);
      assertThat(bytes(a)).isEqualTo(bytes(b));
    }
  }

  @Test
  void everyAugmentationIsEventuallyChosen() {
    java.util.Set<DraemAugmentation> seen = java.util.EnumSet.noneOf(DraemAugmentation.class);
    for (int s = 0; s < 60; s++) {
      seen.addAll(DraemAugmentation.applyRandom(sample(), 3, new SplittableRandom(s)));
    }
    assertThat(seen).containsExactlyInAnyOrder(DraemAugmentation.values());
  }

  @ParameterizedTest
  @EnumSource(DraemAugmentation.class)
  void eachAugmentationKeepsSizeAndTypeAndChangesTheImage(DraemAugmentation aug) {
    boolean changed = false;
    for (int s = 0; s < 10 && !changed; s++) {
      Mat m = sample();
      byte[] before = bytes(m);
      aug.apply(m, new SplittableRandom(s));
      assertThat(m.type()).isEqualTo(CvType.CV_8UC3);
      assertThat(m.rows()).isEqualTo(64);
      assertThat(m.cols()).isEqualTo(64);
      changed = !java.util.Arrays.equals(before, bytes(m));
    }
    assertThat(changed).as(aug + " changed the image for some seed").isTrue();
  }

  @Test
  void invertIsTwoHundredFiftyFiveMinusTheValue() {
    Mat m = sample();
    byte[] before = bytes(m);
    DraemAugmentation.INVERT.apply(m, new SplittableRandom(1));
    byte[] after = bytes(m);
    for (int i = 0; i < before.length; i++) {
      assertThat(after[i] & 0xFF).isEqualTo(255 - (before[i] & 0xFF));
    }
  }

  @Test
  void posterizeKeepsOnlyTheTopBits() {
    for (int s = 0; s < 5; s++) {
      Mat m = sample();
      DraemAugmentation.POSTERIZE.apply(m, new SplittableRandom(s));
      int bits = 1 + new SplittableRandom(s).nextInt(8);
      int lowMask = (1 << (8 - bits)) - 1;
      for (byte v : bytes(m)) {
        assertThat(v & lowMask).isZero();
      }
    }
  }
}
