package sgsf.ui.review;

import sgsf.engine.image.FloatImage;

/**
 * The current queue item loaded for editing.
 *
 * @param item the queued prediction
 * @param image the image at its original size
 * @param predicted the model's region (anomaly map at or above the pixel threshold) at image size
 */
public record ReviewItemView(ReviewQueue.Item item, FloatImage image, BrushMask predicted) {}
