package sgsf.io.review;

import java.time.Instant;

/**
 * One line of the append-only review history: who did what to which image, and when.
 *
 * @param id increasing sequence number
 * @param imagePath the image
 * @param modelId the model
 * @param action {@link Action#SAVED} or {@link Action#DELETED}
 * @param verdict the verdict saved (null for a deletion)
 * @param note the note saved (empty for a deletion)
 * @param hasMask whether a corrected mask was saved
 * @param reviewer who did it
 * @param at when
 * @param revision the review's revision after this action
 */
public record ReviewHistoryEntry(
    long id,
    String imagePath,
    String modelId,
    Action action,
    ReviewVerdict verdict,
    String note,
    boolean hasMask,
    String reviewer,
    Instant at,
    int revision) {

  /** What happened. */
  public enum Action {
    SAVED,
    DELETED
  }
}
