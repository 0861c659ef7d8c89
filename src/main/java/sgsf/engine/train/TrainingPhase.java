package sgsf.engine.train;

/** The stages of a training run, in order. */
public enum TrainingPhase {
  /** Reading and resizing the good training images. */
  LOADING,
  /** Autoencoder-only training on good images (L_self). */
  WARMUP,
  /** Computing bottleneck features and each image's contrast set (Eq. (4)). */
  CONTRAST_SETS,
  /** Segmentation training on forged anomalies, guided by contrast images. */
  MAIN,
  /** Embedding every training image for nearest-neighbour guidance at test time. */
  FEATURE_BANK,
  /** Finished. */
  DONE
}
