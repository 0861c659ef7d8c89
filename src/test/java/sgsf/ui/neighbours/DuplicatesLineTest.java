package sgsf.ui.neighbours;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The near-duplicates line reads sensibly (issue 14 item 15). */
class DuplicatesLineTest {
  @Test
  void noPairNeverShowsTheClosestSimilarityAtTheThreshold() {
    // 0.99798 would print as 0.9980 next to "≥ 0.998 · 0 pairs": it is rounded down below it
    assertThat(NeighboursViewModel.duplicatesLine(0.998, 0, 0.99798))
        .isEqualTo("no pair at similarity ≥ 0.9980 (closest 0.9979)");
    assertThat(NeighboursViewModel.duplicatesLine(0.998, 1, 0.99931))
        .isEqualTo("1 pair at similarity ≥ 0.9980 (closest 0.9993)");
    assertThat(NeighboursViewModel.duplicatesLine(0.95, 3, 0.99931))
        .isEqualTo("3 pairs at similarity ≥ 0.9500 (closest 0.9993)");
    assertThat(NeighboursViewModel.duplicatesLine(0.95, 0, Double.NaN))
        .isEqualTo("no pair at similarity ≥ 0.9500");
  }
}
