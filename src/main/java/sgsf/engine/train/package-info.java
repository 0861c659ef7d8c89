/**
 * Training (METHOD.md section 2): {@code Trainer} with its phases, contrast sets, exact 3:1 forged
 * batches, the monotone learning-rate schedule, checkpoints through {@code CheckpointSink} and
 * progress through {@code TrainingListener}. Uses engine.config, engine.forge (through {@code
 * SampleForger}), engine.model and engine.image; files are written by the io layer.
 */
package sgsf.engine.train;
