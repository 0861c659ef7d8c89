package sgsf.ui.dataset;

import sgsf.engine.data.Split;

/** The split filter of the thumbnail grid. */
public enum SplitFilter {
  ALL("All splits", null),
  TRAIN("Train", Split.TRAIN),
  TEST("Test", Split.TEST);

  private final String label;
  private final Split split;

  SplitFilter(String label, Split split) {
    this.label = label;
    this.split = split;
  }

  public boolean accepts(Split s) {
    return split == null || split == s;
  }

  @Override
  public String toString() {
    return label;
  }
}
