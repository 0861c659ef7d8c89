package sgsf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;

/**
 * Options several commands share, each declared once as a picocli mixin ({@code @Mixin
 * CliOptions.Model model;}), so that their names, defaults and help read the same everywhere.
 * {@link DatasetOptions} is the shared {@code --data}/{@code --category} pair.
 */
public final class CliOptions {
  private CliOptions() {}

  /** {@code --model MODEL.zip}, required: a trained model (eval, infer). */
  public static final class Model {
    @Option(
        names = "--model",
        required = true,
        paramLabel = "MODEL.zip",
        description = "Trained model.")
    Path model;

    /** The model file. */
    public Path path() {
      return model;
    }
  }

  /** {@code --neighbours N}: the test-time ensemble over the top-n neighbours (eval, infer). */
  public static final class Neighbours {
    @Option(
        names = "--neighbours",
        paramLabel = "N",
        defaultValue = "1",
        description = "Average the maps over the top-n neighbours (default ${DEFAULT-VALUE}).")
    int neighbours;

    /** How many neighbours guide each map. */
    public int count() {
      return neighbours;
    }
  }

  /**
   * {@code --seed S}: the seed of everything random in a run (train, forge); default the one of
   * {@link TrainConfig#defaults()}.
   */
  public static final class Seed {
    @Option(
        names = "--seed",
        paramLabel = "S",
        description =
            "Seed of everything random: image order, forging, initialisation (default:"
                + " ${DEFAULT-VALUE}).")
    long seed = TrainConfig.defaults().seed();

    /** The seed. */
    public long value() {
      return seed;
    }
  }

  /**
   * {@code --batch N}: images per training batch (train, bench train); default the one of {@link
   * TrainConfig#defaults()}.
   */
  public static final class Batch {
    @Option(
        names = "--batch",
        paramLabel = "N",
        description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch = TrainConfig.defaults().batchSize();

    /** The batch size. */
    public int size() {
      return batch;
    }
  }

  /** {@code --json}: one JSON object on standard output instead of text (bench, datasets). */
  public static final class Json {
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    /** Whether JSON was asked for. */
    public boolean enabled() {
      return json;
    }
  }

  /**
   * {@code --strategy NAME}: the forging strategy (train, forge, bench forge); its default is
   * {@link ForgeConfig#DEFAULT_STRATEGY} (an annotation needs a constant string: DefaultRecipeTest
   * holds the two together).
   */
  public static final class Strategy {
    @Option(
        names = "--strategy",
        paramLabel = "NAME",
        defaultValue = "sam",
        converter = CliEnums.StrategyConverter.class,
        description =
            "Forging strategy: sam | perlin | cutpaste | cutswap | hard (default: ${DEFAULT-VALUE}).")
    ForgeConfig.Strategy strategy;

    /** The strategy. */
    public ForgeConfig.Strategy value() {
      return strategy;
    }
  }

  /** {@code --preset P}: the model preset (train and the benchmarks); default lite. */
  public static final class Preset {
    @Option(
        names = "--preset",
        paramLabel = "P",
        defaultValue = "lite",
        description =
            "Model preset: lite (128 px, width 16), standard (256, 32) or paper (256, 64)"
                + " (default ${DEFAULT-VALUE}).")
    String preset;

    /** The preset's name. */
    public String name() {
      return preset;
    }

    /**
     * The preset's network with this guidance ({@code joint}, {@code detached}, {@code frozen} or
     * {@code none}), as the benchmarks build an untrained one.
     *
     * @throws IllegalArgumentException for an unknown preset or guidance
     */
    public ModelConfig withGuidance(String guidance) {
      return ModelConfig.preset(preset).withGuidance(CliEnums.guidance(guidance));
    }
  }

  /**
   * {@code --out DIR}, required: the folder a command writes its results into (eval, infer, forge).
   */
  public static final class OutputFolder {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    /** The output folder. */
    public Path path() {
      return out;
    }
  }

  /**
   * {@code --runs N}: how many timed runs a benchmark takes its median over (bench infer, bench
   * forge), 1..{@value #MAX_RUNS}; a value outside is a parse error naming the option.
   */
  public static final class TimedRuns {
    /** The most timed runs a benchmark takes. */
    public static final int MAX_RUNS = 1000;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private int runs;

    @Option(
        names = "--runs",
        paramLabel = "N",
        defaultValue = "5",
        description = "Timed runs (default: ${DEFAULT-VALUE}).")
    void setRuns(int value) {
      CommandOption.requireWithin(mixee, "--runs", value, 1, MAX_RUNS);
      runs = value;
    }

    /** The number of timed runs. */
    public int count() {
      return runs;
    }
  }

  /**
   * {@code --stable-ms MS}: how long a file in a hot folder must stay unchanged before it counts as
   * written (line, bench line).
   */
  public static final class StableMillis {
    @Option(
        names = "--stable-ms",
        paramLabel = "MS",
        defaultValue = "150",
        description =
            "A file counts as written when unchanged this long (default ${DEFAULT-VALUE}); a whole"
                + " PNG or JPEG (by its end marker) is taken at once; 0 takes every file when"
                + " first seen.")
    long stableMs;

    /** The stability wait in milliseconds. */
    public long millis() {
      return stableMs;
    }
  }
}
