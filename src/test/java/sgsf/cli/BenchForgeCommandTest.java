package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import sgsf.app.SgsfCommand;

/** The benchmark's output format (not its speed: benchmarks are never timed unit tests). */
class BenchForgeCommandTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SgsfCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void jsonModePrintsOneObjectWithSamplesPerSecond() throws Exception {
    String[] r =
        run(
            "bench",
            "forge",
            "--size",
            "48",
            "--runs",
            "3",
            "--samples",
            "4",
            "--warmup",
            "2",
            "--images",
            "2",
            "--json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1].strip().lines()).hasSize(1);
    JsonNode o = new ObjectMapper().readTree(r[1]);
    assertThat(o.get("samples_per_second").asDouble()).isPositive();
    assertThat(o.get("strategy").asText()).isEqualTo("sam");
    assertThat(o.get("size").asInt()).isEqualTo(48);
    assertThat(o.get("runs_samples_per_second")).hasSize(3);
    double median = o.get("samples_per_second").asDouble();
    double[] runs = new double[3];
    for (int i = 0; i < 3; i++) {
      runs[i] = o.get("runs_samples_per_second").get(i).asDouble();
    }
    java.util.Arrays.sort(runs);
    assertThat(median).isEqualTo(runs[1]);
  }

  @Test
  void textModePrintsEveryRunAndTheMedian() {
    String[] r =
        run(
            "bench",
            "forge",
            "--size",
            "32",
            "--strategy",
            "cutpaste",
            "--runs",
            "2",
            "--samples",
            "3",
            "--warmup",
            "1",
            "--images",
            "2");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains("CUTPASTE at 32x32")
        .contains("run 1:")
        .contains("run 2:")
        .contains("median:");
  }

  @Test
  void benchWithoutABenchmarkNamesTheChoices() {
    String[] r = run("bench");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("choose a benchmark: forge");
    String[] bad = run("bench", "forge", "--runs", "0");
    assertThat(bad[0]).isEqualTo("2");
    assertThat(bad[2]).contains("--runs must be between 1 and 1000, got 0");
  }
}
