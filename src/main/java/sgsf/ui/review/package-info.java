/**
 * The Review section: the evaluation's predictions queued review band first, a verdict per image,
 * the defect mask corrected with brush and eraser, review history and exports. May use {@code
 * sgsf.io.review} (the SQLite store) and the evaluation section's results.
 */
package sgsf.ui.review;
