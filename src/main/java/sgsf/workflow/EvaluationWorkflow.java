package sgsf.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.infer.Evaluator;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * Evaluates a model on labelled images, the step {@code sgsf eval} and the Evaluate view share: the
 * engine's {@link Evaluator} run one batch of {@link Predictor#BATCH} images at a time, so that a
 * caller can cancel between batches and let other work use the model in between (the {@code lock}
 * is held for one batch only).
 */
public final class EvaluationWorkflow {
  private EvaluationWorkflow() {}

  /**
   * The evaluated images in input order (unreadable ones left out) and the skipped files.
   *
   * @param images evaluated images, each with its anomaly map and (where known) ground truth
   * @param skipped files that could not be read, with the reason
   * @param warnings per image path, why its score may mislead ({@link
   *     sgsf.engine.infer.ImageWarnings}); images without a warning are left out
   */
  public record Evaluated(
      List<EvaluatedImage> images, List<SkippedFile> skipped, Map<String, List<String>> warnings) {
    public Evaluated {
      images = List.copyOf(images);
      skipped = List.copyOf(skipped);
      warnings = Map.copyOf(warnings);
    }

    /** The warnings of one image (by its {@link EvaluatedImage#path()}), empty when none. */
    public List<String> warningsOf(String path) {
      return warnings.getOrDefault(path, List.of());
    }
  }

  /**
   * Evaluates the samples.
   *
   * @param lock held while one batch runs through the model, or {@code null}
   * @param progress told after each batch
   * @param cancellation polled before each batch
   * @throws CancellationException when {@code cancellation} is cancelled
   */
  public static Evaluated evaluate(
      Predictor predictor,
      List<Sample> samples,
      Object lock,
      ProgressListener progress,
      CancellationToken cancellation) {
    Evaluator evaluator = new Evaluator(predictor);
    List<EvaluatedImage> images = new ArrayList<>(samples.size());
    List<SkippedFile> skipped = new ArrayList<>();
    Map<String, List<String>> warnings = new LinkedHashMap<>();
    for (int from = 0; from < samples.size(); from += Predictor.BATCH) {
      cancellation.throwIfCancelled("evaluation");
      List<Sample> chunk = samples.subList(from, Math.min(samples.size(), from + Predictor.BATCH));
      Evaluator.Result r;
      if (lock == null) {
        r = evaluator.evaluate(chunk, ProgressListener.NONE, CancellationToken.none());
      } else {
        synchronized (lock) {
          r = evaluator.evaluate(chunk, ProgressListener.NONE, CancellationToken.none());
        }
      }
      images.addAll(r.images());
      skipped.addAll(r.skipped());
      warnings.putAll(r.warnings());
      progress.update(from + chunk.size(), samples.size());
    }
    return new Evaluated(images, skipped, warnings);
  }
}
