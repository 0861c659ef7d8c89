package sgsf.ui.review;

/** What a drag on the mask does. */
public enum ReviewTool {
  /** Paints defect pixels. */
  BRUSH,
  /** Clears defect pixels. */
  ERASER
}
