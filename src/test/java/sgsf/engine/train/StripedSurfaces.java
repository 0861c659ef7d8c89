package sgsf.engine.train;

import java.util.SplittableRandom;
import sgsf.engine.image.FloatImage;

/**
 * Generated striped surfaces (a machined or woven part) and defects that a pixel-intensity rule
 * cannot see: inside an elliptic region the stripes turn by 90 degrees, with the same mean and
 * amplitude, so |x - mean| is distributed alike inside and outside the defect.
 */
final class StripedSurfaces {
  private StripedSurfaces() {}

  /** Stripe period in pixels, about the same on every surface. */
  static final double PERIOD = 6.0;

  private static double stripes(int x, int y, double angle, double phase, double period) {
    double u = x * Math.cos(angle) + y * Math.sin(angle);
    return 0.5 + 0.25 * Math.sin(2 * Math.PI * u / period + phase);
  }

  /** A good surface: near-vertical stripes with a random phase and a little noise. */
  static FloatImage good(int size, long seed) {
    return render(size, seed, false, 0).image();
  }

  /** A surface with a turned-stripes defect, and its mask. */
  static SampleForger.ForgedImage defective(int size, long seed) {
    return render(size, seed, true, 0);
  }

  /**
   * A good surface of one of four products whose stripes run at 0, 45, 90 or 135 degrees ({@code
   * product} 0..3): what is normal depends on the product.
   */
  static FloatImage goodOfProduct(int size, long seed, int product) {
    return render(size, seed, false, product).image();
  }

  /** A surface of {@code product} with a turned-stripes defect (stripes of another product). */
  static SampleForger.ForgedImage defectiveOfProduct(int size, long seed, int product) {
    return render(size, seed, true, product);
  }

  private static SampleForger.ForgedImage render(int size, long seed, boolean defect, int product) {
    SplittableRandom r = new SplittableRandom(seed);
    double angle = Math.toRadians(45 * product - 8 + 16 * r.nextDouble());
    double phase = r.nextDouble() * 2 * Math.PI;
    double period = PERIOD * (0.9 + 0.2 * r.nextDouble());
    double cx = size * (0.25 + 0.5 * r.nextDouble());
    double cy = size * (0.25 + 0.5 * r.nextDouble());
    double rx = size * (0.12 + 0.08 * r.nextDouble());
    double ry = size * (0.12 + 0.08 * r.nextDouble());
    double defectPhase = r.nextDouble() * 2 * Math.PI;
    float[] plane = new float[size * size];
    float[] mask = new float[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double dx = (x - cx) / rx;
        double dy = (y - cy) / ry;
        boolean inside = defect && dx * dx + dy * dy <= 1;
        double v =
            inside
                ? stripes(x, y, angle + Math.PI / 2, defectPhase, period)
                : stripes(x, y, angle, phase, period);
        v += 0.02 * r.nextGaussian();
        plane[y * size + x] = (float) Math.max(0, Math.min(1, v));
        mask[y * size + x] = inside ? 1f : 0f;
      }
    }
    return new SampleForger.ForgedImage(
        new FloatImage(1, size, size, plane).withChannels(3),
        new FloatImage(1, size, size, mask),
        defect);
  }
}
