package sgsf.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.image.FloatImage;
import sgsf.engine.infer.ImageScore;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.BinaryMetrics;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.task.CancellationToken;
import sgsf.io.Json;
import sgsf.io.ModelBundle;
import sgsf.workflow.EvaluationWorkflow;

/**
 * {@code sgsf bench scoring}: runs a model once over a test split and re-scores the same anomaly
 * maps with every mean-filter window and border rule, printing the image AUROC of each (all images,
 * and per defect type). No retraining: it isolates what the image-score rule ({@link ImageScore})
 * contributes.
 */
@Command(
    name = "scoring",
    mixinStandardHelpOptions = true,
    description = {
      "Re-score one evaluation's anomaly maps with several image-score rules (mean-filter window",
      "at 256 px x zero/reflected border) and print the image AUROC of each."
    })
public final class BenchScoringCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Model modelOption = new CliOptions.Model();

  @Mixin DatasetOptions dataset = new DatasetOptions();

  @Option(
      names = "--windows",
      split = ",",
      defaultValue = "1,3,5,7,11,15,21,31",
      description = "Windows at 256 px to compare (default: ${DEFAULT-VALUE}).")
  List<Integer> windows;

  @Mixin CliOptions.Json jsonOption = new CliOptions.Json();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path model = modelOption.path();
      ModelBundle.Loaded loaded = ModelBundle.load(model);
      Dataset d = dataset.resolve();
      if (d.test().isEmpty()) {
        throw new DatasetException(d.root(), "has no test images to score");
      }
      EvaluationWorkflow.Evaluated r =
          EvaluationWorkflow.evaluate(
              new Predictor(loaded.model()),
              d.test(),
              null,
              (done, total) -> {},
              CancellationToken.none());
      List<EvaluatedImage> images = r.images();
      TreeSet<String> types = new TreeSet<>();
      images.stream().filter(i -> i.label() == 1).forEach(i -> types.add(i.defectType()));
      ArrayNode rows = Json.mapper().createArrayNode();
      if (!jsonOption.enabled()) {
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-36s %8s", "rule", "all"));
        types.forEach(t -> h.append(String.format(Locale.ROOT, " %10s", t)));
        out.println(h);
      }
      int side = images.get(0).width();
      List<ImageScore.Rule> rules = new ArrayList<>();
      for (ImageScore.Border border : ImageScore.Border.values()) {
        java.util.Set<Integer> pixels = new java.util.HashSet<>();
        List<Integer> candidates = new ArrayList<>(windows);
        candidates.add(ImageScore.Rule.DEFAULT.windowAt256());
        candidates.add(ImageScore.Rule.DRAEM.windowAt256());
        candidates.sort(null);
        for (int w : candidates) {
          ImageScore.Rule rule = new ImageScore.Rule(w, border);
          // several windows at 256 px round to one window on a smaller map: keep the first,
          // or the default or DRAEM's rule where it is one of them
          if (pixels.add(rule.window(side))) {
            rules.add(rule);
          } else if (rule.equals(ImageScore.Rule.DEFAULT) || rule.equals(ImageScore.Rule.DRAEM)) {
            rules.removeIf(x -> x.border() == rule.border() && x.window(side) == rule.window(side));
            rules.add(rule);
          }
        }
      }
      for (ImageScore.Border border : ImageScore.Border.values()) {
        for (ImageScore.Rule rule : rules) {
          if (rule.border() != border) {
            continue;
          }
          double[] scores = new double[images.size()];
          for (int k = 0; k < scores.length; k++) {
            EvaluatedImage e = images.get(k);
            scores[k] = rule.score(new FloatImage(1, e.height(), e.width(), e.anomalyMap()));
          }
          ObjectNode row = rows.addObject();
          row.put("window_at_256", rule.windowAt256());
          row.put("window_px", rule.window(images.get(0).width()));
          row.put("border", border.name().toLowerCase(Locale.ROOT));
          row.put("default", rule.equals(ImageScore.Rule.DEFAULT));
          row.put("auroc", auroc(images, scores, null));
          ObjectNode per = row.putObject("auroc_by_type");
          StringBuilder line =
              new StringBuilder(
                  String.format(
                      Locale.ROOT,
                      "%-36s %8.4f",
                      String.format(Locale.ROOT, "%d px (%s)", rule.window(side), rule)
                          + (rule.equals(ImageScore.Rule.DEFAULT)
                              ? " *"
                              : rule.equals(ImageScore.Rule.DRAEM) ? " D" : ""),
                      row.get("auroc").asDouble()));
          for (String t : types) {
            double a = auroc(images, scores, t);
            per.put(t, a);
            line.append(String.format(Locale.ROOT, " %10.4f", a));
          }
          if (!jsonOption.enabled()) {
            out.println(line);
          }
        }
      }
      if (jsonOption.enabled()) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("model", model.toString());
        root.put("images", images.size());
        root.set("rules", rows);
        out.println(Json.mapper().writeValueAsString(root));
      } else {
        out.printf(
            Locale.ROOT,
            "%d images, maps of %d px; * the default rule, D DRAEM's%n",
            images.size(),
            side);
      }
      out.flush();
      return 0;
    } catch (DatasetException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (java.io.IOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  /** Image AUROC of good images against all defective ones, or those of one defect type. */
  private static double auroc(List<EvaluatedImage> images, double[] scores, String type) {
    List<Double> s = new ArrayList<>();
    List<Integer> l = new ArrayList<>();
    for (int k = 0; k < images.size(); k++) {
      EvaluatedImage e = images.get(k);
      if (e.label() == 0 || type == null || type.equals(e.defectType())) {
        s.add(scores[k]);
        l.add(e.label());
      }
    }
    return BinaryMetrics.rocCurve(
            s.stream().mapToDouble(Double::doubleValue).toArray(),
            l.stream().mapToInt(Integer::intValue).toArray())
        .area();
  }
}
