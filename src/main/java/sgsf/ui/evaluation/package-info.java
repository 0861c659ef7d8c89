/**
 * The Evaluate section: a model run over the test split or a folder in the background ({@code
 * EvaluationJob}, through {@code sgsf.workflow}), the results table, heatmaps, the score histogram
 * with draggable review-band thresholds, ROC/PR curves, metrics, saving thresholds and the HTML
 * report. May use {@code sgsf.workflow}, {@code sgsf.io} and the engine (metrics, infer, model,
 * data); not the engine's evaluator directly (ArchitectureTest).
 */
package sgsf.ui.evaluation;
