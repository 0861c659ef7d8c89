/**
 * Evaluation reports: {@code metrics.json}, {@code scores.csv}, the self-contained HTML report, and
 * the comparison of several runs. All files are written atomically (temp file + rename).
 */
package sgsf.io.report;
