package sgsf.engine.train;

import java.util.List;
import sgsf.engine.image.FloatImage;

/**
 * A look at the current training batch: forged inputs, their masks, and what the network predicts
 * for them now.
 */
public record BatchPreview(
    int iteration, List<FloatImage> inputs, List<FloatImage> masks, List<FloatImage> predictions) {}
