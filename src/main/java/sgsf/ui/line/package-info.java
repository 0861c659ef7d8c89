/**
 * The Line section: a model inspecting live from a source to sinks ({@code sgsf.workflow.line}),
 * with the latest image and its verdict in large type, counters, the last REVIEW/NG images,
 * throughput and latency charts and each sink's health. May use {@code sgsf.workflow.line}, {@code
 * sgsf.io} and {@code sgsf.engine.image}; the line runs on its own thread, results reach the view
 * through {@code Platform.runLater}.
 */
package sgsf.ui.line;
