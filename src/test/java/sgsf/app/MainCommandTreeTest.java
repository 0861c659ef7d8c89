package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The tree {@code sgsf} runs has {@code bench gui} with the options it declares. */
class MainCommandTreeTest {

  @Test
  void benchGuiHasItsDeclaredOptions() {
    CommandLine root = Main.commandLine();
    CommandLine gui = root.getSubcommands().get("bench").getSubcommands().get("gui");
    CommandSpec spec = gui.getCommandSpec();
    for (String option : new String[] {"--runs", "--seconds", "--warmup", "--preset", "--json"}) {
      assertThat(spec.findOption(option)).as(option).isNotNull();
    }
    assertThat(gui.getUsageMessage())
        .contains("--runs=<runs>")
        .contains("Runs, each in a fresh window and workspace (default")
        .contains("Measured training time per run, 5..3600 (default");
    BenchGuiCommand command = gui.getCommand();
    root.parseArgs("bench", "gui", "--runs", "4");
    assertThat(command.runs.value()).isEqualTo(4);
    assertThat(command.seconds.value()).isEqualTo(60.0);
  }
}
