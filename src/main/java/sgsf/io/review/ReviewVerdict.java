package sgsf.io.review;

/** What a reviewer decided about a finding. */
public enum ReviewVerdict {
  /** The image really is defective. */
  TRUE_DEFECT("True defect"),
  /** The image is good: the model raised a false alarm ("confirmed good"). */
  FALSE_ALARM("False alarm (good)"),
  /** The reviewer cannot tell. */
  UNSURE("Unsure");

  private final String label;

  ReviewVerdict(String label) {
    this.label = label;
  }

  /** The name shown to people. */
  public String label() {
    return label;
  }
}
