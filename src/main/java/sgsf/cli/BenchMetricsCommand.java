package sgsf.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sgsf.engine.image.OpenCv;
import sgsf.engine.metrics.BinnedCurveMetrics;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.Metric;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.ThresholdExplorer;
import sgsf.engine.metrics.ThresholdView;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.Json;

/**
 * {@code sgsf bench metrics}: how long a threshold change takes to update every threshold-dependent
 * number (image verdicts and confusion metrics, pixel confusion metrics and IoU, per defect type)
 * over many anomaly maps, with the binned {@link ThresholdExplorer}. Target: at most 20 ms per
 * update for 1,000 maps of 256x256. Synthetic maps: smooth noise through a sigmoid, half of them
 * with elliptic defects of two types. Prints the median of the timed updates after an untimed
 * warm-up.
 */
@Command(
    name = "metrics",
    modelTransformer = CommandOption.Adder.class,
    mixinStandardHelpOptions = true,
    description = {
      "Time a threshold change over many anomaly maps (binned pixel metrics; target <= 20 ms).",
      "Synthetic maps; --exact also times the exact evaluation and checks the binned error bounds."
    })
public final class BenchMetricsCommand implements Callable<Integer> {
  /** The speed target per threshold update. */
  static final double TARGET_MS = 20;

  @Spec CommandSpec spec;

  final CommandOption<Integer> maps =
      CommandOption.count("--maps", "N", 1000, "Anomaly maps (default: ${DEFAULT-VALUE}).");

  final CommandOption<Integer> size =
      CommandOption.count("--size", "PX", 256, "Map width and height (default: ${DEFAULT-VALUE}).");

  final CommandOption<Integer> bins =
      CommandOption.count(
          "--bins", "N", 65536, "Histogram bins, a power of two (default: ${DEFAULT-VALUE}).");

  final CommandOption<Integer> runs =
      CommandOption.count(
          "--runs", "N", 101, "Timed threshold updates (default: ${DEFAULT-VALUE}).");

  final CommandOption<Long> seed =
      CommandOption.of(Long.class, "--seed", "N", "1", "Random seed (default: ${DEFAULT-VALUE}).");

  @Option(
      names = "--exact",
      description = "Also time the exact evaluation and compare binned with exact metrics.")
  boolean exact;

  @Mixin CliOptions.Json jsonOption = new CliOptions.Json();

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int maps = this.maps.value();
    int size = this.size.value();
    int bins = this.bins.value();
    int runs = this.runs.value();
    long seed = this.seed.value();
    if (maps < 1 || size < 8 || runs < 1) {
      err.println("bench metrics: --maps >= 1, --size >= 8 and --runs >= 1 are required");
      return 2;
    }
    if (bins < 2 || Integer.bitCount(bins) != 1) {
      err.println("bench metrics: --bins must be a power of two, got " + bins);
      return 2;
    }
    long t0 = System.nanoTime();
    List<EvaluatedImage> images = synthetic(maps, size, seed);
    double generateMs = ms(System.nanoTime() - t0);

    t0 = System.nanoTime();
    ThresholdExplorer explorer = ThresholdExplorer.build(images, bins);
    double buildMs = ms(System.nanoTime() - t0);

    Random rnd = new Random(seed + 1);
    double sink = 0;
    for (int i = 0; i < 200; i++) {
      sink += update(explorer, rnd);
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      sink += update(explorer, rnd);
      times[i] = ms(System.nanoTime() - s);
    }
    Arrays.sort(times);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "metrics");
    result.put("maps", maps);
    result.put("size", size);
    result.put("pixels", (long) maps * size * size);
    result.put("bins", bins);
    result.put("runs", runs);
    result.put("generate_ms", round(generateMs));
    result.put("build_ms", round(buildMs));
    result.put("update_ms_median", round(times[runs / 2]));
    result.put("update_ms_p95", round(times[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)]));
    result.put("update_ms_max", round(times[runs - 1]));
    result.put("target_ms", TARGET_MS);
    result.put("meets_target", times[runs / 2] <= TARGET_MS);
    BinnedCurveMetrics binned = explorer.pixelCurves();
    result.put("pixel_auroc_binned", binned.metrics().auroc().orElse(-1));
    result.put("pixel_auroc_bound", binned.aurocErrorBound());
    result.put("pixel_ap_binned", binned.metrics().averagePrecision().orElse(-1));
    result.put("pixel_ap_bound", binned.apErrorBound());
    result.put("aupro_binned", binned.metrics().aupro().orElse(-1));
    result.put("aupro_bound", binned.auproErrorBound());
    if (exact) {
      t0 = System.nanoTime();
      MetricsSummary s =
          MetricsSummary.compute(images, Thresholds.manual(0.5, 0.5, 0.5, 0, 1, 0, 1));
      result.put("exact_evaluation_ms", round(ms(System.nanoTime() - t0)));
      Metric auroc = s.pixel().curves().auroc();
      Metric ap = s.pixel().curves().averagePrecision();
      Metric aupro = s.pixel().curves().aupro();
      result.put("pixel_auroc_exact", auroc.orElse(-1));
      result.put("pixel_ap_exact", ap.orElse(-1));
      result.put("aupro_exact", aupro.orElse(-1));
      result.put(
          "binned_within_bounds",
          Math.abs(auroc.value() - binned.metrics().auroc().value())
                  <= binned.aurocErrorBound() + 1e-12
              && Math.abs(ap.value() - binned.metrics().averagePrecision().value())
                  <= binned.apErrorBound() + 1e-12
              && Math.abs(aupro.value() - binned.metrics().aupro().value())
                  <= binned.auproErrorBound() + 1e-12);
    }
    if (sink == 42.4242) {
      result.put("sink", sink); // keeps the JIT from discarding the updates
    }
    if (jsonOption.enabled()) {
      out.println(Json.mapper().writeValueAsString(result));
    } else {
      out.printf(
          Locale.ROOT,
          "threshold update over %d maps of %dx%d (%d bins): median %.3f ms, p95 %.3f ms, max %.3f"
              + " ms (%d runs; target <= %.0f ms: %s)%n",
          maps,
          size,
          size,
          bins,
          times[runs / 2],
          (double) result.get("update_ms_p95"),
          times[runs - 1],
          runs,
          TARGET_MS,
          (boolean) result.get("meets_target") ? "met" : "MISSED");
      out.printf(
          Locale.ROOT,
          "histogram build %.0f ms (maps generated in %.0f ms)%n",
          buildMs,
          generateMs);
      out.printf(
          Locale.ROOT,
          "binned pixel AUROC %.6f (+-%.2g), AP %.6f (+-%.2g), AUPRO %.6f (+-%.2g)%n",
          binned.metrics().auroc().orElse(-1),
          binned.aurocErrorBound(),
          binned.metrics().averagePrecision().orElse(-1),
          binned.apErrorBound(),
          binned.metrics().aupro().orElse(-1),
          binned.auproErrorBound());
      if (exact) {
        out.printf(
            Locale.ROOT,
            "exact evaluation %.0f ms: pixel AUROC %.6f, AP %.6f, AUPRO %.6f; binned within bounds: %s%n",
            (double) result.get("exact_evaluation_ms"),
            (double) result.get("pixel_auroc_exact"),
            (double) result.get("pixel_ap_exact"),
            (double) result.get("aupro_exact"),
            result.get("binned_within_bounds"));
      }
    }
    out.flush();
    return 0;
  }

  /** One slider move: new thresholds, then every derived number the GUI shows. */
  private static double update(ThresholdExplorer explorer, Random rnd) {
    double a = rnd.nextDouble();
    double b = rnd.nextDouble();
    ThresholdView v = explorer.at(Math.min(a, b), Math.max(a, b), rnd.nextDouble());
    double s = v.imageAtNg().tpr().orElse(0) + v.imageAtNg().tnr().orElse(0);
    s += v.imageAtNg().precision().orElse(0) + v.imageAtNg().accuracy().orElse(0);
    s += v.imageAtNg().mAcc().orElse(0) + v.imageAtReview().mAcc().orElse(0);
    s += v.review().review();
    s += v.pixel().counts().iou().orElse(0) + v.pixel().counts().tpr().orElse(0);
    s += v.pixel().counts().tnr().orElse(0) + v.pixel().counts().precision().orElse(0);
    s += v.pixel().counts().accuracy().orElse(0) + v.pixel().counts().mAcc().orElse(0);
    for (ThresholdView.TypeView t : v.perType()) {
      s += t.ng() + t.pixel().counts().iou().orElse(0) + t.pixel().counts().tpr().orElse(0);
    }
    return s;
  }

  /**
   * Smooth sigmoid maps: Gaussian-blurred noise; every second map carries an elliptic defect (types
   * "blob" and "streak") that raises the scores inside it.
   */
  static List<EvaluatedImage> synthetic(int count, int size, long seed) {
    OpenCv.ensureLoaded();
    Core.setRNGSeed((int) seed);
    Random rnd = new Random(seed);
    List<EvaluatedImage> list = new ArrayList<>(count);
    Mat noise = new Mat(size, size, CvType.CV_32FC1);
    Mat mask = new Mat();
    Mat maskF = new Mat();
    Mat logits = new Mat();
    Mat e = new Mat();
    Mat map = new Mat();
    for (int i = 0; i < count; i++) {
      Core.randn(noise, 0, 1);
      Imgproc.GaussianBlur(noise, noise, new Size(0, 0), 2.0);
      Core.multiply(noise, new Scalar(6), logits);
      Core.add(logits, new Scalar(-3), logits);
      mask = Mat.zeros(size, size, CvType.CV_8UC1);
      boolean defective = i % 2 == 1;
      String type = "good";
      if (defective) {
        boolean streak = i % 4 == 3;
        type = streak ? "streak" : "blob";
        Point c = new Point(rnd.nextInt(size), rnd.nextInt(size));
        Size axes =
            streak
                ? new Size(size / 6.0, 1 + size / 64.0)
                : new Size(2 + rnd.nextInt(size / 12 + 1), 2 + rnd.nextInt(size / 12 + 1));
        Imgproc.ellipse(mask, c, axes, rnd.nextInt(180), 0, 360, new Scalar(1), -1);
        mask.convertTo(maskF, CvType.CV_32FC1, 3.5 + rnd.nextGaussian());
        Core.add(logits, maskF, logits);
      }
      Core.multiply(logits, new Scalar(-1), e);
      Core.exp(e, e);
      Core.add(e, new Scalar(1), e);
      Core.divide(1.0, e, map);
      float[] scores = new float[size * size];
      map.get(0, 0, scores);
      byte[] gt = null;
      if (defective) {
        gt = new byte[size * size];
        mask.get(0, 0, gt);
      }
      Core.MinMaxLocResult mm = Core.minMaxLoc(map);
      list.add(
          new EvaluatedImage(
              "synthetic/" + type + "/" + i + ".png",
              type,
              defective ? 1 : 0,
              mm.maxVal,
              size,
              size,
              scores,
              gt));
      mask.release();
    }
    noise.release();
    maskF.release();
    logits.release();
    e.release();
    map.release();
    return list;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
