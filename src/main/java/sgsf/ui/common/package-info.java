/**
 * Building blocks the views share: the zoomable image viewer with overlays, heatmap colour maps,
 * contours, chart helpers (JFreeChart), image conversion between {@code FloatImage} and JavaFX,
 * icons, thumbnails, notifications and error messages. May use {@code sgsf.engine} (images) and
 * JavaFX; no feature logic.
 */
package sgsf.ui.common;
