package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The benchmarks' own options, each declared in one {@link CommandOption} expression: picocli gets
 * the name, label, default and help as declared, the value given reaches the command, and a value
 * outside the declared range is a one-line error naming the option.
 */
class CommandOptionTest {

  @Test
  void aDeclaredOptionParsesWithItsDefaultAndLabel() {
    BenchForgeCommand forge = new BenchForgeCommand();
    CommandLine cl = new CommandLine(forge);
    cl.parseArgs("--samples", "12");
    assertThat(forge.samples.value()).isEqualTo(12);
    assertThat(forge.size.value()).isEqualTo(256);
    assertThat(forge.data.value()).isNull();
    assertThat(cl.getCommandSpec().findOption("--size").paramLabel()).isEqualTo("PX");
    assertThat(cl.getUsageMessage()).contains("--size=PX").contains("Image size (default: 256).");

    BenchMetricsCommand metrics = new BenchMetricsCommand();
    new CommandLine(metrics).parseArgs("--seed", "9");
    assertThat(metrics.seed.value()).isEqualTo(9L);
    assertThat(metrics.runs.value()).isEqualTo(101);
  }

  @Test
  void anUnlabelledOptionReadsLikeAnAnnotatedField() {
    BenchTrainCommand train = new BenchTrainCommand();
    CommandLine cl = new CommandLine(train);
    assertThat(cl.getUsageMessage()).contains("--steps=<steps>").contains("--guidance=<guidance>");
    cl.parseArgs("--guidance", "frozen");
    assertThat(train.guidance.value()).isEqualTo("frozen");
    assertThat(train.steps.value()).isEqualTo(5);
  }

  @Test
  void aValueOutsideTheRangeIsOneLineNamingTheOption() {
    for (String[] args :
        new String[][] {
          {"--size", "8", "--size must be between 32 and 2048, got 8"},
          {"--opencv-threads", "0", "--opencv-threads must be between 1 and 256, got 0"},
          {"--warmup", "-1", "--warmup must be between 0 and 1000000, got -1"}
        }) {
      CliRun r = CliRun.of("bench", "forge", args[0], args[1]);
      assertThat(r.code()).as(args[0]).isEqualTo(2);
      assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo(args[2]);
      assertThat(r.out()).as(args[0]).isEmpty();
    }
  }
}
