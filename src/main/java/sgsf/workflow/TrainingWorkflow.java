package sgsf.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.Sample;
import sgsf.engine.forge.Forger;
import sgsf.engine.forge.SaliencyCache;
import sgsf.engine.task.ProgressListener;
import sgsf.engine.train.ForgingSampleForger;
import sgsf.engine.train.Trainer;
import sgsf.engine.train.TrainingControl;
import sgsf.engine.train.TrainingData;
import sgsf.engine.train.TrainingListener;
import sgsf.engine.train.TrainingOutcome;
import sgsf.engine.train.TrainingState;
import sgsf.io.CheckpointStore;
import sgsf.io.ModelBundle;

/**
 * One training run from a dataset to a saved model, shared by {@code sgsf train} and the workbench:
 * loads the good training images, forges on a background thread, trains (or resumes a checkpoint),
 * writes checkpoints into {@code checkpointDir}, and saves the model when the run completes.
 */
public final class TrainingWorkflow {
  private TrainingWorkflow() {}

  /**
   * What to train.
   *
   * @param dataset the dataset (its train/good images are used)
   * @param model network shape (ignored when resuming: the checkpoint's is used)
   * @param train training configuration (ignored when resuming)
   * @param forge forging configuration (ignored when resuming a checkpoint that stored one)
   * @param modelOut where the finished model is saved
   * @param checkpointDir where checkpoints go
   * @param resumeFrom a checkpoint to continue, or null
   * @param extraGood good images added to the dataset's train/good ones (e.g. the images confirmed
   *     good in review, {@link sgsf.io.review.ConfirmedGoodList}); ones already among them are not
   *     added twice, unreadable ones are skipped and listed
   * @param resumeBudget a new budget for the resumed run, or null to keep the checkpoint's
   */
  public record Request(
      Dataset dataset,
      ModelConfig model,
      TrainConfig train,
      ForgeConfig forge,
      Path modelOut,
      Path checkpointDir,
      Path resumeFrom,
      List<Path> extraGood,
      ResumeBudget resumeBudget) {
    public Request {
      extraGood = extraGood == null ? List.of() : List.copyOf(extraGood);
    }

    /** A request that keeps a resumed checkpoint's budget. */
    public Request(
        Dataset dataset,
        ModelConfig model,
        TrainConfig train,
        ForgeConfig forge,
        Path modelOut,
        Path checkpointDir,
        Path resumeFrom,
        List<Path> extraGood) {
      this(dataset, model, train, forge, modelOut, checkpointDir, resumeFrom, extraGood, null);
    }

    /** A request without extra good images. */
    public Request(
        Dataset dataset,
        ModelConfig model,
        TrainConfig train,
        ForgeConfig forge,
        Path modelOut,
        Path checkpointDir,
        Path resumeFrom) {
      this(dataset, model, train, forge, modelOut, checkpointDir, resumeFrom, List.of());
    }
  }

  /**
   * The part of a checkpoint's training configuration that may change when it is resumed: how long
   * the run goes on and how often it writes checkpoints. Everything else (network, batch, learning
   * rate, forging, ...) is the checkpoint's.
   *
   * @param iterations main-phase iterations of the whole run, or null to keep the checkpoint's
   * @param minutes wall-clock budget of the whole run, or null to keep the checkpoint's
   * @param checkpointEvery iterations between checkpoints, or null to keep the checkpoint's
   */
  public record ResumeBudget(Integer iterations, Double minutes, Integer checkpointEvery) {
    /** The checkpoint's training configuration with this budget. */
    public TrainConfig applyTo(TrainConfig t) {
      TrainConfig c = checkpointEvery != null ? t.withCheckpointEvery(checkpointEvery) : t;
      if (minutes != null) {
        return c.withMinutes(minutes).withIterations(iterations != null ? iterations : 1_000_000);
      }
      return iterations != null ? c.withIterations(iterations).withMinutes(0) : c;
    }

    /**
     * The checkpoint's state with this budget.
     *
     * @throws IllegalArgumentException naming the checkpoint when the new budget ends before the
     *     iteration it stopped at
     */
    TrainingState applyTo(TrainingState s, Path checkpoint) {
      TrainConfig t = applyTo(s.train());
      boolean newLength = iterations != null || minutes != null;
      int planned = newLength ? s.warmupIterations() + t.iterations() : s.plannedIterations();
      if (newLength && planned <= s.nextIteration()) {
        throw new IllegalArgumentException(
            checkpoint
                + " stopped after iteration "
                + (s.nextIteration() - 1)
                + " of "
                + s.plannedIterations()
                + "; --iterations "
                + t.iterations()
                + " (plus "
                + s.warmupIterations()
                + " warm-up) leaves nothing to do");
      }
      return new TrainingState(
          s.model(),
          t,
          s.nextIteration(),
          s.warmupIterations(),
          planned,
          s.parameters(),
          s.activeGraph(),
          s.updaterState(),
          s.optimizerSteps(),
          s.contrastSets(),
          s.history(),
          s.elapsedSeconds(),
          s.fingerprint());
    }
  }

  /**
   * @param outcome how the run ended
   * @param savedModel the model file, or null when the run did not complete
   * @param data the training images used (skipped files listed there)
   */
  public record Result(TrainingOutcome outcome, Path savedModel, TrainingData data) {}

  public static Result run(
      Request r, TrainingListener listener, TrainingControl control, ProgressListener loading)
      throws IOException {
    TrainingState resume =
        r.resumeFrom() == null ? null : ModelBundle.loadCheckpoint(r.resumeFrom());
    if (resume != null && r.resumeBudget() != null) {
      resume = r.resumeBudget().applyTo(resume, r.resumeFrom());
    }
    ModelConfig model = resume == null ? r.model() : resume.model();
    TrainConfig train = resume == null ? r.train() : resume.train();
    ForgeConfig forge = r.forge();
    if (resume != null) {
      forge = ModelBundle.checkpointForgeConfig(r.resumeFrom()).orElse(forge);
    }
    List<Path> paths =
        new java.util.ArrayList<>(r.dataset().trainGood().stream().map(Sample::image).toList());
    paths.addAll(sgsf.io.review.ConfirmedGoodList.additions(r.extraGood(), paths));
    TrainingData data = TrainingData.load(paths, model.inputSize(), loading);
    Forger forger = Forger.create(forge, new SaliencyCache(), data.images());
    CheckpointStore store = new CheckpointStore(r.checkpointDir(), 5, forge);
    Trainer trainer =
        new Trainer(
            model,
            train,
            data,
            new ForgingSampleForger(forger),
            listener,
            store,
            r.dataset().name(),
            r.dataset().root().toString(),
            forge);
    TrainingOutcome outcome =
        resume == null ? trainer.run(control) : trainer.resume(resume, control);
    Path saved = null;
    if (outcome.status() == TrainingOutcome.Status.COMPLETED) {
      ModelBundle.save(outcome.model(), null, r.modelOut());
      saved = r.modelOut();
    }
    return new Result(outcome, saved, data);
  }
}
