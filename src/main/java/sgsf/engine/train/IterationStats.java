package sgsf.engine.train;

/**
 * What one training iteration reports.
 *
 * @param iteration 1-based iteration over the whole run (warm-up + main)
 * @param plannedIterations the current plan for the whole run (re-estimated under a time budget)
 * @param phase WARMUP or MAIN
 * @param loss the total loss lambda L_self + L_seg (only L_self in the warm-up)
 * @param lossSelf L_self = L2 + L_SSIM of the reconstruction (NaN when not computed)
 * @param lossSeg the focal loss L_seg (NaN in the warm-up)
 * @param learningRate the learning rate used
 * @param samplesPerSecond training images per second over recent iterations
 * @param stepSeconds wall time of this iteration
 * @param etaSeconds estimated time to the end of the plan
 * @param elapsedSeconds time since the run (or the resumed run's origin) started
 */
public record IterationStats(
    int iteration,
    int plannedIterations,
    TrainingPhase phase,
    double loss,
    double lossSelf,
    double lossSeg,
    double learningRate,
    double samplesPerSecond,
    double stepSeconds,
    double etaSeconds,
    double elapsedSeconds) {}
