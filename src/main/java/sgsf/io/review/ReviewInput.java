package sgsf.io.review;

import java.util.Arrays;
import java.util.Objects;

/**
 * One review as the reviewer submits it.
 *
 * @param imagePath the reviewed image (absolute path as text; with {@code modelId} the key)
 * @param modelId the model whose prediction was reviewed
 * @param defectType the defect type the corrected mask belongs to (the MVTec {@code
 *     ground_truth/<type>} folder); null when unknown
 * @param verdict the decision
 * @param maskPng the corrected defect mask as an 8-bit single-channel PNG (0 good, 255 defect) at
 *     the image's original size, or null when none was drawn
 * @param note free text (never null)
 * @param reviewer who reviewed (never blank)
 * @param score the model's image score at review time, or NaN
 */
public record ReviewInput(
    String imagePath,
    String modelId,
    String defectType,
    ReviewVerdict verdict,
    byte[] maskPng,
    String note,
    String reviewer,
    double score) {

  public ReviewInput {
    requireText(imagePath, "imagePath");
    requireText(modelId, "modelId");
    Objects.requireNonNull(verdict, "verdict");
    requireText(reviewer, "reviewer");
    note = note == null ? "" : note;
    if (defectType != null && defectType.isBlank()) {
      defectType = null;
    }
    if (maskPng != null && !isPng(maskPng)) {
      throw new IllegalArgumentException("maskPng is not PNG data; pass null for no mask");
    }
  }

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  static boolean isPng(byte[] b) {
    return b.length > PNG_SIGNATURE.length
        && Arrays.equals(b, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReviewInput r
        && imagePath.equals(r.imagePath)
        && modelId.equals(r.modelId)
        && Objects.equals(defectType, r.defectType)
        && verdict == r.verdict
        && Arrays.equals(maskPng, r.maskPng)
        && note.equals(r.note)
        && reviewer.equals(r.reviewer)
        && Double.compare(score, r.score) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(imagePath, modelId, verdict, note, reviewer) * 31
        + Arrays.hashCode(maskPng);
  }

  @Override
  public String toString() {
    return "ReviewInput[" + imagePath + ", " + modelId + ", " + verdict + ", by " + reviewer + "]";
  }
}
