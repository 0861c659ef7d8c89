package sgsf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.Metric;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.ThresholdCalibrator;
import sgsf.engine.metrics.ThresholdPolicy;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.task.CancellationToken;
import sgsf.io.ModelBundle;
import sgsf.io.report.ThresholdsJson;
import sgsf.workflow.EvaluationWorkflow;
import sgsf.workflow.ThresholdChoice;

/**
 * {@code sgsf eval --model MODEL.zip [--data DIR] --out DIR}: runs the model over the test split
 * and writes metrics.json, scores.csv and report.html.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a model on a dataset's test split: metrics.json, scores.csv and a self-contained",
      "report.html (ROC/PR curves, score histogram with thresholds, per-type table, worst cases)."
    })
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Model modelOption;

  @Mixin CliOptions.Neighbours neighboursOption;

  @Mixin DatasetOptions dataset;

  @Mixin CliOptions.OutputFolder outOption;

  @Option(
      names = "--thresholds",
      paramLabel = "POLICY",
      defaultValue = EvaluationWorkflow.THRESHOLDS_FROM_MODEL,
      description = {
        "How to set thresholds: model (those saved in the model, else the workbench's default:",
        "NG at F1-max with a review band down to a 5% miss rate), f1 (F1-max, no band),",
        "frr:RATE (false-reject rate on good images, e.g. frr:0.01),",
        "band:FRR,MISS (review band: NG above the false-reject target, OK below the miss-rate",
        "target). Default: ${DEFAULT-VALUE}."
      })
  String thresholdPolicy;

  @Option(names = "--save-thresholds", description = "Store the thresholds in the model file.")
  boolean saveThresholds;

  @Override
  public Integer call() throws Exception {
    Path model = modelOption.path();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ModelBundle.Loaded loaded = ModelBundle.load(model);
      Dataset d = dataset.resolve();
      if (d.test().isEmpty()) {
        throw new DatasetException(d.root(), "has no test images to evaluate on");
      }
      Predictor predictor = new Predictor(loaded.model(), neighboursOption.count());
      EvaluationWorkflow.Evaluated r;
      try (ConsoleProgress bar = new ConsoleProgress("eval", d.test().size())) {
        r =
            EvaluationWorkflow.evaluate(
                predictor,
                d.test(),
                null,
                (done, total) -> bar.step(done, null),
                CancellationToken.none());
      }
      r.skipped().forEach(s -> err.println("skipped " + s));
      r.warnings()
          .forEach((image, w) -> err.println("warning: " + image + ": " + String.join("; ", w)));
      ThresholdChoice chosen = thresholds(loaded.thresholds(), r);
      Thresholds thresholds = chosen.thresholds();
      EvaluationWorkflow.RunInfo run =
          EvaluationWorkflow.RunInfo.of(
              model.toAbsolutePath().toString(),
              loaded.model(),
              d.root().toString(),
              thresholdPolicy,
              chosen.origin());
      EvaluationWorkflow.Report report =
          EvaluationWorkflow.writeReport(
              new EvaluationWorkflow.ReportRequest(
                  outOption.path(),
                  EvaluationWorkflow.ReportRequest.title(
                      String.valueOf(model.getFileName()), d.name()),
                  run,
                  r.images(),
                  thresholds,
                  r.warnings()));
      MetricsSummary summary = report.summary();
      if (saveThresholds) {
        ModelBundle.writeThresholds(model, ThresholdsJson.toJson(thresholds));
      }
      o.printf(
          Locale.ROOT,
          "%d images (%d good, %d defective)%n",
          summary.images(),
          summary.goodImages(),
          summary.defectiveImages());
      printMetric(
          o, "image AUROC", summary.image() == null ? null : summary.image().curves().auroc());
      if (summary.pixel() != null) {
        printMetric(o, "pixel AUROC", summary.pixel().curves().auroc());
        printMetric(o, "pixel AP", summary.pixel().curves().averagePrecision());
        printMetric(o, "AUPRO@0.3", summary.pixel().curves().aupro());
      }
      o.println("report: " + report.files().html());
      o.flush();
      return 0;
    } catch (DatasetException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (java.io.IOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static void printMetric(PrintWriter o, String name, Metric m) {
    String v =
        m == null
            ? "n/a"
            : m.defined()
                ? String.format(Locale.ROOT, "%.4f", m.value())
                : "undefined (" + m.undefinedReason() + ")";
    o.printf(Locale.ROOT, "  %-12s %s%n", name, v);
  }

  /**
   * The thresholds by {@code --thresholds}: "model" is the policy the Evaluate view applies too
   * ({@link ThresholdChoice}: stored thresholds, else a review band at F1-max).
   */
  private ThresholdChoice thresholds(JsonNode saved, EvaluationWorkflow.Evaluated r) {
    String p = thresholdPolicy.toLowerCase(Locale.ROOT);
    if (p.equals(EvaluationWorkflow.THRESHOLDS_FROM_MODEL)) {
      double[] scores = r.images().stream().mapToDouble(EvaluatedImage::score).toArray();
      return ThresholdChoice.choose(ThresholdsJson.fromJson(saved), r.images(), scores);
    }
    ThresholdPolicy policy;
    if (p.equals("f1")) {
      policy = ThresholdPolicy.f1Max();
    } else if (p.startsWith("frr:")) {
      double rate = Double.parseDouble(p.substring(4));
      policy = ThresholdPolicy.falseRejectRate(rate, rate);
    } else if (p.startsWith("band:")) {
      String[] parts = p.substring(5).split(",");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "--thresholds band:FRR,MISS needs two rates, got '" + thresholdPolicy + "'");
      }
      policy =
          ThresholdPolicy.reviewBand(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
    } else {
      throw new IllegalArgumentException(
          "--thresholds must be model, f1, frr:RATE or band:FRR,MISS, got '"
              + thresholdPolicy
              + "'");
    }
    return new ThresholdChoice(
        ThresholdCalibrator.calibrate(r.images(), policy), "--thresholds " + thresholdPolicy);
  }
}
