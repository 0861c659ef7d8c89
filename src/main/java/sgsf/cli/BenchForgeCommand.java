package sgsf.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.data.DatasetException;
import sgsf.engine.forge.ForgeResult;
import sgsf.engine.forge.Forger;
import sgsf.engine.forge.ProceduralTextures;
import sgsf.engine.forge.SaliencyCache;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.image.OpenCv;
import sgsf.io.Json;

/**
 * {@code sgsf bench forge}: forged samples per second on one thread, saliency cached per image as
 * in training. Prints the median of several timed runs after an untimed warm-up.
 */
@Command(
    name = "forge",
    modelTransformer = CommandOption.Adder.class,
    mixinStandardHelpOptions = true,
    description = {
      "Forged samples per second on one thread, saliency cached per image as in",
      "training. Uses --data's train/good images, else generated object and",
      "texture images. Prints every run and the median.",
    })
public final class BenchForgeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  final CommandOption<Integer> size =
      CommandOption.count("--size", "PX", 256, 32, 2048, "Image size (default: ${DEFAULT-VALUE}).");

  @Mixin CliOptions.Strategy strategyOption = new CliOptions.Strategy();

  @Mixin CliOptions.TimedRuns runsOption = new CliOptions.TimedRuns();

  final CommandOption<Integer> samples =
      CommandOption.count(
          "--samples", "N", 300, 1, 1_000_000, "Samples per run (default: ${DEFAULT-VALUE}).");

  final CommandOption<Integer> images =
      CommandOption.count(
          "--images", "N", 16, 1, 10_000, "Distinct normal images (default: ${DEFAULT-VALUE}).");

  final CommandOption<Path> data =
      CommandOption.of(
          Path.class, "--data", "DIR", null, "Dataset whose train/good images to use.");

  final CommandOption<Integer> opencvThreads =
      CommandOption.count(
          "--opencv-threads",
          "N",
          1,
          1,
          256,
          "OpenCV's internal threads (default: ${DEFAULT-VALUE}, as on a training's forging thread).");

  final CommandOption<Integer> warmup =
      CommandOption.count(
          "--warmup",
          "N",
          800,
          0,
          1_000_000,
          "Untimed samples first: JIT, saliency cache and texture pool fill up as early in a"
              + " training run (default: ${DEFAULT-VALUE}).");

  @Mixin CliOptions.Json jsonOption = new CliOptions.Json();

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    int runs = runsOption.count();
    int size = this.size.value();
    int samples = this.samples.value();
    int opencvThreads = this.opencvThreads.value();
    Path data = this.data.value();
    OpenCv.ensureLoaded();
    Core.setNumThreads(opencvThreads);
    List<FloatImage> imgs;
    String origin;
    try {
      if (data != null) {
        imgs = load(ForgeCommand.trainGood(data));
        origin = data.toString();
      } else {
        imgs = synthetic(images.value(), size);
        origin = "generated: half objects on plain backgrounds, half textures";
      }
    } catch (DatasetException | ImageReadException e) {
      stderr.println("error: " + e.getMessage());
      return 1;
    }
    ForgeConfig config = ForgeConfig.defaults().withStrategy(strategyOption.value());
    SaliencyCache cache = new SaliencyCache();
    Forger forger = Forger.create(config, cache, imgs);

    // warm-up: JIT, every image's saliency map into the cache, the procedural texture pool
    long index = 0;
    int warmup = Math.max(imgs.size(), this.warmup.value());
    for (int i = 0; i < warmup; i++, index++) {
      FloatImage a = imgs.get((int) (index % imgs.size()));
      forger.saliency(a, a);
      forger.forge(a, a, index);
    }
    double[] rates = new double[runs];
    double[] cpuRates = new double[runs];
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    boolean cpuTime = mx.isCurrentThreadCpuTimeSupported();
    int notForged = 0;
    double maskSum = 0;
    for (int r = 0; r < runs; r++) {
      long c0 = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < samples; i++, index++) {
        FloatImage a = imgs.get((int) (index % imgs.size()));
        ForgeResult res = forger.forge(a, a, index);
        if (!res.forged()) {
          notForged++;
        }
        maskSum += res.maskFraction();
      }
      double sec = (System.nanoTime() - t0) / 1e9;
      rates[r] = samples / sec;
      cpuRates[r] = cpuTime ? samples / ((mx.getCurrentThreadCpuTime() - c0) / 1e9) : Double.NaN;
    }
    double median = median(rates);
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    int total = runs * samples;
    if (jsonOption.enabled()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("benchmark", "forge");
      o.put("strategy", strategyOption.value().name().toLowerCase(java.util.Locale.ROOT));
      o.put("size", size);
      o.put("images", imgs.size());
      o.put("runs", runs);
      o.put("samples_per_run", samples);
      o.put("opencv_threads", opencvThreads);
      o.put("samples_per_second", round(median));
      o.put("ms_per_sample", round(1000 / median));
      o.put("cpu_samples_per_second", round(median(cpuRates)));
      List<Double> all = new ArrayList<>();
      for (double v : rates) {
        all.add(round(v));
      }
      o.put("runs_samples_per_second", all);
      o.put("not_forged_fraction", round((double) notForged / total));
      o.put("mean_mask_fraction", round(maskSum / total));
      stdout.println(Json.mapper().writeValueAsString(o));
    } else {
      stdout.printf(
          "forge benchmark: %s at %dx%d, %d images (%s); saliency cached, OpenCV threads %d%n",
          strategyOption.value(), size, size, imgs.size(), origin, opencvThreads);
      stdout.printf("warm-up: %d samples (untimed)%n", warmup);
      for (int r = 0; r < runs; r++) {
        stdout.printf(
            "run %d: %d samples, %.1f samples/s (%.1f per CPU second)%n",
            r + 1, samples, rates[r], cpuRates[r]);
      }
      stdout.printf(
          "median: %.1f samples/s (%.2f ms/sample); min %.1f, max %.1f%n",
          median, 1000 / median, sorted[0], sorted[sorted.length - 1]);
      stdout.printf(
          "per CPU-second of the forging thread: %.1f samples (about what an idle core would"
              + " give)%n",
          median(cpuRates));
      stdout.printf(
          "not forged (empty mask after redraws): %.1f %%; mean mask area %.2f %% of the image%n",
          100.0 * notForged / total, 100 * maskSum / total);
    }
    stdout.flush();
    return 0;
  }

  private List<FloatImage> load(List<Path> paths) {
    List<Path> order = new ArrayList<>(paths);
    Collections.shuffle(order, new Random(1));
    List<FloatImage> out = new ArrayList<>();
    for (Path p : order.subList(0, Math.min(images.value(), order.size()))) {
      out.add(ImageIo.resize(ImageIo.read(p, 3), size.value(), size.value()));
    }
    return out;
  }

  /** Half objects (a bright ellipse or hexagon on a dark plain background), half textures. */
  static List<FloatImage> synthetic(int n, int size) {
    OpenCv.ensureLoaded();
    List<FloatImage> out = new ArrayList<>(n);
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        out.add(object(size, rng));
      } else {
        ProceduralTextures.Family f =
            ProceduralTextures.Family.values()[(i / 2) % ProceduralTextures.Family.values().length];
        Mat rgb = ProceduralTextures.generate(f, size, size, rng);
        out.add(ImageIo.fromMat(rgb));
        rgb.release();
      }
    }
    return out;
  }

  private static FloatImage object(int size, SplittableRandom rng) {
    Mat m = new Mat(size, size, CvType.CV_8UC3, Scalar.all(20 + rng.nextInt(30)));
    Point c =
        new Point(size * (0.4 + 0.2 * rng.nextDouble()), size * (0.4 + 0.2 * rng.nextDouble()));
    Scalar bright = new Scalar(150 + rng.nextInt(80), 150 + rng.nextInt(80), 150 + rng.nextInt(80));
    if (rng.nextBoolean()) {
      Imgproc.ellipse(
          m,
          c,
          new Size(size * 0.25, size * 0.15),
          rng.nextDouble() * 180,
          0,
          360,
          bright,
          -1,
          Imgproc.LINE_AA);
    } else {
      Point[] hex = new Point[6];
      double r = size * 0.22;
      double rot = rng.nextDouble();
      for (int k = 0; k < 6; k++) {
        hex[k] =
            new Point(
                c.x + r * Math.cos(rot + k * Math.PI / 3),
                c.y + r * Math.sin(rot + k * Math.PI / 3));
      }
      Imgproc.fillConvexPoly(m, new MatOfPoint(hex), bright, Imgproc.LINE_AA);
      Imgproc.circle(m, c, (int) (r * 0.45), Scalar.all(30), -1, Imgproc.LINE_AA);
    }
    Imgproc.GaussianBlur(m, m, new Size(3, 3), 0);
    FloatImage img = ImageIo.fromMat(m);
    m.release();
    return img;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
