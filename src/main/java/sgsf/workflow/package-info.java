/**
 * The workbench's use cases written once, between {@code io} and the two user interfaces: what
 * {@code sgsf eval}, {@code sgsf infer} and the Evaluate view all do (evaluate a model on labelled
 * images, score image files without ground truth, choose the thresholds when the model stores
 * none), what {@code sgsf train} and the Train view do, and what {@code sgsf forge} and the Forge
 * view do (forge samples of a dataset's good images). May use {@code sgsf.io} and {@code
 * sgsf.engine}; used by {@code sgsf.cli}, {@code sgsf.ui} and {@code sgsf.app}. No JavaFX, no
 * picocli, no console output here: progress and cancellation come in as plain callbacks.
 */
package sgsf.workflow;
