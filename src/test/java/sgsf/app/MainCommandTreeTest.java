package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

  @Test
  void everyCommandsDescriptionLinesStandUnbrokenInItsHelp() {
    List<String> broken = new ArrayList<>();
    collectBroken(Main.commandLine(), broken);
    assertThat(broken).as("description lines that --help wraps in the middle").isEmpty();
  }

  private static void collectBroken(CommandLine command, List<String> broken) {
    String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    for (String line : command.getCommandSpec().usageMessage().description()) {
      for (String text : line.replace("%%", "%").split("%n")) {
        if (!text.isBlank() && !help.contains(text)) {
          broken.add(command.getCommandSpec().qualifiedName() + ": " + text);
        }
      }
    }
    command.getSubcommands().values().forEach(sub -> collectBroken(sub, broken));
  }
}
