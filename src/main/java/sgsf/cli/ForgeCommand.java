package sgsf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
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
import sgsf.engine.forge.ForgeResult;
import sgsf.engine.forge.Forger;
import sgsf.engine.forge.SaliencyCache;
import sgsf.engine.forge.SaliencyMap;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.io.forge.ForgeGalleryWriter;

/** {@code sgsf forge}: forge anomalies into normal images and write contact sheets to look at. */
@Command(
    name = "forge",
    mixinStandardHelpOptions = true,
    description = {
      "Forge anomalies into normal training images and write, per sample, a contact sheet",
      "(A | S | G | M | I: normal image, saliency, saliency Perlin noise, mask, forged image),",
      "the mask PNG, and an index.html showing them all.",
      "Every sample is forged (p_forge applies in training only)."
    })
public final class ForgeCommand implements Callable<Integer> {
  static final int MAX_COUNT = 10_000;
  static final int MIN_SIZE = 32;
  static final int MAX_SIZE = 2048;

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Dataset folder whose train/good images are used (default: the demo dataset).")
  Path data;

  @Option(
      names = "--strategy",
      paramLabel = "NAME",
      defaultValue = "sam",
      converter = CliEnums.StrategyConverter.class,
      description = "sam | perlin | cutpaste | cutswap | hard (default: ${DEFAULT-VALUE}).")
  ForgeConfig.Strategy strategy;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "8",
      description = "Number of samples, 1.." + MAX_COUNT + " (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Seed of the image choice and of every sample (default: ${DEFAULT-VALUE}).")
  long seed;

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

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
  Path out;

  @Override
  public Integer call() {
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
      ForgeConfig config =
          ForgeConfig.defaults()
              .withStrategy(strategy)
              .withSeed(seed)
              .withSaliencyMethod(saliency)
              .withTextureSource(source, textures);
      String origin;
      List<Path> images;
      if (data != null) {
        images = trainGood(DatasetScanner.scan(data), data);
        origin = data.toString();
      } else {
        Path demo = CliDefaults.demoRoot();
        images = demoTrainGood(demo);
        origin = "demo dataset " + demo;
      }
      List<Path> order = new ArrayList<>(images);
      Collections.shuffle(order, new Random(seed));
      ImageLoader loader = new ImageLoader(order, size);
      Forger forger = Forger.create(config, new SaliencyCache(), order.size(), loader::goodImage);
      ForgeGalleryWriter gallery = new ForgeGalleryWriter(out, config, origin);
      int written = 0;
      int next = 0;
      int attemptsLeft = order.size();
      while (written < count) {
        Path p = order.get(next % order.size());
        next++;
        FloatImage a;
        try {
          a = loader.load(p);
        } catch (ImageReadException e) {
          stderr.println("skipping unreadable image " + e.getMessage());
          if (--attemptsLeft <= 0) {
            throw new DatasetException(
                data != null ? data : p, "none of the training images could be read");
          }
          continue;
        }
        ForgeResult r = forger.forge(a, p, written);
        SaliencyMap s = forger.saliency(a, p);
        gallery.add(written, p.getFileName().toString(), a, s, r);
        stdout.printf(
            "sample %d: %s  %s, mask %.2f %%%n",
            written, p.getFileName(), r.forged() ? "forged" : "not forged", 100 * r.maskFraction());
        written++;
      }
      Path index = gallery.writeIndex();
      List<SkippedFile> skipped = forger.auxiliarySource().skipped();
      for (SkippedFile f : skipped) {
        stderr.println("skipped texture " + f);
      }
      stdout.println(
          "wrote " + written + " contact sheets and masks; open " + index.toAbsolutePath());
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

  static List<Path> trainGood(Dataset dataset, Path root) {
    List<Path> paths = dataset.trainGood().stream().map(Sample::image).sorted().toList();
    if (paths.isEmpty()) {
      throw new DatasetException(root, "no normal training images (train/good) found");
    }
    return paths;
  }

  /** The train/good images of every category of the demo dataset. */
  static List<Path> demoTrainGood(Path demoRoot) throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> cats = Files.list(demoRoot)) {
      for (Path cat : cats.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList()) {
        all.addAll(trainGood(DatasetScanner.scan(cat), cat));
      }
    }
    if (all.isEmpty()) {
      throw new DatasetException(demoRoot, "the demo dataset holds no categories");
    }
    return all;
  }

  /** Reads and resizes images; the good-image source for B reads them on demand. */
  private static final class ImageLoader {
    private final List<Path> paths;
    private final int size;

    ImageLoader(List<Path> paths, int size) {
      this.paths = paths;
      this.size = size;
    }

    FloatImage load(Path p) {
      return ImageIo.resize(ImageIo.read(p, 3), size, size);
    }

    FloatImage goodImage(int i) {
      return load(paths.get(i));
    }
  }
}
