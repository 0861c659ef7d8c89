package sgsf.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.image.FloatImage;

/**
 * What a forged training sample teaches: every forgery labelled defective changes the image visibly
 * under its mask, and no pasted B carries the black wedges an unfilled rotation leaves. On the
 * forging of commit dc112e6 about 6 % of SAM forgeries changed the image by less than 0.03 under
 * the mask, and about 6 % pasted black wedges.
 */
class ForgeryQualityTest {
  static {
    sgsf.engine.image.OpenCv.ensureLoaded();
  }

  private static final int N = 128;

  /** A grey tile-like texture: mid-grey with fine noise, so S = 1 by the texture rule. */
  private static FloatImage tile(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[N * N];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (0.45 + 0.05 * r.nextGaussian());
    }
    return new FloatImage(1, N, N, d).withChannels(3);
  }

  @Test
  void everyForgeryChangesTheImageVisiblyUnderItsMask() {
    ForgeConfig c = ForgeConfig.defaults();
    SamStrategy sam = new SamStrategy(c, new ProceduralTextures(c.seed(), 16));
    int forged = 0;
    int invisible = 0;
    for (int seed = 0; seed < 300; seed++) {
      FloatImage a = tile(seed);
      ForgeResult r = sam.forge(a, Saliency.compute(a, c), new SplittableRandom(seed));
      if (!r.forged()) {
        continue;
      }
      forged++;
      float[] m = r.mask().data();
      float[] in = a.data();
      float[] out = r.image().data();
      int plane = N * N;
      double change = 0;
      int masked = 0;
      for (int i = 0; i < plane; i++) {
        if (m[i] > 0.5f) {
          masked++;
          for (int ch = 0; ch < 3; ch++) {
            change += Math.abs(out[ch * plane + i] - in[ch * plane + i]);
          }
        }
      }
      if (change / (3.0 * masked) < 0.03) {
        invisible++;
      }
    }
    assertThat(forged).as("forged of 300").isGreaterThan(250);
    assertThat(invisible).as("forgeries changing less than 0.03 under their mask").isZero();
  }

  @Test
  void aRotatedTextureFillsItsCornersFromItself() {
    for (int seed = 0; seed < 20; seed++) {
      org.opencv.core.Mat bright =
          new org.opencv.core.Mat(
              64, 64, org.opencv.core.CvType.CV_8UC3, new org.opencv.core.Scalar(200, 180, 160));
      DraemAugmentation.ROTATE.apply(bright, new SplittableRandom(seed));
      org.opencv.core.Mat grey = new org.opencv.core.Mat();
      org.opencv.imgproc.Imgproc.cvtColor(bright, grey, org.opencv.imgproc.Imgproc.COLOR_RGB2GRAY);
      // DRAEM's rotation left black corners (value 0) for any angle but 0
      assertThat(org.opencv.core.Core.minMaxLoc(grey).minVal)
          .as("seed %d", seed)
          .isGreaterThan(100);
      bright.release();
      grey.release();
    }
  }
}
