package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import sgsf.app.SgsfCommand;
import sgsf.io.Json;

/** {@code sgsf bench train --soak-minutes}: a real timed training run with memory samples. */
class BenchTrainSoakTest {
  @Test
  void aSoakRunReportsTheMemorySeriesAndItsGrowth() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SgsfCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code =
        cl.execute(
            "bench",
            "train",
            "--soak-minutes",
            "0.3",
            "--sample-seconds",
            "2",
            "--preset",
            "lite",
            "--guidance",
            "frozen",
            "--batch",
            "2",
            "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode n = Json.mapper().readTree(out.toString().trim());
    List<Long> series = new ArrayList<>();
    n.get("rss_mb_series").forEach(v -> series.add(v.asLong()));
    // 18 s sampled every 2 s, plus the sample at the end (start-up and loading included)
    assertThat(series).hasSizeGreaterThanOrEqualTo(6).allSatisfy(v -> assertThat(v).isPositive());
    assertThat(n.get("rss_reference_index").asInt()).isEqualTo(4);
    // the committed heap at the same instants: part of, and smaller than, the resident memory
    List<Long> heap = new ArrayList<>();
    n.get("heap_committed_mb_series").forEach(v -> heap.add(v.asLong()));
    assertThat(heap).hasSameSizeAs(series);
    for (int i = 0; i < heap.size(); i++) {
      assertThat(heap.get(i)).isPositive().isLessThan(series.get(i));
    }
    double expected = 100.0 * (series.get(series.size() - 1) - series.get(4)) / series.get(4);
    assertThat(n.get("rss_growth_pct").asDouble())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(n.get("iterations").asInt()).isPositive();
    assertThat(n.get("peak_rss_mb").asLong())
        .isGreaterThanOrEqualTo(series.stream().max(Long::compare).orElseThrow());
  }
}
