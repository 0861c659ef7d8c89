package sgsf.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.DataFingerprint;
import sgsf.engine.image.FloatImage;
import sgsf.engine.infer.Predictor;
import sgsf.engine.model.FeatureBank;
import sgsf.engine.model.ModelProvenance;
import sgsf.engine.model.NetworkBenchmark;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.model.SgsfNetwork;
import sgsf.io.Json;
import sgsf.io.ModelBundle;

/**
 * {@code sgsf bench infer}: inference time per image at batch 1 and batch 8 (neighbour search,
 * cached guidance, segmentation, score), median of several runs.
 */
@Command(
    name = "infer",
    modelTransformer = CommandOption.Adder.class,
    mixinStandardHelpOptions = true,
    description = {
      "Inference time per image (embedding, neighbour search, segmentation with cached guidance,",
      "image score) at batch 1 and batch 8, medians of several runs; an untrained network of the",
      "preset's shape unless --model is given."
    })
public final class BenchInferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Preset presetOption = new CliOptions.Preset();

  final CommandOption<Path> model =
      CommandOption.of(
          Path.class, "--model", "MODEL.zip", null, "Benchmark this trained model instead.");

  final CommandOption<String> guidance =
      CommandOption.of(
          String.class,
          "--guidance",
          null,
          "frozen",
          "Guidance of the untrained network: joint, detached, frozen or none (default",
          "${DEFAULT-VALUE}, the guided inference the PyTorch peer measures; the default recipe is",
          "none).");

  @Mixin CliOptions.TimedRuns runsOption = new CliOptions.TimedRuns();

  @Mixin CliOptions.Json jsonOption = new CliOptions.Json();

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    int runs = runsOption.count();
    String backend = Backend.describe();
    SgsfModel m;
    if (model.value() != null) {
      m = ModelBundle.load(model.value()).model();
    } else {
      try {
        m = untrained(presetOption.withGuidance(guidance.value()));
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return 1;
      }
    }
    Predictor p = new Predictor(m);
    int s = m.config().inputSize();
    List<FloatImage> eight = new ArrayList<>();
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < Predictor.BATCH; i++) {
      float[] d = new float[3 * s * s];
      for (int k = 0; k < d.length; k++) {
        d[k] = r.nextFloat();
      }
      eight.add(new FloatImage(3, s, s, d));
    }
    p.predict(eight);
    p.predict(eight.get(0));
    double[] b1 = new double[runs];
    double[] b8 = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      p.predict(eight.get(i % eight.size()));
      b1[i] = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      p.predict(eight);
      b8[i] = (System.nanoTime() - t0) / 1e6 / eight.size();
    }
    double m1 = NetworkBenchmark.median(b1);
    double m8 = NetworkBenchmark.median(b8);
    long rss = NetworkBenchmark.peakRssMb();
    if (jsonOption.enabled()) {
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("preset", m.config().preset());
      n.put("guidance", m.config().guidance().name().toLowerCase(Locale.ROOT));
      n.put("input_size", s);
      n.put("backend", backend);
      n.put("params", m.network().parameterCount());
      n.put("infer_ms_per_image_b1", m1);
      n.put("infer_ms_per_image_b8", m8);
      n.put("peak_rss_mb", rss);
      o.println(n.toString());
    } else {
      o.printf(Locale.ROOT, "backend          %s%n", backend);
      o.printf(
          Locale.ROOT,
          "model            %s %dx%d width %d, %,d parameters%n",
          m.config().preset(),
          s,
          s,
          m.config().baseWidth(),
          m.network().parameterCount());
      o.printf(Locale.ROOT, "batch 1          %.1f ms/image (median of %d)%n", m1, runs);
      o.printf(Locale.ROOT, "batch 8          %.1f ms/image (median of %d)%n", m8, runs);
      o.printf(Locale.ROOT, "peak RSS         %d MB%n", rss);
    }
    o.flush();
    return 0;
  }

  /** A network of the preset's shape with a small bank of random good images. */
  static SgsfModel untrained(ModelConfig c) {
    SgsfNetwork net = SgsfNetwork.forInference(c);
    int s = c.inputSize();
    List<String> ids = new ArrayList<>();
    List<FloatImage> imgs = new ArrayList<>();
    float[][] emb = new float[16][];
    java.util.Random r = new java.util.Random(2);
    for (int i = 0; i < 16; i++) {
      ids.add("bank-" + i);
      float[] d = new float[3 * s * s];
      for (int k = 0; k < d.length; k++) {
        d[k] = r.nextFloat();
      }
      imgs.add(new FloatImage(3, s, s, d));
      emb[i] = new float[c.widthAt(ModelConfig.SCALES)];
      for (int k = 0; k < emb[i].length; k++) {
        emb[i][k] = r.nextFloat();
      }
    }
    ModelProvenance prov =
        new ModelProvenance(
            "bench",
            "none",
            new DataFingerprint(List.of(), "none"),
            TrainConfig.defaults(),
            null,
            "none",
            "bench",
            "",
            0,
            0,
            List.of());
    return new SgsfModel(net, new FeatureBank(ids, imgs, emb), prov);
  }
}
