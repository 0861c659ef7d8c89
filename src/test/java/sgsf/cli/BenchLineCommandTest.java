package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import sgsf.app.SgsfCommand;
import sgsf.io.Json;

/** The line benchmark's output format (not its speed: benchmarks are never timed unit tests). */
class BenchLineCommandTest {
  @Test
  void jsonModeReportsThroughputAndLatencyAgainstThePredictor() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SgsfCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("bench", "line", "--images", "5", "--stable-ms", "0", "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode n = Json.mapper().readTree(out.toString());
    assertThat(n.get("preset").asText()).isEqualTo("lite");
    for (String key :
        new String[] {
          "predictor_b1_ms",
          "predictor_images_per_s",
          "line_images_per_s",
          "throughput_ratio",
          "latency_p50_ms",
          "latency_p95_ms"
        }) {
      assertThat(n.get(key).asDouble()).as(key).isPositive().isFinite();
    }
    assertThat(n.get("latency_p95_ms").asDouble())
        .isGreaterThanOrEqualTo(n.get("latency_p50_ms").asDouble());
  }
}
