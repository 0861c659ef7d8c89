/**
 * Files, on top of the engine: the model bundle (one zip: weights, configs, feature bank,
 * fingerprint, thresholds), checkpoints, the training job from a dataset to a saved model, the one
 * JSON configuration ({@code Json}), the one CSV writer ({@code Csv}) and the one atomic writer
 * ({@code AtomicFiles}: temp file, fsync, rename, umask permissions). May use {@code sgsf.engine}
 * only; used by {@code sgsf.workflow}, {@code sgsf.cli}, {@code sgsf.ui}.
 */
package sgsf.io;
