package sgsf.engine.train;

import org.nd4j.linalg.schedule.ISchedule;
import sgsf.engine.config.TrainConfig;

/**
 * The main phase's learning rate as a DL4J {@link ISchedule}, given to Adam when the segmentation
 * and joint graphs are built: Adam's initial rate x0.1 at 50 %, 70 % and 90 % of the planned
 * iterations (METHOD.md section 2, "Optimisation"), or the cosine or late-drop alternatives of
 * {@link TrainConfig.Schedule}. DL4J asks it for the rate at the graph's own iteration count, which
 * for the graphs trained in the main phase is the main-phase iteration (they are built when it
 * starts, and a resumed run restores the count).
 *
 * <p>Under a time budget the trainer re-estimates the plan from measured step times as the run goes
 * ({@link #plan(int)}), so the fraction done (iterations done / planned) can fall when the plan
 * grows; the schedule follows the largest fraction reached so far, so the rate never steps back up.
 * Clones, which DL4J makes of every layer's updater, share the plan.
 */
final class LearningRateSchedule implements ISchedule {
  private static final long serialVersionUID = 1L;

  /** The plan all clones of one schedule follow. */
  private static final class Plan implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private int iterations = 1;
    private double progress;
  }

  private final TrainConfig cfg;
  private final Plan plan;

  LearningRateSchedule(TrainConfig cfg) {
    this(cfg, new Plan());
  }

  private LearningRateSchedule(TrainConfig cfg, Plan plan) {
    this.cfg = cfg;
    this.plan = plan;
  }

  /** Sets the number of main-phase iterations planned (at least 1). */
  void plan(int mainIterations) {
    synchronized (plan) {
      plan.iterations = Math.max(1, mainIterations);
    }
  }

  /** The rate for main-phase iteration {@code iteration} of the current plan. */
  @Override
  public double valueAt(int iteration, int epoch) {
    synchronized (plan) {
      double f = Math.min(1, Math.max(0, (double) iteration / plan.iterations));
      plan.progress = Math.max(plan.progress, f);
      return cfg.learningRateAtFraction(plan.progress);
    }
  }

  /** The largest fraction of the main phase reached so far. */
  double progress() {
    synchronized (plan) {
      return plan.progress;
    }
  }

  @Override
  public ISchedule clone() {
    return new LearningRateSchedule(cfg, plan);
  }
}
