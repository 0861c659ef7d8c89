package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The option mixins of {@link CliOptions} parse the same on every command that mixes them in: the
 * value given, the default when absent, and a one-line error naming the option for a bad value.
 */
class SharedOptionsTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static <T> T parse(T command, String... args) {
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void timedRunsParseAlikeOnBenchInferAndBenchForge() {
    assertThat(parse(new BenchInferCommand(), "--runs", "7").runsOption.count()).isEqualTo(7);
    assertThat(parse(new BenchForgeCommand(), "--runs", "7").runsOption.count()).isEqualTo(7);
    assertThat(parse(new BenchInferCommand()).runsOption.count()).isEqualTo(5);
    assertThat(parse(new BenchForgeCommand()).runsOption.count()).isEqualTo(5);
  }

  @Test
  void aBadRunCountIsOneLineNamingTheOptionOnBothCommands() {
    for (String bench : new String[] {"infer", "forge"}) {
      CliRun r = run("bench", bench, "--runs", "0");
      assertThat(r.code()).as(bench).isEqualTo(2);
      assertThat(r.err().lines().findFirst().orElseThrow())
          .as(bench)
          .isEqualTo("--runs must be between 1 and 1000, got 0");
      assertThat(r.err()).as(bench).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(r.out()).as(bench).isEmpty();
    }
  }

  @Test
  void aRunCountThatIsNoNumberIsOneLineNamingTheOption() {
    CliRun r = run("bench", "infer", "--runs", "many");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().findFirst().orElseThrow())
        .contains("--runs")
        .contains("'many'")
        .doesNotContain("Exception");
  }

  @Test
  void stabilityWaitParsesAlikeOnLineAndBenchLine() {
    LineCommand line =
        parse(
            new LineCommand(),
            "--model",
            "m.zip",
            "--source",
            "folder:in",
            "--sink",
            "review",
            "--stable-ms",
            "40");
    BenchLineCommand bench = parse(new BenchLineCommand(), "--stable-ms", "40");
    assertThat(line.stableOption.millis()).isEqualTo(40);
    assertThat(bench.stableOption.millis()).isEqualTo(40);
    assertThat(parse(new BenchLineCommand()).stableOption.millis()).isEqualTo(150);
  }

  @Test
  void outputFolderParsesAlikeOnEvalInferAndForge() {
    EvalCommand eval = parse(new EvalCommand(), "--model", "m.zip", "--out", "results");
    InferCommand infer =
        parse(new InferCommand(), "--model", "m.zip", "--images", "in", "--out", "results");
    ForgeCommand forge = parse(new ForgeCommand(), "--out", "results");
    assertThat(eval.outOption.path()).isEqualTo(Path.of("results"));
    assertThat(infer.outOption.path()).isEqualTo(Path.of("results"));
    assertThat(forge.outOption.path()).isEqualTo(Path.of("results"));
  }

  @Test
  void aMissingOutputFolderIsOneLineNamingTheOption() {
    CliRun r = run("eval", "--model", "m.zip");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().findFirst().orElseThrow())
        .isEqualTo("Missing required option: '--out=DIR'");
  }
}
