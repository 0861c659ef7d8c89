package sgsf.engine.config;

/** How the autoencoder's guidance features take part in training the segmentation network. */
public enum GuidanceMode {
  /** The paper: both networks trained jointly end to end; L_seg's gradient reaches the AE. */
  JOINT,
  /**
   * Trained together, but guidance features are treated as constants (no L_seg gradient into the
   * AE).
   */
  DETACHED,
  /**
   * Autoencoder trained first (warm-up), then frozen; guidance features of the fixed good images
   * are computed once and cached, so each step runs only the segmentation network. The fast mode.
   */
  FROZEN,
  /** Ablation: no guidance at all (the segmentation U-Net alone). */
  NONE;

  /** One line for a chooser: what the mode does and what it costs. */
  public String hint() {
    return switch (this) {
      case JOINT -> "the paper: autoencoder and segmentation trained together end to end (slowest)";
      case DETACHED -> "trained together, but the segmentation loss does not reach the autoencoder";
      case FROZEN ->
          "autoencoder trained first, then fixed; guidance cached, about twice as fast (default)";
      case NONE -> "no guidance: the segmentation U-Net alone (the paper's ablation)";
    };
  }
}
