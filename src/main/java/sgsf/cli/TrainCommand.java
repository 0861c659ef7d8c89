package sgsf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ForgeParameters;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.Parameter;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.config.TrainParameters;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.train.IterationStats;
import sgsf.engine.train.TrainingControl;
import sgsf.engine.train.TrainingListener;
import sgsf.engine.train.TrainingOutcome;
import sgsf.engine.train.TrainingPhase;
import sgsf.io.Json;
import sgsf.io.ModelBundle;
import sgsf.workflow.TrainingWorkflow;

/**
 * {@code sgsf train [--data DIR] [--preset P] [--iterations N | --minutes M] [--resume CKPT] --out
 * MODEL.zip}: trains on the dataset's good training images with a console progress bar. Ctrl-C
 * stops after the current iteration and keeps the checkpoints.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    modelTransformer = TrainParameterOptions.class,
    description = {
      "Train an SGSF model on the good training images of a dataset.",
      "Checkpoints go to MODEL.zip.checkpoints/; Ctrl-C stops cleanly and keeps them."
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CliOptions.Batch batchOption;

  @Mixin CliOptions.Seed seedOption;

  @Mixin DatasetOptions dataset;

  @Mixin CliOptions.Preset presetOption = new CliOptions.Preset();

  @Option(
      names = "--size",
      description = "Input size in pixels (multiple of 16); overrides the preset's.")
  Integer size;

  @Option(
      names = "--width",
      description = "Base width (channels at the first scale); overrides the preset's.")
  Integer width;

  @Mixin CliOptions.Strategy strategyOption = new CliOptions.Strategy();

  @Option(
      names = "--guidance",
      description =
          "joint (the paper), detached, frozen (fast) or none (ablation). Default: ${DEFAULT-VALUE}.")
  String guidance = ModelConfig.DEFAULT_GUIDANCE.name().toLowerCase(Locale.ROOT);

  @Option(
      names = "--flip-good",
      negatable = true,
      description =
          "Flip and turn the training images by multiples of 90 degrees at random (textures;"
              + " default ${DEFAULT-VALUE}).")
  boolean flipGood = TrainConfig.defaults().flipGood();

  @Option(
      names = "--schedule",
      description =
          "Learning-rate schedule: STEPS (x0.1 at 50/70/90 %%), COSINE or LATE_DROP (x0.1 at"
              + " 80 %%); default ${DEFAULT-VALUE}.")
  TrainConfig.Schedule schedule = TrainConfig.defaults().schedule();

  @Option(names = "--coordinates", description = "Append x/y coordinate channels (AnoSeg).")
  boolean coordinates;

  @Option(
      names = "--resume",
      paramLabel = "CKPT",
      description =
          "Continue from a checkpoint with its configuration; --iterations or --minutes set a"
              + " new budget for the whole run, any other training option that differs from the"
              + " checkpoint's is an error.")
  Path resume;

  @Option(
      names = "--loss-log",
      paramLabel = "FILE.csv",
      description =
          "Also write one CSV line per iteration (iteration, phase, losses, learning rate, step"
              + " seconds) to this file.")
  Path lossLog;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "MODEL.zip",
      description = "Where to save the model.")
  Path out;

  /**
   * The training configuration: the default recipe with the options given ({@link
   * TrainParameters}). {@code --minutes} alone lifts the iteration cap; without {@code --warmup}
   * the warm-up is the default one or a tenth of the iterations, whichever is smaller.
   */
  TrainConfig trainConfig(int batch, long seed) {
    Map<Parameter<TrainConfig, TrainParameters.Group>, double[]> given =
        ParameterOptions.given(spec, "--", TrainParameters.all());
    Parameter<TrainConfig, TrainParameters.Group> iterations = param("iterations");
    Parameter<TrainConfig, TrainParameters.Group> minutes = param("minutes");
    if (given.containsKey(iterations) && given.containsKey(minutes)) {
      throw new ParameterException(
          spec.commandLine(), "--iterations and --minutes exclude each other: give one budget");
    }
    TrainConfig defaults = TrainConfig.defaults();
    int planned =
        given.containsKey(iterations)
            ? (int) given.get(iterations)[0]
            : given.containsKey(minutes) ? 1_000_000 : defaults.iterations();
    Map<Parameter<TrainConfig, TrainParameters.Group>, double[]> values =
        new LinkedHashMap<>(given);
    values.put(iterations, new double[] {planned});
    values.putIfAbsent(
        param("warmup"),
        new double[] {Math.min(defaults.warmupIterations(), Math.max(1, planned / 10))});
    return ParameterOptions.apply(
        spec,
        "training options",
        defaults.withBatchSize(batch).withSeed(seed).withFlipGood(flipGood).withSchedule(schedule),
        values);
  }

  private static Parameter<TrainConfig, TrainParameters.Group> param(String id) {
    return TrainParameters.byId(id).orElseThrow();
  }

  @Override
  public Integer call() throws Exception {
    int batch = batchOption.size();
    long seed = seedOption.value();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelConfig model;
    TrainConfig train;
    ForgeConfig forge;
    Dataset d;
    try {
      model = ModelConfig.preset(presetOption.name());
      if (size != null || width != null) {
        model =
            model.withSize(
                size == null ? model.inputSize() : size, width == null ? model.baseWidth() : width);
      }
      model = model.withGuidance(CliEnums.guidance(guidance)).withCoordinateChannels(coordinates);
      train = trainConfig(batch, seed);
      forge =
          ForgeParameterOptions.apply(
              spec, ForgeConfig.defaults().withStrategy(strategyOption.value()).withSeed(seed));
      d = dataset.resolve();
    } catch (IllegalArgumentException | DatasetException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    TrainingWorkflow.ResumeBudget resumeBudget = null;
    if (resume != null) {
      try {
        resumeBudget = checkResume(model, train, forge, err);
      } catch (IOException | IllegalArgumentException e) {
        err.println("error: " + oneLine(e.getMessage()));
        return 1;
      }
      if (resumeBudget == RESUME_REFUSED) {
        return 1;
      }
      model = resumedModel;
    }
    if (!d.skipped().isEmpty()) {
      err.printf(
          Locale.ROOT,
          "%s: %d file%s skipped by the scan (as sgsf datasets inspect lists them):%n",
          d.root(),
          d.skipped().size(),
          d.skipped().size() == 1 ? "" : "s");
      d.skipped().forEach(s -> err.println("  skipped " + s));
    }
    TrainingControl control = new TrainingControl();
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              // Ctrl-C: the JVM exits once this hook returns, so wait for the run to stop, write
              // its checkpoint and print how to continue
              control.cancel();
              try {
                reported.await(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "sgsf-train-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return train(d, model, train, forge, resumeBudget, control, err, o);
    } finally {
      err.flush();
      o.flush();
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting because of Ctrl-C: the hook is running and has been released
      }
    }
  }

  /** How long Ctrl-C waits for the current iteration and the checkpoint before the JVM exits. */
  private static final int CANCEL_GRACE_SECONDS = 60;

  private int train(
      Dataset d,
      ModelConfig model,
      TrainConfig train,
      ForgeConfig forge,
      TrainingWorkflow.ResumeBudget resumeBudget,
      TrainingControl control,
      PrintWriter err,
      PrintWriter o) {
    Path checkpoints = Path.of(out.toString() + ".checkpoints");
    err.printf(
        Locale.ROOT,
        "training %s on %s (%d good images): %s%n",
        model.preset(),
        d.name(),
        d.trainGood().size(),
        model);
    ProgressListener listener;
    try {
      listener = new ProgressListener(err, lossLog);
    } catch (IOException e) {
      err.println("error: cannot write the loss log " + lossLog + ": " + e.getMessage());
      return 1;
    }
    TrainingWorkflow.Result result;
    try {
      result =
          TrainingWorkflow.run(
              new TrainingWorkflow.Request(
                  d, model, train, forge, out, checkpoints, resume, List.of(), resumeBudget),
              listener,
              control,
              (done, total) -> {
                if (done == total) {
                  err.printf(Locale.ROOT, "loaded %d images%n", total);
                }
              });
    } catch (IllegalArgumentException | IOException e) {
      // a damaged checkpoint (BundleFormatException names the file) or an unwritable output
      err.println("error: " + e.getMessage());
      return 1;
    } finally {
      listener.close();
    }
    result.data().skipped().forEach(s -> err.println("skipped while loading: " + s));
    TrainingOutcome outcome = result.outcome();
    err.println(outcome.message());
    if (outcome.status() != TrainingOutcome.Status.COMPLETED && outcome.lastCheckpoint() != null) {
      err.println(
          "to continue: sgsf train"
              + (dataset.data == null ? "" : " --data " + quoted(dataset.data.toString()))
              + (dataset.category == null ? "" : " --category " + quoted(dataset.category))
              + " --resume "
              + quoted(outcome.lastCheckpoint().toString())
              + " --out "
              + quoted(out.toString()));
    }
    if (outcome.status() != TrainingOutcome.Status.COMPLETED) {
      return outcome.status() == TrainingOutcome.Status.CANCELLED ? 130 : 3;
    }
    o.println("model saved to " + result.savedModel());
    o.flush();
    return 0;
  }

  /** The network of the checkpoint given to {@code --resume}: the one the run continues. */
  private ModelConfig resumedModel;

  /** Marks a refused resume (the conflicts are already printed). */
  private static final TrainingWorkflow.ResumeBudget RESUME_REFUSED =
      new TrainingWorkflow.ResumeBudget(-1, -1.0, -1);

  /**
   * Compares the options given on the command line with the checkpoint's configuration: one that
   * would change the network or the training recipe is an error naming both values (printed here,
   * then {@link #RESUME_REFUSED}); {@code --iterations} and {@code --minutes} are a new budget for
   * the run, reported and returned (null when neither is given).
   */
  private TrainingWorkflow.ResumeBudget checkResume(
      ModelConfig model, TrainConfig train, ForgeConfig forge, PrintWriter err) throws IOException {
    JsonNode manifest = ModelBundle.readManifest(resume);
    ModelConfig ckModel;
    TrainConfig ckTrain;
    try {
      ckModel = Json.mapper().treeToValue(manifest.get("model"), ModelConfig.class);
      ckTrain = Json.mapper().treeToValue(manifest.get("train"), TrainConfig.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          resume + ": damaged checkpoint configuration (" + e.getMessage() + ")");
    }
    resumedModel = ckModel;
    ParseResult given = spec.commandLine().getParseResult();
    List<String> conflicts = new ArrayList<>();
    conflict(conflicts, given, "--size", model.inputSize(), ckModel.inputSize());
    conflict(conflicts, given, "--width", model.baseWidth(), ckModel.baseWidth());
    if (given.hasMatchedOption("--preset") && size == null && width == null) {
      ModelConfig p = ModelConfig.preset(presetOption.name());
      if (p.inputSize() != ckModel.inputSize() || p.baseWidth() != ckModel.baseWidth()) {
        conflicts.add(
            String.format(
                Locale.ROOT,
                "--preset %s (%d px, width %d) but the checkpoint has %d px, width %d",
                presetOption.name(),
                p.inputSize(),
                p.baseWidth(),
                ckModel.inputSize(),
                ckModel.baseWidth()));
      }
    }
    conflict(conflicts, given, "--guidance", model.guidance(), ckModel.guidance());
    conflict(
        conflicts,
        given,
        "--coordinates",
        model.coordinateChannels(),
        ckModel.coordinateChannels());
    conflict(conflicts, given, "--batch", train.batchSize(), ckTrain.batchSize());
    conflict(conflicts, given, "--lr", train.learningRate(), ckTrain.learningRate());
    conflict(conflicts, given, "--lambda", train.lambda(), ckTrain.lambda());
    conflict(conflicts, given, "--contrast", train.contrastSetSize(), ckTrain.contrastSetSize());
    conflict(conflicts, given, "--seed", train.seed(), ckTrain.seed());
    conflict(conflicts, given, "--warmup", train.warmupIterations(), ckTrain.warmupIterations());
    conflict(conflicts, given, "--schedule", train.schedule(), ckTrain.schedule());
    conflict(conflicts, given, "--flip-good", train.flipGood(), ckTrain.flipGood());
    ForgeConfig storedForge = ModelBundle.checkpointForgeConfig(resume).orElse(null);
    if (given.hasMatchedOption("--strategy")
        && storedForge != null
        && storedForge.strategy() != forge.strategy()) {
      conflicts.add(
          "--strategy "
              + forge.strategy().name().toLowerCase(Locale.ROOT)
              + " but the checkpoint has "
              + storedForge.strategy().name().toLowerCase(Locale.ROOT));
    }
    if (storedForge != null) {
      ParameterOptions.given(spec, ForgeParameterOptions.PREFIX, ForgeParameters.all())
          .keySet()
          .forEach(
              p -> {
                if (!Arrays.equals(p.get().apply(forge), p.get().apply(storedForge))) {
                  conflicts.add(
                      ForgeParameterOptions.PREFIX
                          + p.id()
                          + " "
                          + p.format(forge)
                          + " but the checkpoint has "
                          + p.format(storedForge));
                }
              });
    }
    if (!conflicts.isEmpty()) {
      err.println(
          "error: "
              + resume
              + ": cannot change on resume: "
              + String.join("; ", conflicts)
              + " (drop these options, or start a new run without --resume)");
      return RESUME_REFUSED;
    }
    Map<Parameter<TrainConfig, TrainParameters.Group>, double[]> budget =
        ParameterOptions.given(spec, "--", TrainParameters.all());
    Integer newIterations =
        budget.containsKey(param("iterations")) ? (int) budget.get(param("iterations"))[0] : null;
    Double newMinutes =
        budget.containsKey(param("minutes")) ? budget.get(param("minutes"))[0] : null;
    Integer newCheckpointEvery =
        budget.containsKey(param("checkpoint-every"))
            ? (int) budget.get(param("checkpoint-every"))[0]
            : null;
    if (newIterations == null && newMinutes == null && newCheckpointEvery == null) {
      return null;
    }
    TrainingWorkflow.ResumeBudget b =
        new TrainingWorkflow.ResumeBudget(newIterations, newMinutes, newCheckpointEvery);
    TrainConfig applied = b.applyTo(ckTrain);
    if (newCheckpointEvery != null) {
      err.println(
          "resuming "
              + resume
              + " with a checkpoint every "
              + applied.checkpointEvery()
              + " iterations (was "
              + ckTrain.checkpointEvery()
              + ")");
    }
    if (newIterations == null && newMinutes == null) {
      return b;
    }
    err.println(
        "resuming "
            + resume
            + " with a new budget: "
            + (newMinutes != null
                ? "--minutes "
                    + applied.minutes()
                    + " for the whole run (was "
                    + (ckTrain.minutes() > 0 ? ckTrain.minutes() + " minutes" : "no time limit")
                    + ")"
                : "--iterations "
                    + applied.iterations()
                    + " main iterations (was "
                    + ckTrain.iterations()
                    + ")"));
    return b;
  }

  private static void conflict(
      List<String> conflicts, ParseResult given, String option, Object asked, Object stored) {
    if (given.hasMatchedOption(option) && !asked.equals(stored)) {
      conflicts.add(
          option
              + " "
              + String.valueOf(asked).toLowerCase(Locale.ROOT)
              + " but the checkpoint has "
              + String.valueOf(stored).toLowerCase(Locale.ROOT));
    }
  }

  private static String oneLine(String s) {
    return s == null ? "unknown error" : s.replaceAll("\\s*\\R\\s*", " ");
  }

  /** A path as a shell word: single-quoted when it holds anything but safe characters. */
  static String quoted(String path) {
    return path.matches("[A-Za-z0-9_./:=+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }

  /** Prints a progress bar with losses, speed and ETA. */
  private static final class ProgressListener implements TrainingListener {
    private final PrintWriter err;
    private final PrintWriter lossLog;
    private ConsoleProgress bar;

    ProgressListener(PrintWriter err, Path lossLogFile) throws IOException {
      this.err = err;
      if (lossLogFile == null) {
        this.lossLog = null;
      } else {
        this.lossLog =
            new PrintWriter(Files.newBufferedWriter(lossLogFile, StandardCharsets.UTF_8), true);
        lossLog.println(
            "iteration,phase,loss,loss_self,loss_seg,learning_rate,step_seconds,elapsed_seconds");
      }
    }

    @Override
    public void onStart(TrainingStart s) {
      err.printf(
          Locale.ROOT,
          "backend %s, %,d parameters, %d iterations planned%n",
          s.backend(),
          s.parameters(),
          s.plannedIterations());
      err.flush();
      bar = new ConsoleProgress("train", s.plannedIterations());
      bar.step(s.startIteration(), null);
    }

    @Override
    public void onPhase(TrainingPhase phase, String message) {
      if (bar != null) {
        bar.step(-1, message);
      }
    }

    @Override
    public void onIteration(IterationStats s) {
      bar.maxHint(s.plannedIterations());
      String extra =
          String.format(
              Locale.ROOT,
              "%s loss %.4f (%sseg %.4f) %.1f img/s ETA %ds",
              s.phase() == TrainingPhase.WARMUP ? "warm-up" : "main",
              s.loss(),
              // without guidance there is no reconstruction loss to show
              Double.isNaN(s.lossSelf())
                  ? ""
                  : String.format(Locale.ROOT, "self %.4f, ", s.lossSelf()),
              s.lossSeg(),
              s.samplesPerSecond(),
              Math.round(s.etaSeconds()));
      bar.step(s.iteration(), extra);
      if (lossLog != null) {
        lossLog.printf(
            Locale.ROOT,
            "%d,%s,%.6f,%.6f,%.6f,%.3g,%.3f,%.1f%n",
            s.iteration(),
            s.phase(),
            s.loss(),
            s.lossSelf(),
            s.lossSeg(),
            s.learningRate(),
            s.stepSeconds(),
            s.elapsedSeconds());
      }
    }

    void close() {
      if (lossLog != null) {
        lossLog.close();
      }
      if (bar != null) {
        bar.close();
      }
    }
  }
}
