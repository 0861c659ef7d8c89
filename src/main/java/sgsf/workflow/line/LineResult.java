package sgsf.workflow.line;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import sgsf.io.Json;

/**
 * What the line says about one image: the message every sink receives (as JSON).
 *
 * @param seq the image's place in the journal (1, 2, ...): sinks receive results in this order
 * @param id what identifies the image at its source (file path with size and time, or the frame)
 * @param source a readable name of the image (the file path, or the source and frame number)
 * @param time when the image was inspected (ISO-8601, UTC)
 * @param verdict OK, REVIEW or NG; null when the image could not be inspected
 * @param score the raw image score; null on error
 * @param normalisedScore the score normalised with the NG threshold at 0.5; null on error
 * @param model the model's file name
 * @param modelId the model's identity (file name and creation time), what reviews are filed under
 * @param inferenceMs how long reading and predicting took
 * @param appearedAtMs when the image appeared at the source (epoch milliseconds)
 * @param error why the image could not be inspected (corrupt, half-written, ...), else null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LineResult(
    long seq,
    String id,
    String source,
    String time,
    String verdict,
    Double score,
    Double normalisedScore,
    String model,
    String modelId,
    double inferenceMs,
    long appearedAtMs,
    String error) {

  /** True for REVIEW, NG and errors: what a sink filtered to "review,ng" receives. */
  public boolean needsAttention() {
    return error != null || "REVIEW".equals(verdict) || "NG".equals(verdict);
  }

  /** The same result under another sequence number. */
  public LineResult withSeq(long s) {
    return new LineResult(
        s,
        id,
        source,
        time,
        verdict,
        score,
        normalisedScore,
        model,
        modelId,
        inferenceMs,
        appearedAtMs,
        error);
  }

  /** One line of JSON. */
  public String toJson() {
    try {
      return Json.mapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a line result as JSON", e);
    }
  }

  /** Reads what {@link #toJson()} wrote. */
  public static LineResult fromJson(String json) {
    try {
      return Json.mapper().readValue(json, LineResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("damaged line result: " + e.getOriginalMessage(), e);
    }
  }
}
