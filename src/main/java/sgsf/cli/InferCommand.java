package sgsf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sgsf.engine.data.PathNames;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.task.CancellationToken;
import sgsf.io.AtomicFiles;
import sgsf.io.Json;
import sgsf.io.ModelBundle;
import sgsf.io.report.ScoresCsv;
import sgsf.io.report.ThresholdsJson;
import sgsf.workflow.InferenceWorkflow;
import sgsf.workflow.PredictionImages;
import sgsf.workflow.ThresholdChoice;

/**
 * {@code sgsf infer --model MODEL.zip --images DIR --out DIR}: scores every image of a folder and
 * writes scores.csv (row by row, as images are scored; an image that cannot be read or scored is a
 * row with its error), a heatmap overlay per image and the raw anomaly map (16-bit PNG).
 */
@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
    description = {
      "Score the images of a folder: OUT/scores.csv (the columns of sgsf eval's: path, score,",
      "normalised score and verdict, guiding neighbour and similarity, output name, warnings and",
      "the error of an image that was not scored; type and label empty), OUT/overlays/NAME.png",
      "(heatmap over the image) and OUT/maps/NAME.png (the raw anomaly map, 16-bit, original",
      "size), where NAME is the image's path below DIR with '/' as '__' and its extension kept.",
      "A model without thresholds gets the workbench's default policy, written to",
      "OUT/thresholds.json."
    })
public final class InferCommand implements Callable<Integer> {
  /** What the overlays and maps of one run are named after: the image's relative path. */
  static final String SEPARATOR = "__";

  @Spec CommandSpec spec;

  @Mixin CliOptions.Model modelOption;

  @Mixin CliOptions.Neighbours neighboursOption;

  @Option(
      names = "--images",
      required = true,
      paramLabel = "DIR",
      description = "Folder of images (searched recursively).")
  Path images;

  @Mixin CliOptions.OutputFolder outOption;

  @Override
  public Integer call() throws Exception {
    Path model = modelOption.path();
    Path out = outOption.path();
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
    Thresholds stored;
    try {
      stored = ThresholdsJson.fromJson(loaded.thresholds());
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
    ThresholdChoice choice = ThresholdChoice.choose(stored, List.of(), new double[0]);
    Thresholds thresholds = choice.thresholds();
    if (stored == null) {
      err.println(
          "note: "
              + model
              + " has no thresholds; verdicts use the workbench's "
              + choice.origin()
              + ": "
              + thresholds.describe().replace('\n', ';')
              + " (written to "
              + out.resolve(THRESHOLDS_FILE)
              + ")");
      AtomicFiles.writeString(
          out.resolve(THRESHOLDS_FILE),
          Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(
                  Map.of(
                      "origin", choice.origin(), "thresholds", ThresholdsJson.toJson(thresholds))));
    }
    if (Files.exists(out.resolve(ScoresCsv.FILE_NAME))) {
      err.println("note: " + out + " holds an earlier run's results; they are replaced");
    }
    Map<Path, String> nameOf = outputNames(files);
    Predictor predictor = new Predictor(loaded.model(), neighboursOption.count());
    int[] counts = new int[2];
    List<String> warned = new ArrayList<>();
    List<SkippedFile> skipped;
    try (ConsoleProgress bar = new ConsoleProgress("infer", files.size());
        ScoresCsv.Appender csv = ScoresCsv.append(out.resolve(ScoresCsv.FILE_NAME))) {
      skipped =
          InferenceWorkflow.predict(
              predictor,
              files,
              null,
              (done, total) -> bar.step(done, null),
              CancellationToken.none(),
              new InferenceWorkflow.Sink() {
                @Override
                public void accept(Path file, FloatImage image, Prediction p, List<String> warnings)
                    throws IOException {
                  String name = nameOf.get(file);
                  writeImages(name, image, p, thresholds);
                  String nn = p.neighbours().isEmpty() ? null : p.neighbours().get(0).id();
                  Double sim = p.neighbours().isEmpty() ? null : p.neighbours().get(0).similarity();
                  csv.add(
                      ScoresCsv.Row.scored(
                          PathNames.lossless(images.relativize(file)),
                          p.score(),
                          thresholds,
                          nn,
                          sim,
                          name,
                          warnings));
                  counts[0]++;
                  if (!warnings.isEmpty()) {
                    counts[1]++;
                    warned.add(PathNames.lossless(file) + ": " + String.join("; ", warnings));
                  }
                }

                @Override
                public void failed(SkippedFile f) throws IOException {
                  csv.add(
                      ScoresCsv.Row.failed(
                          PathNames.lossless(images.relativize(f.path())), f.reason()));
                }
              });
    }
    warned.forEach(w -> err.println("warning: " + w));
    skipped.forEach(
        s -> err.println("not scored: " + PathNames.lossless(s.path()) + ": " + s.reason()));
    o.printf(
        Locale.ROOT,
        "%d images scored (%d with warnings), %d not scored; results in %s%n",
        counts[0],
        counts[1],
        skipped.size(),
        out);
    o.flush();
    return counts[0] > 0 ? 0 : 1;
  }

  /** The file with the default thresholds of a model that has none. */
  static final String THRESHOLDS_FILE = "thresholds.json";

  /**
   * A unique output name per image, traceable to it: its path below the images folder with
   * separators as {@value #SEPARATOR}, its extension kept, and ".png" appended ({@code a/part1.bmp}
   * becomes {@code a__part1.bmp.png}); bytes that are not UTF-8 as {@code _xNN}; a name that would
   * repeat another gets {@code ~2}, {@code ~3}, ... before ".png".
   */
  Map<Path, String> outputNames(List<Path> files) {
    Map<Path, String> names = new HashMap<>();
    Set<String> used = new HashSet<>(); // lower case: unique on case-insensitive file systems too
    for (Path f : files) {
      String base =
          PathNames.lossless(images.relativize(f)).replace('\\', '_').replace("/", SEPARATOR);
      String name = base + ".png";
      for (int k = 2; !used.add(name.toLowerCase(Locale.ROOT)); k++) {
        name = base + "~" + k + ".png";
      }
      names.put(f, name);
    }
    return names;
  }

  private void writeImages(String name, FloatImage image, Prediction p, Thresholds t)
      throws IOException {
    Path out = outOption.path();
    FloatImage full = PredictionImages.map(p);
    AtomicFiles.writeBytes(out.resolve("maps").resolve(name), ImageIo.encodePng16(full));
    FloatImage overlay = PredictionImages.overlay(image, full, t);
    AtomicFiles.writeBytes(out.resolve("overlays").resolve(name), ImageIo.encodePng(overlay));
  }
}
