/**
 * The Neighbours section: the good training images most similar to the selected image (the
 * bottleneck embeddings of Eq. (4)) beside its heatmap, the least typical training images and
 * train/test near-duplicates. May use {@code sgsf.engine.infer}/{@code model} and the evaluation
 * section's loaded model.
 */
package sgsf.ui.neighbours;
