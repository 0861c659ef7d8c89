package sgsf.ui.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.data.Split;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.infer.Evaluator;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.PixelHistogram;
import sgsf.engine.metrics.ThresholdCalibrator;
import sgsf.engine.metrics.ThresholdExplorer;
import sgsf.engine.metrics.ThresholdPolicy;
import sgsf.engine.metrics.ThresholdRule;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.UndefinedMetricException;

/**
 * Runs a model over a list of images, then prepares the threshold explorer and the starting
 * thresholds. Labelled images go through the engine's {@link Evaluator} (so the GUI's numbers are
 * those of {@code sgsf eval}); images without ground truth (a plain folder) through the {@link
 * Predictor} in batches. Plain Java: the Evaluate view runs it on a background thread; cancellation
 * is polled between batches.
 */
public final class EvaluationJob {
  /** Miss-rate target of the OK threshold when a review band is calibrated here. */
  public static final double DEFAULT_MISS_RATE = 0.05;

  /** False-reject target of the NG threshold when a review band is calibrated here. */
  public static final double DEFAULT_FALSE_REJECT_RATE = 0.05;

  /** Progress in images. */
  public interface Progress {
    void update(int done, int total);
  }

  private EvaluationJob() {}

  /**
   * Evaluates the targets.
   *
   * @throws CancellationException when {@code cancelled} turns true
   * @throws IllegalArgumentException when no image could be read (the message lists why)
   */
  public static EvaluationResult run(
      LoadedModel model,
      String source,
      List<EvaluationTarget> targets,
      Progress progress,
      BooleanSupplier cancelled) {
    long start = System.nanoTime();
    Predictor predictor = new Predictor(model.model());
    List<Sample> labelled = new ArrayList<>();
    List<EvaluationTarget> unlabelled = new ArrayList<>();
    for (EvaluationTarget t : targets) {
      if (t.defectType() == null) {
        unlabelled.add(t);
      } else {
        labelled.add(new Sample(t.image(), Split.TEST, t.defectType(), t.mask()));
      }
    }
    int total = targets.size();
    List<ImageResult> results = new ArrayList<>(total);
    List<SkippedFile> skipped = new ArrayList<>();
    Evaluator evaluator = new Evaluator(predictor);
    for (int from = 0; from < labelled.size(); from += Predictor.BATCH) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("evaluation cancelled");
      }
      List<Sample> chunk =
          labelled.subList(from, Math.min(labelled.size(), from + Predictor.BATCH));
      Evaluator.Result r;
      // one batch at a time under the lock, so the Neighbours view can use the model in between
      synchronized (model.computeLock()) {
        r = evaluator.evaluate(chunk, null, null);
      }
      skipped.addAll(r.skipped());
      for (int i = 0, k = 0; i < r.images().size(); i++) {
        EvaluatedImage e = r.images().get(i);
        while (!chunk.get(k).image().toString().equals(e.path())) {
          k++;
        }
        Sample s = chunk.get(k);
        FloatImage map = new FloatImage(1, e.height(), e.width(), e.anomalyMap());
        results.add(new ImageResult(s.image(), s.defectType(), s.mask(), e.score(), map, e));
      }
      progress.update(from + chunk.size(), total);
    }
    int done = labelled.size();
    for (int from = 0; from < unlabelled.size(); from += Predictor.BATCH) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("evaluation cancelled");
      }
      List<EvaluationTarget> chunk =
          unlabelled.subList(from, Math.min(unlabelled.size(), from + Predictor.BATCH));
      List<FloatImage> images = new ArrayList<>(chunk.size());
      List<EvaluationTarget> read = new ArrayList<>(chunk.size());
      for (EvaluationTarget t : chunk) {
        try {
          images.add(ImageIo.read(t.image()));
          read.add(t);
        } catch (ImageReadException e) {
          skipped.add(new SkippedFile(t.image(), e.reason()));
        }
      }
      List<Prediction> ps;
      synchronized (model.computeLock()) {
        ps = images.isEmpty() ? List.of() : predictor.predict(images);
      }
      for (int k = 0; k < ps.size(); k++) {
        Prediction p = ps.get(k);
        results.add(new ImageResult(read.get(k).image(), null, null, p.score(), p.map(), null));
      }
      done += chunk.size();
      progress.update(done, total);
    }
    if (results.isEmpty()) {
      throw new IllegalArgumentException(
          "none of the " + total + " images could be read: " + skipped);
    }
    List<EvaluatedImage> evaluated = new ArrayList<>();
    for (ImageResult r : results) {
      if (r.evaluated() != null) {
        evaluated.add(r.evaluated());
      }
    }
    ThresholdExplorer explorer =
        evaluated.isEmpty()
            ? null
            : ThresholdExplorer.build(evaluated, PixelHistogram.DEFAULT_BINS);
    Chosen chosen = chooseThresholds(model, results, evaluated);
    return new EvaluationResult(
        model,
        source,
        results,
        skipped,
        explorer,
        chosen.thresholds,
        chosen.origin,
        (System.nanoTime() - start) / 1e9);
  }

  private record Chosen(Thresholds thresholds, String origin) {}

  /**
   * The model's stored thresholds; else, with good and defective images, a review band (NG above a
   * {@link #DEFAULT_FALSE_REJECT_RATE} false-reject rate on good images, OK below a {@link
   * #DEFAULT_MISS_RATE} miss rate on defective ones) and pixels at F1-max, calibrated on these
   * images; else a 1 % false-reject rate on good images; else 0.5 everywhere.
   */
  private static Chosen chooseThresholds(
      LoadedModel model, List<ImageResult> results, List<EvaluatedImage> evaluated) {
    if (model.thresholds() != null) {
      return new Chosen(model.thresholds(), "stored in the model");
    }
    boolean good = evaluated.stream().anyMatch(e -> !e.defective());
    boolean defective = evaluated.stream().anyMatch(EvaluatedImage::defective);
    if (good && defective) {
      for (ThresholdRule pixel : List.of(ThresholdRule.f1Max(), ThresholdRule.manual(0.5))) {
        try {
          Thresholds t =
              ThresholdCalibrator.calibrate(
                  evaluated,
                  new ThresholdPolicy(
                      ThresholdRule.falseRejectRate(DEFAULT_FALSE_REJECT_RATE),
                      ThresholdRule.missRate(DEFAULT_MISS_RATE),
                      pixel));
          return new Chosen(
              t,
              "review band calibrated on these images (NG above "
                  + Math.round(DEFAULT_FALSE_REJECT_RATE * 100)
                  + " % false rejects, OK below "
                  + Math.round(DEFAULT_MISS_RATE * 100)
                  + " % misses, pixels at F1-max; optimistic: not held out)");
        } catch (UndefinedMetricException e) {
          // no usable pixel ground truth: try the manual pixel threshold
        }
      }
    }
    if (good) {
      try {
        return new Chosen(
            ThresholdCalibrator.calibrate(
                evaluated,
                new ThresholdPolicy(
                    ThresholdRule.falseRejectRate(0.01), null, ThresholdRule.manual(0.5))),
            "1 % false rejects on the good images");
      } catch (UndefinedMetricException e) {
        // fall through to the defaults
      }
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ImageResult r : results) {
      min = Math.min(min, r.score());
      max = Math.max(max, r.score());
    }
    return new Chosen(
        Thresholds.manual(0.5, 0.5, 0.5, Math.min(min, 0.5), Math.max(max, 0.5), 0, 1),
        "defaults (the model has no thresholds and the images no ground truth)");
  }
}
