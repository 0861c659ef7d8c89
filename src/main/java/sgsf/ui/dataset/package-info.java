/**
 * The Dataset section: opening a dataset folder (layout detection, the Folder layout dialog) or the
 * demo data, the scan report, the thumbnail grid with filters and the image viewer with the
 * ground-truth mask. May use {@code sgsf.io.workspace} and {@code sgsf.engine.data}/{@code image}.
 */
package sgsf.ui.dataset;
