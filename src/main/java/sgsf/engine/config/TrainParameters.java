package sgsf.engine.config;

import static sgsf.engine.config.Parameter.integer;
import static sgsf.engine.config.Parameter.number;

import java.util.List;
import java.util.Optional;

/**
 * The numeric parameters of {@link TrainConfig} a user sets, each declared once (METHOD.md section
 * 2, "Optimisation"): the Train form's fields and {@code sgsf train}'s options are built from this
 * list, under the same names ({@code --lr}, the form's "Learning rate"), and {@link TrainConfig}'s
 * constructor checks its components against these ranges, so the bounds are written here only. The
 * seed, the schedule and the flip switch are choices with their own controls and options; the focal
 * exponent and the contrast-set rebuild interval keep the paper's values.
 */
public final class TrainParameters {
  private TrainParameters() {}

  /** Where a parameter sits in the Train form. */
  public enum Group {
    BUDGET,
    OPTIMISATION,
    CONTRAST,
    CHECKPOINTS
  }

  /** Main-phase iterations; with a time budget, the most the plan may reach. */
  public static final Parameter<TrainConfig, Group> ITERATIONS =
      integer(
          "iterations",
          Group.BUDGET,
          "Iterations",
          "Main-phase iterations; with a time budget, the most the plan may reach",
          1,
          10_000_000,
          TrainConfig::iterations,
          TrainConfig::withIterations);

  /** Wall-clock budget for the whole run; the plan adapts to the measured speed (0: none). */
  public static final Parameter<TrainConfig, Group> MINUTES =
      number(
          "minutes",
          Group.BUDGET,
          "Minutes",
          "Wall-clock budget for the whole run; the plan adapts to the measured speed (0: none)",
          0,
          10_080,
          1,
          TrainConfig::minutes,
          TrainConfig::withMinutes);

  /** Autoencoder-only iterations before the contrast sets are first built. */
  public static final Parameter<TrainConfig, Group> WARMUP =
      integer(
          "warmup",
          Group.BUDGET,
          "Warm-up iterations",
          "Autoencoder-only iterations before the contrast sets are first built",
          0,
          1_000_000,
          TrainConfig::warmupIterations,
          TrainConfig::withWarmupIterations);

  /** Images per training batch (the paper: 16). */
  public static final Parameter<TrainConfig, Group> BATCH =
      integer(
          "batch",
          Group.OPTIMISATION,
          "Batch size",
          "Images per training batch (the paper: 16)",
          1,
          256,
          TrainConfig::batchSize,
          TrainConfig::withBatchSize);

  /** Adam's initial learning rate (the paper: 1e-4). */
  public static final Parameter<TrainConfig, Group> LEARNING_RATE =
      number(
          "lr",
          Group.OPTIMISATION,
          "Learning rate",
          "Adam's initial learning rate (the paper: 1e-4)",
          1e-7,
          1,
          7,
          TrainConfig::learningRate,
          TrainConfig::withLearningRate);

  /** Weight of L_self in L = lambda L_self + L_seg, Eq. (7) (the paper: 1). */
  public static final Parameter<TrainConfig, Group> LAMBDA =
      number(
          "lambda",
          Group.OPTIMISATION,
          "Lambda",
          "Weight of L_self in L = lambda L_self + L_seg, Eq. (7) (the paper: 1)",
          0,
          100,
          2,
          TrainConfig::lambda,
          TrainConfig::withLambda);

  /** n, the number of similar good images each image is guided by, Eq. (4). */
  public static final Parameter<TrainConfig, Group> CONTRAST_SET_SIZE =
      integer(
          "contrast",
          Group.CONTRAST,
          "Contrast-set size",
          "n, the number of similar good images each image is guided by, Eq. (4) (the"
              + " paper's best: 4)",
          1,
          64,
          TrainConfig::contrastSetSize,
          TrainConfig::withContrastSetSize);

  /** Write a checkpoint every this many iterations (0: only at the end). */
  public static final Parameter<TrainConfig, Group> CHECKPOINT_EVERY =
      integer(
          "checkpoint-every",
          Group.CHECKPOINTS,
          "Checkpoint every",
          "Write a checkpoint every this many iterations (0: only at the end)",
          0,
          10_000_000,
          TrainConfig::checkpointEvery,
          TrainConfig::withCheckpointEvery);

  private static final List<Parameter<TrainConfig, Group>> ALL =
      List.of(
          ITERATIONS,
          MINUTES,
          WARMUP,
          BATCH,
          LEARNING_RATE,
          LAMBDA,
          CONTRAST_SET_SIZE,
          CHECKPOINT_EVERY);

  /** Every parameter, in form order. */
  public static List<Parameter<TrainConfig, Group>> all() {
    return ALL;
  }

  /** The parameter with {@code id}, if any. */
  public static Optional<Parameter<TrainConfig, Group>> byId(String id) {
    return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
