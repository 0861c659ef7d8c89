package sgsf.ui.line;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sgsf.workflow.line.SinkHealth;

/** The Line section's sink table says how many results a sink refused, and the last answer. */
class SinkHealthTextTest {
  @Test
  void refusedResultsAreCountedBesideTheLastError() {
    assertThat(LineViewModel.errorText(new SinkHealth("http://h/hook", true, 3, 0, null, null)))
        .isEmpty();
    assertThat(
            LineViewModel.errorText(
                new SinkHealth("http://h/hook", true, 3, 2, null, "answered HTTP 400")))
        .isEqualTo("refused 2 (last: answered HTTP 400)");
    assertThat(
            LineViewModel.errorText(
                new SinkHealth("http://h/hook", false, 3, 1, "unreachable", "answered HTTP 400")))
        .isEqualTo("unreachable; refused 1 (last: answered HTTP 400)");
  }
}
