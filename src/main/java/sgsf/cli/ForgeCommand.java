package sgsf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.task.CancellationToken;
import sgsf.io.forge.ForgeGalleryWriter;
import sgsf.workflow.ForgeGalleryWorkflow;

/** {@code sgsf forge}: forge anomalies into normal images and write contact sheets to look at. */
@Command(
    name = "forge",
    mixinStandardHelpOptions = true,
    modelTransformer = ForgeParameterOptions.class,
    description = {
      "Forge anomalies into normal training images. Per sample it writes a",
      "contact sheet (A | S | G | M | I: normal image, saliency, saliency Perlin",
      "noise, mask, forged image) and the mask PNG, plus an index.html.",
      "p_forge applies in training only: every sample here is forged, unless no",
      "mask of the minimum size could be drawn (the sheet then says so).",
    })
public final class ForgeCommand implements Callable<Integer> {
  static final int MAX_COUNT = 10_000;
  static final int MIN_SIZE = 32;
  static final int MAX_SIZE = 2048;

  @Spec CommandSpec spec;

  @Mixin CliOptions.Seed seedOption;

  /** Whose train/good images are forged: --data DIR [--category C], or the demo's object. */
  @Mixin DatasetOptions dataset;

  @Mixin CliOptions.Strategy strategyOption = new CliOptions.Strategy();

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "8",
      description = "Number of samples, 1.." + MAX_COUNT + " (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--size",
      paramLabel = "PX",
      defaultValue = "256",
      description =
          "Model input size in pixels, "
              + MIN_SIZE
              + ".."
              + MAX_SIZE
              + " (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(
      names = "--textures",
      paramLabel = "DIR",
      description = "Folder of texture images for B (implies --aux folder).")
  Path textures;

  @Option(
      names = "--aux",
      paramLabel = "SOURCE",
      converter = CliEnums.TextureSourceConverter.class,
      description =
          "Source of B: procedural | folder | good (default: procedural, or folder with --textures).")
  ForgeConfig.TextureSource aux;

  @Option(
      names = "--saliency",
      paramLabel = "METHOD",
      defaultValue = "spectral",
      converter = CliEnums.SaliencyConverter.class,
      description = "spectral | frequency-tuned (default: ${DEFAULT-VALUE}).")
  ForgeConfig.SaliencyMethod saliency;

  @Mixin CliOptions.OutputFolder outOption;

  @Override
  public Integer call() {
    Path out = outOption.path();
    long seed = seedOption.value();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (count < 1 || count > MAX_COUNT) {
      throw new ParameterException(
          spec.commandLine(), "--count must be between 1 and " + MAX_COUNT + ", got " + count);
    }
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new ParameterException(
          spec.commandLine(),
          "--size must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels, got " + size);
    }
    ForgeConfig.TextureSource source =
        aux != null
            ? aux
            : textures != null
                ? ForgeConfig.TextureSource.USER_FOLDER
                : ForgeConfig.TextureSource.PROCEDURAL;
    if (source == ForgeConfig.TextureSource.USER_FOLDER && textures == null) {
      throw new ParameterException(spec.commandLine(), "--aux folder needs --textures DIR");
    }
    try {
      ForgeConfig defaults = ForgeConfig.defaults();
      ForgeConfig config =
          ForgeParameterOptions.apply(
              spec,
              defaults
                  .withStrategy(strategyOption.value())
                  .withSeed(seed)
                  .withSaliency(defaults.saliency().withMethod(saliency))
                  .withTextureSource(source, textures));
      Dataset d = dataset.resolve();
      Path root = d.root();
      String origin = (dataset.data != null ? "" : "demo dataset ") + root;
      stdout.println("forging the train/good images of " + dataset.describe() + " (" + root + ")");
      GallerySink gallery = new GallerySink(out, config, origin, root, stdout, stderr);
      ForgeGalleryWorkflow.Result result =
          new ForgeGalleryWorkflow()
              .forge(
                  ForgeGalleryWorkflow.Request.gallery(config, d, size, count),
                  gallery,
                  CancellationToken.none());
      Path index = gallery.writer().writeIndex();
      for (SkippedFile f : result.skippedTextures()) {
        stderr.println("skipped texture " + f);
      }
      stdout.println(
          "wrote " + result.count() + " contact sheets and masks; open " + index.toAbsolutePath());
      stdout.flush();
      return 0;
    } catch (DatasetException
        | ImageReadException
        | IllegalArgumentException
        | IllegalStateException e) {
      stderr.println("error: " + e.getMessage());
      return 1;
    } catch (IOException | UncheckedIOException e) {
      stderr.println("error: cannot write to " + out + ": " + e.getMessage());
      return 1;
    }
  }

  /**
   * The train/good images of {@code root}: a dataset, or a collection of dataset folders (an MVTec
   * root, the demo dataset), sorted by path.
   *
   * @throws DatasetException naming the folder when nothing usable is found
   */
  static List<Path> trainGood(Path root) {
    List<Path> targets =
        DatasetScanner.detect(root).isPresent() ? List.of(root) : DatasetScanner.categories(root);
    if (targets.isEmpty()) {
      targets = List.of(root); // scanning it raises the error naming the expected layouts
    }
    List<Path> all = new ArrayList<>();
    for (Path t : targets) {
      Dataset d = DatasetScanner.scan(t);
      d.trainGood().stream().map(Sample::image).sorted().forEach(all::add);
    }
    if (all.isEmpty()) {
      throw new DatasetException(root, "no normal training images (train/good) found");
    }
    return all;
  }

  /** The image's path relative to the dataset root (category/train/good/name), for display. */
  static String displayName(Path root, Path image) {
    try {
      return root.toAbsolutePath()
          .normalize()
          .relativize(image.toAbsolutePath().normalize())
          .toString();
    } catch (IllegalArgumentException e) {
      return image.toString();
    }
  }

  /**
   * Writes each sample's contact sheet and mask as it is made and reports it; the folder is created
   * with the first sample, so a run that fails before forging leaves nothing behind.
   */
  private static final class GallerySink implements ForgeGalleryWorkflow.Sink {
    private final Path out;
    private final ForgeConfig config;
    private final String origin;
    private final Path root;
    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private ForgeGalleryWriter writer;

    GallerySink(
        Path out,
        ForgeConfig config,
        String origin,
        Path root,
        PrintWriter stdout,
        PrintWriter stderr) {
      this.out = out;
      this.config = config;
      this.origin = origin;
      this.root = root;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    ForgeGalleryWriter writer() throws IOException {
      if (writer == null) {
        writer = new ForgeGalleryWriter(out, config, origin);
      }
      return writer;
    }

    @Override
    public void accept(ForgeGalleryWorkflow.Forged f) throws IOException {
      String name = displayName(root, f.image());
      writer().add(f.number(), name, f.normal(), f.saliency(), f.result());
      stdout.printf(
          "sample %d: %s  %s, mask %.2f %%%n",
          f.number(),
          name,
          f.result().forged() ? "forged" : "not forged",
          100 * f.result().maskFraction());
    }

    @Override
    public void unreadable(ImageReadException e) {
      stderr.println("skipping unreadable image " + e.getMessage());
    }
  }
}
