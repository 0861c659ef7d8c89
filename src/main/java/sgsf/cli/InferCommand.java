package sgsf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.AtomicFiles;
import sgsf.io.ModelBundle;
import sgsf.io.report.ScoresCsv;
import sgsf.io.report.ThresholdsJson;
import sgsf.workflow.InferenceWorkflow;
import sgsf.workflow.PredictionImages;

/**
 * {@code sgsf infer --model MODEL.zip --images DIR --out DIR}: scores every image of a folder and
 * writes scores.csv, a heatmap overlay per image and the raw anomaly map (16-bit PNG).
 */
@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
    description = {
      "Score the images of a folder: OUT/scores.csv (the columns of sgsf eval's: path, score,",
      "normalised score and verdict when the model has thresholds, guiding neighbour and",
      "similarity; type and label empty), OUT/overlays/NAME.png (heatmap",
      "over the image) and OUT/maps/NAME.png (the raw anomaly map, 16-bit, original size)."
    })
public final class InferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Model modelOption;

  @Mixin CliOptions.Neighbours neighboursOption;

  @Option(
      names = "--images",
      required = true,
      paramLabel = "DIR",
      description = "Folder of images (searched recursively).")
  Path images;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path model = modelOption.path();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(images)) {
      err.println("error: " + images + ": not a folder");
      return 1;
    }
    ModelBundle.Loaded loaded;
    try {
      loaded = ModelBundle.load(model);
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    Thresholds thresholds;
    try {
      thresholds = ThresholdsJson.fromJson(loaded.thresholds());
    } catch (IllegalArgumentException e) {
      err.println("error: " + model + ": " + e.getMessage());
      return 1;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(images)) {
      files = s.filter(Files::isRegularFile).filter(ImageIo::isImageFile).sorted().toList();
    }
    if (files.isEmpty()) {
      err.println("error: " + images + ": no images (png, jpg, bmp, tif) found");
      return 1;
    }
    Predictor predictor = new Predictor(loaded.model(), neighboursOption.count());
    List<ScoresCsv.Row> rows = new ArrayList<>();
    List<SkippedFile> skipped;
    try (ConsoleProgress bar = new ConsoleProgress("infer", files.size())) {
      skipped =
          InferenceWorkflow.predict(
              predictor,
              files,
              null,
              (done, total) -> bar.step(done, null),
              () -> false,
              (file, image, p) -> write(file, image, p, thresholds, rows));
    }
    skipped.forEach(s -> err.println("skipped " + s));
    int done = rows.size();
    ScoresCsv.write(out.resolve(ScoresCsv.FILE_NAME), rows);
    o.printf(
        Locale.ROOT, "%d images scored, %d skipped; results in %s%n", done, skipped.size(), out);
    o.flush();
    return done > 0 ? 0 : 1;
  }

  private void write(
      Path file, FloatImage image, Prediction p, Thresholds t, List<ScoresCsv.Row> rows)
      throws IOException {
    String rel = images.relativize(file).toString();
    String name = rel.replaceAll("[/\\\\]", "__").replaceAll("\\.[^.]+$", "") + ".png";
    FloatImage full = PredictionImages.map(p);
    AtomicFiles.writeBytes(out.resolve("maps").resolve(name), ImageIo.encodePng16(full));
    FloatImage overlay = PredictionImages.overlay(image, full, t);
    AtomicFiles.writeBytes(out.resolve("overlays").resolve(name), ImageIo.encodePng(overlay));
    String nn = p.neighbours().isEmpty() ? null : p.neighbours().get(0).id();
    Double sim = p.neighbours().isEmpty() ? null : p.neighbours().get(0).similarity();
    rows.add(ScoresCsv.Row.scored(file.toString(), p.score(), t, nn, sim));
  }
}
