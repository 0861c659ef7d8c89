package sgsf.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sgsf.engine.image.FloatImage;

/** Generated good surfaces and planted rectangular defects for training tests. */
public final class SyntheticSurfaces {
  private SyntheticSurfaces() {}

  /** A smooth periodic grey surface with mild noise, replicated to 3 channels. */
  public static FloatImage surface(int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double fx = 0.2 + r.nextDouble() * 0.1;
    double fy = 0.2 + r.nextDouble() * 0.1;
    double px = r.nextDouble() * 6.28;
    double py = r.nextDouble() * 6.28;
    float[] plane = new float[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double v =
            0.5 + 0.12 * Math.sin(fx * x + px) * Math.sin(fy * y + py) + 0.02 * r.nextGaussian();
        plane[y * size + x] = (float) Math.max(0, Math.min(1, v));
      }
    }
    return new FloatImage(1, size, size, plane).withChannels(3);
  }

  /** Plants a rectangle brighter or darker than its surroundings; returns image and mask. */
  public static SampleForger.ForgedImage plantDefect(FloatImage good, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int s = good.height();
    int w = s / 8 + r.nextInt(s / 4);
    int h = s / 8 + r.nextInt(s / 4);
    int x0 = r.nextInt(s - w);
    int y0 = r.nextInt(s - h);
    float delta = (r.nextBoolean() ? 1 : -1) * (0.25f + 0.15f * (float) r.nextDouble());
    FloatImage img = good.copy();
    FloatImage mask = FloatImage.zeros(1, s, s);
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        mask.set(0, y, x, 1f);
        for (int c = 0; c < 3; c++) {
          img.set(c, y, x, Math.max(0f, Math.min(1f, img.get(c, y, x) + delta)));
        }
      }
    }
    return new SampleForger.ForgedImage(img, mask, true);
  }

  /** A forger planting rectangles, 3 forged : 1 good per batch. */
  public static SampleForger rectangleForger() {
    return new SampleForger() {
      @Override
      public ForgedImage forgeAnomaly(FloatImage source, int sourceIndex, long seed) {
        return plantDefect(source, seed);
      }

      @Override
      public double forgeProbability() {
        return 0.75;
      }

      @Override
      public String describe() {
        return "test rectangles";
      }
    };
  }

  public static TrainingData goodSet(int count, int size, long seed) {
    List<String> ids = new ArrayList<>();
    List<FloatImage> imgs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add("good-" + i);
      imgs.add(surface(size, seed + i));
    }
    return TrainingData.of(ids, imgs);
  }
}
