package sgsf.io.review;

import java.time.Instant;
import java.util.Objects;

/**
 * An image a machine (the line's review sink) asks a human to review: not a decision, only the
 * model's prediction and where to find the image. It stays open until the image has a {@link
 * Review} under the same model.
 *
 * @param imagePath the image to review (absolute path as text; with {@code modelId} the key)
 * @param modelId the model whose prediction asks for review
 * @param modelFile the model's file (absolute path as text), or null when unknown
 * @param prediction the model's verdict, REVIEW or NG
 * @param score the model's raw image score, or NaN
 * @param mapPath the saved anomaly map (16-bit PNG), or null
 * @param origin where the image came from (the line's source and image name)
 * @param requestedAt when it was filed
 */
public record ReviewRequest(
    String imagePath,
    String modelId,
    String modelFile,
    String prediction,
    double score,
    String mapPath,
    String origin,
    Instant requestedAt) {

  public ReviewRequest {
    ReviewInput.requireText(imagePath, "imagePath");
    ReviewInput.requireText(modelId, "modelId");
    ReviewInput.requireText(prediction, "prediction");
    Objects.requireNonNull(requestedAt, "requestedAt");
    origin = origin == null ? "" : origin;
    if (modelFile != null && modelFile.isBlank()) {
      modelFile = null;
    }
    if (mapPath != null && mapPath.isBlank()) {
      mapPath = null;
    }
  }
}
