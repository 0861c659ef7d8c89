/**
 * The workbench's use cases written once, between {@code io} and the two user interfaces: what
 * {@code sgsf eval} and the Evaluate view both do (evaluate a model on labelled images, choose the
 * thresholds when the model stores none) and the one {@code scores.csv} of {@code eval} and {@code
 * infer}. May use {@code sgsf.io} and {@code sgsf.engine}; used by {@code sgsf.cli}, {@code
 * sgsf.ui} and {@code sgsf.app}. No JavaFX, no picocli, no console output here: progress and
 * cancellation come in as plain callbacks.
 */
package sgsf.workflow;
