package sgsf.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.runFx;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sgsf.ui.FxTestToolkit;

class FxStallMonitorTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start();
  }

  @Test
  void aBlockedFxThreadShowsUpAsAStallOfAtLeastItsLength() throws Exception {
    FxStallMonitor m = new FxStallMonitor("test");
    runFx(m::start);
    Thread.sleep(150);
    runFx(
        () -> {
          long end = System.nanoTime() + 250_000_000L;
          while (System.nanoTime() < end) {
            Thread.onSpinWait();
          }
        });
    Thread.sleep(150);
    runFx(m::stop);
    assertThat(m.probeCount()).isGreaterThan(5);
    assertThat(m.maxEventLatencyMillis()).isGreaterThanOrEqualTo(200);
    assertThat(m.maxStallMillis()).isGreaterThanOrEqualTo(m.maxEventLatencyMillis());
  }
}
