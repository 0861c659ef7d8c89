package sgsf.ui.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import sgsf.engine.data.PathNames;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.data.Split;
import sgsf.engine.image.FloatImage;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.PixelHistogram;
import sgsf.engine.metrics.ThresholdExplorer;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;
import sgsf.workflow.EvaluationWorkflow;
import sgsf.workflow.InferenceWorkflow;
import sgsf.workflow.ThresholdChoice;

/**
 * Runs a model over a list of images, then prepares the threshold explorer and the starting
 * thresholds ({@link ThresholdChoice}, the policy {@code sgsf eval} applies too). Labelled images
 * go through {@link EvaluationWorkflow} (so the GUI's numbers are those of {@code sgsf eval});
 * images without ground truth (a plain folder) through the {@link Predictor} in batches. Plain
 * Java: the Evaluate view runs it on a background thread; cancellation is polled between batches.
 */
public final class EvaluationJob {
  private EvaluationJob() {}

  /**
   * Evaluates the targets.
   *
   * @throws CancellationException when {@code cancellation} is cancelled
   * @throws IllegalArgumentException when no image could be read (the message lists why)
   */
  public static EvaluationResult run(
      LoadedModel model,
      String source,
      List<EvaluationTarget> targets,
      ProgressListener progress,
      CancellationToken cancellation) {
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
    Map<String, Sample> byPath = new HashMap<>();
    for (Sample s : labelled) {
      byPath.put(PathNames.lossless(s.image()), s);
    }
    EvaluationWorkflow.Evaluated ev =
        EvaluationWorkflow.evaluate(
            predictor,
            labelled,
            model.computeLock(),
            (d, t) -> progress.update(d, total),
            cancellation);
    skipped.addAll(ev.skipped());
    for (EvaluatedImage e : ev.images()) {
      Sample s = byPath.get(e.path());
      FloatImage map = new FloatImage(1, e.height(), e.width(), e.anomalyMap());
      results.add(
          new ImageResult(
              s.image(), s.defectType(), s.mask(), e.score(), map, e, ev.warningsOf(e.path())));
    }
    int offset = labelled.size();
    List<Path> files = unlabelled.stream().map(EvaluationTarget::image).toList();
    try {
      skipped.addAll(
          InferenceWorkflow.predict(
              predictor,
              files,
              model.computeLock(),
              (d, t) -> progress.update(offset + d, total),
              cancellation,
              (file, image, p, warnings) ->
                  results.add(
                      new ImageResult(file, null, null, p.score(), p.map(), null, warnings))));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the sink above does no I/O
    }
    if (results.isEmpty()) {
      throw new IllegalArgumentException(
          "none of the " + total + " images could be read: " + skipped);
    }
    return assemble(model, source, results, skipped, (System.nanoTime() - start) / 1e9);
  }

  /**
   * An evaluation from its per-image results: the threshold explorer over the labelled images and
   * the starting thresholds ({@link ThresholdChoice}), as a run makes them; a restored evaluation
   * ({@link EvaluationArchive}) is assembled the same way.
   */
  static EvaluationResult assemble(
      LoadedModel model,
      String source,
      List<ImageResult> results,
      List<SkippedFile> skipped,
      double seconds) {
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
    double[] scores = new double[results.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = results.get(i).score();
    }
    ThresholdChoice chosen = ThresholdChoice.choose(model.thresholds(), evaluated, scores);
    return new EvaluationResult(
        model, source, results, skipped, explorer, chosen.thresholds(), chosen.origin(), seconds);
  }
}
