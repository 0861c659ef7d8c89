package sgsf.io.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored review: the latest decision about one image under one model.
 *
 * @param input what the reviewer submitted last
 * @param createdAt when the image was first reviewed
 * @param updatedAt when this decision was saved
 * @param revision 1 for the first save, incremented by each later save
 */
public record Review(ReviewInput input, Instant createdAt, Instant updatedAt, int revision) {
  public Review {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public String imagePath() {
    return input.imagePath();
  }

  public String modelId() {
    return input.modelId();
  }

  public ReviewVerdict verdict() {
    return input.verdict();
  }

  public String note() {
    return input.note();
  }

  public String reviewer() {
    return input.reviewer();
  }

  public String defectType() {
    return input.defectType();
  }

  public byte[] maskPng() {
    return input.maskPng();
  }

  public boolean hasMask() {
    return input.maskPng() != null;
  }

  public double score() {
    return input.score();
  }
}
