package sgsf.ui.dataset;

/** How the ground-truth mask is drawn over the image. */
public enum MaskStyle {
  HIDDEN("Hidden"),
  FILL("Overlay"),
  OUTLINE("Contour");

  private final String label;

  MaskStyle(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The next style in the cycle Hidden → Overlay → Contour → Hidden (the M key). */
  public MaskStyle next() {
    return values()[(ordinal() + 1) % values().length];
  }
}
