package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark runs and reports (its timing is not asserted: benchmarks are not timed tests). */
class BenchMetricsCommandTest {
  @Test
  void printsOneJsonObjectWithTheFigures() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new BenchMetricsCommand());
    cl.setOut(new PrintWriter(out));
    int code =
        cl.execute(
            "--maps", "6", "--size", "24", "--bins", "256", "--runs", "5", "--exact", "--json");
    assertThat(code).isZero();
    assertThat(out.toString().trim().lines()).hasSize(1);
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("benchmark").asText()).isEqualTo("metrics");
    assertThat(j.get("maps").asInt()).isEqualTo(6);
    assertThat(j.get("pixels").asLong()).isEqualTo(6 * 24 * 24);
    assertThat(j.get("update_ms_median").asDouble()).isPositive();
    assertThat(j.get("target_ms").asDouble()).isEqualTo(20.0);
    assertThat(j.get("binned_within_bounds").asBoolean()).isTrue();
    assertThat(j.get("pixel_auroc_exact").asDouble()).isBetween(0.5, 1.0);
  }

  @Test
  void rejectsABinCountThatIsNotAPowerOfTwo() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchMetricsCommand());
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("--bins", "1000")).isEqualTo(2);
    assertThat(err.toString()).contains("--bins must be a power of two");
  }
}
