/**
 * Running a trained model: {@code Predictor} (neighbour search, guided segmentation, the image
 * score of {@code ImageScore}) and {@code Evaluator} (maps paired with ground truth for the
 * metrics). Uses engine.model, engine.data, engine.image and engine.metrics.
 */
package sgsf.engine.infer;
