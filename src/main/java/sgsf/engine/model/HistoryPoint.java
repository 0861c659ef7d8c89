package sgsf.engine.model;

/**
 * One logged training iteration, kept in the model for its training history.
 *
 * @param iteration 1-based iteration
 * @param phase "WARMUP" or "MAIN"
 * @param loss total loss
 * @param lossSelf L_self (NaN if not computed)
 * @param lossSeg L_seg (NaN in the warm-up)
 * @param learningRate learning rate used
 * @param elapsedSeconds seconds since the run started
 */
public record HistoryPoint(
    int iteration,
    String phase,
    double loss,
    double lossSelf,
    double lossSeg,
    double learningRate,
    double elapsedSeconds) {}
