package sgsf.ui.neighbours;

import sgsf.ui.evaluation.ImageResult;

/**
 * A test image that nearly duplicates a training image.
 *
 * @param test the evaluated test image
 * @param bankIndex the training image's index in the model's feature bank
 * @param trainId the training image (its path)
 * @param similarity cosine similarity of their embeddings
 */
public record NearDuplicateRow(
    ImageResult test, int bankIndex, String trainId, double similarity) {}
