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
  NONE
}
