package sgsf.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.Json;

/**
 * {@link Thresholds} to and from the JSON object that the model bundle stores under {@code
 * thresholds} in its manifest ({@code ModelBundle.save(model, ThresholdsJson.toJson(t), file)}).
 */
public final class ThresholdsJson {
  private static final ObjectMapper MAPPER = Json.mapper();

  private ThresholdsJson() {}

  /** The thresholds as a JSON object (one field per record component). */
  public static JsonNode toJson(Thresholds thresholds) {
    return MAPPER.valueToTree(thresholds);
  }

  /**
   * The thresholds stored in a bundle, or {@code null} when the node is absent or JSON null (a
   * model not yet calibrated).
   *
   * @throws IllegalArgumentException saying what is wrong with the stored object
   */
  public static Thresholds fromJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    try {
      return MAPPER.treeToValue(node, Thresholds.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(
          "the stored thresholds are not valid: " + cause.getMessage(), e);
    }
  }
}
