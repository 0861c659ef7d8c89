package sgsf.ui.evaluation;

import sgsf.engine.image.FloatImage;

/**
 * The selected image loaded for display.
 *
 * @param result the result
 * @param image the image at its original size (1 or 3 channels)
 * @param groundTruth the ground-truth mask at the image's size, or null
 */
public record EvaluationDetail(ImageResult result, FloatImage image, FloatImage groundTruth) {}
