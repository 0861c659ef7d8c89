package sgsf.engine.train;

import sgsf.engine.config.TrainConfig;

/**
 * The main phase's learning rate: Adam's initial rate x0.1 at 50 %, 70 % and 90 % of the planned
 * iterations (METHOD.md section 2, "Optimisation"), never increasing.
 *
 * <p>Under a time budget the plan is re-estimated from measured step times as the run goes, so the
 * fraction done (iterations done / planned) can fall when the plan grows; the schedule follows the
 * largest fraction reached so far, so the rate cannot step back up tenfold.
 */
final class LearningRateSchedule {
  private final TrainConfig cfg;
  private double progress;

  LearningRateSchedule(TrainConfig cfg) {
    this.cfg = cfg;
  }

  /** The rate for main-phase iteration {@code done} of {@code planned}. */
  double rateAt(int done, int planned) {
    double f = planned <= 0 ? 1 : Math.min(1, (double) done / planned);
    progress = Math.max(progress, f);
    return cfg.learningRateAtFraction(progress);
  }

  /** The largest fraction of the main phase reached so far. */
  double progress() {
    return progress;
  }
}
