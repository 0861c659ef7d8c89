package sgsf.ui.evaluation;

/**
 * One line of the metrics table.
 *
 * @param group "Image", "Pixel", "Image at thresholds", "Pixel at threshold"
 * @param name the metric
 * @param value formatted value, or "n/a"
 * @param note how it was computed, an error bound, or why it is undefined
 */
public record MetricLine(String group, String name, String value, String note) {}
