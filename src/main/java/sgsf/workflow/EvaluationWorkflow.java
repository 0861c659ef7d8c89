package sgsf.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.infer.Evaluator;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;
import sgsf.io.report.EvaluationReportWriter;

/**
 * Evaluates a model on labelled images, the step {@code sgsf eval} and the Evaluate view share: the
 * engine's {@link Evaluator} run one batch of {@link Predictor#BATCH} images at a time, so that a
 * caller can cancel between batches and let other work use the model in between (the {@code lock}
 * is held for one batch only); and writes the evaluation's report (metrics.json, scores.csv,
 * report.html) with one {@link RunInfo}, so that both say the same about the run.
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

  /** The {@code --thresholds} policy of {@code sgsf eval} that the Evaluate view applies too. */
  public static final String THRESHOLDS_FROM_MODEL = "model";

  /** {@link RunInfo#thresholdsFrom()} of thresholds moved by hand in the Evaluate view. */
  public static final String THRESHOLDS_FROM_EVALUATE_VIEW = "set in the Evaluate view";

  /**
   * What a report says about its run: the {@code run} object of metrics.json and the run table of
   * report.html, the same fields from {@code sgsf eval} and from the Evaluate view's export.
   *
   * @param model where the model was read from (its absolute path, or its id for a model that lives
   *     only in memory)
   * @param preset the model's preset name
   * @param inputSize the model's input size in pixels
   * @param guidance the model's guidance mode
   * @param forger the forging strategy the model was trained with
   * @param trainingIterations iterations the model was trained for
   * @param trainingSeconds wall time of its training
   * @param dataset what was evaluated: the dataset's root folder, or the caller's description of
   *     the images
   * @param thresholdsFrom the policy that was asked for: a {@code --thresholds} value ({@link
   *     #THRESHOLDS_FROM_MODEL} by default) or {@link #THRESHOLDS_FROM_EVALUATE_VIEW}
   * @param thresholdsOrigin how the thresholds came about ({@link ThresholdChoice#origin()})
   */
  public record RunInfo(
      String model,
      String preset,
      int inputSize,
      String guidance,
      String forger,
      int trainingIterations,
      double trainingSeconds,
      String dataset,
      String thresholdsFrom,
      String thresholdsOrigin) {
    /** The keys of {@link #asMap()}, in the order they are written. */
    public static final List<String> KEYS =
        List.of(
            "model",
            "preset",
            "input_size",
            "guidance",
            "forger",
            "training_iterations",
            "training_seconds",
            "dataset",
            "thresholds_from",
            "thresholds_origin");

    public RunInfo {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(thresholdsFrom, "thresholdsFrom");
      Objects.requireNonNull(thresholdsOrigin, "thresholdsOrigin");
    }

    /** The run of {@code model}, read from {@code location}, on {@code dataset}. */
    public static RunInfo of(
        String location,
        SgsfModel model,
        String dataset,
        String thresholdsFrom,
        String thresholdsOrigin) {
      return new RunInfo(
          location,
          model.config().preset(),
          model.config().inputSize(),
          model.config().guidance().name(),
          model.provenance().forger(),
          model.provenance().iterationsTrained(),
          model.provenance().trainingSeconds(),
          dataset,
          thresholdsFrom,
          thresholdsOrigin);
    }

    /** The fields under the names of {@link #KEYS}, in that order. */
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(KEYS.get(0), model);
      m.put(KEYS.get(1), preset);
      m.put(KEYS.get(2), inputSize);
      m.put(KEYS.get(3), guidance);
      m.put(KEYS.get(4), forger);
      m.put(KEYS.get(5), trainingIterations);
      m.put(KEYS.get(6), trainingSeconds);
      m.put(KEYS.get(7), dataset);
      m.put(KEYS.get(8), thresholdsFrom);
      m.put(KEYS.get(9), thresholdsOrigin);
      return m;
    }
  }

  /**
   * A report to write.
   *
   * @param folder where metrics.json, scores.csv and report.html go
   * @param title the report's heading
   * @param run what the report says about the run
   * @param images the evaluated images (with ground truth)
   * @param thresholds the thresholds the verdicts and the threshold metrics use
   * @param warnings per image path, why its score may mislead (may be empty)
   */
  public record ReportRequest(
      Path folder,
      String title,
      RunInfo run,
      List<EvaluatedImage> images,
      Thresholds thresholds,
      Map<String, List<String>> warnings) {
    public ReportRequest {
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(thresholds, "thresholds");
      images = List.copyOf(images);
      warnings = warnings == null ? Map.of() : Map.copyOf(warnings);
    }

    /** The heading both callers give a report: the model's name and what it was run on. */
    public static String title(String modelName, String data) {
      return "SGSF evaluation: " + modelName + " on " + data;
    }
  }

  /**
   * A written report.
   *
   * @param summary the metrics at the request's thresholds
   * @param files the files written
   */
  public record Report(MetricsSummary summary, EvaluationReportWriter.Written files) {}

  /** Computes the metrics at the request's thresholds and writes the report's three files. */
  public static Report writeReport(ReportRequest request) throws IOException {
    MetricsSummary summary = MetricsSummary.compute(request.images(), request.thresholds());
    EvaluationReportWriter.Written files =
        EvaluationReportWriter.write(
            request.folder(),
            request.images(),
            summary,
            EvaluationReportWriter.Options.titled(request.title(), request.run().asMap())
                .withWarnings(request.warnings()));
    return new Report(summary, files);
  }
}
