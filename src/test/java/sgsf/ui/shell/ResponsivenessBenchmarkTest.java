package sgsf.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness behind {@code sgsf bench gui}, on the headless Monocle window of the tests. */
class ResponsivenessBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void measuresTheFxThreadWhileTheLitePresetTrains() throws Exception {
    List<ResponsivenessBenchmark.RunFigures> runs =
        ResponsivenessBenchmark.run("lite", 1, 20, 1, tmp);
    assertThat(runs).hasSize(1);
    ResponsivenessBenchmark.RunFigures r = runs.get(0);
    // a probe every 10 ms for 20 s: hundreds answered unless the FX thread was frozen; 20 s so
    // that a loaded machine still gets past data loading and the first lite step (10 s did not)
    assertThat(r.probes()).isGreaterThan(100);
    assertThat(r.maxEventLatencyMillis()).isPositive();
    assertThat(r.maxPulseGapMillis()).isPositive();
    assertThat(r.maxStallMillis())
        .isEqualTo(Math.max(r.maxPulseGapMillis(), r.maxEventLatencyMillis()));
    // the measurement covered real training, not an idle window
    assertThat(r.iterations()).isPositive();
  }

  @Test
  void absurdDurationsAreRefused() {
    assertThatThrownBy(() -> ResponsivenessBenchmark.run("lite", 1, 0.5, 1, tmp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seconds");
  }
}
