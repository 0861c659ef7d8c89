package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.TrainConfig;

/** Options that several commands share are declared once, as mixins, and read the same. */
class SharedCliOptionsTest {
  /**
   * Declared on purpose by one command with another meaning: bench infer's optional --model (a
   * model to benchmark instead of a random one), bench metrics' --seed of its synthetic maps
   * (default 1), and forge's --data (any folder of good images, the whole demo data by default).
   */
  private static final Set<String> OWN_MEANING =
      Set.of("bench infer --model", "bench metrics --seed", "forge --data", "bench forge --data");

  private static void collect(CommandLine cl, String prefix, List<CommandSpec> out) {
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      CommandSpec spec = e.getValue().getCommandSpec();
      if (spec.userObject() instanceof CommandLine.HelpCommand) {
        continue;
      }
      out.add(spec);
      collect(e.getValue(), prefix + e.getKey() + " ", out);
    }
  }

  @Test
  void modelDataSeedBatchAndNeighboursComeFromMixins() {
    List<CommandSpec> commands = new ArrayList<>();
    collect(new CommandLine(new SgsfCommand()), "", commands);
    int shared = 0;
    for (CommandSpec c : commands) {
      String name = c.qualifiedName(" ").replaceFirst("^sgsf ", "");
      for (String option : List.of("--model", "--data", "--seed", "--batch", "--neighbours")) {
        OptionSpec o = c.findOption(option);
        if (o == null || OWN_MEANING.contains(name + " " + option)) {
          continue;
        }
        boolean fromMixin =
            c.mixins().values().stream().anyMatch(m -> m.findOption(option) != null);
        assertThat(fromMixin).as(name + " " + option + " is declared by a mixin").isTrue();
        shared++;
      }
    }
    // eval and infer: --model, --neighbours; eval, train, bench train: --data; train, forge:
    // --seed; train, bench train: --batch; bench scoring: --model, --data; line: --model
    assertThat(shared).isEqualTo(14);
  }

  @Test
  void jsonAndStrategyComeFromMixins() {
    List<CommandSpec> commands = new ArrayList<>();
    CommandLine root = new CommandLine(new SgsfCommand());
    root.getSubcommands().get("bench").addSubcommand(new BenchGuiCommand());
    collect(root, "", commands);
    int shared = 0;
    for (CommandSpec c : commands) {
      for (String option : List.of("--json", "--strategy")) {
        if (c.findOption(option) == null) {
          continue;
        }
        boolean fromMixin =
            c.mixins().values().stream().anyMatch(m -> m.findOption(option) != null);
        assertThat(fromMixin)
            .as(c.qualifiedName() + " " + option + " is declared by a mixin")
            .isTrue();
        shared++;
      }
    }
    // --json: bench train, infer, forge, metrics, scoring, line, gui and datasets inspect;
    // --strategy: train, forge, bench forge
    assertThat(shared).isEqualTo(11);
  }

  @Test
  void sharedDefaultsAreTheConfigurationsDefaults() {
    CommandLine root = new CommandLine(new SgsfCommand());
    root.parseArgs("train", "--out", "m.zip");
    CommandLine train = root.getSubcommands().get("train");
    assertThat((Integer) train.getCommandSpec().findOption("--batch").getValue())
        .isEqualTo(TrainConfig.defaults().batchSize());
    assertThat((Long) train.getCommandSpec().findOption("--seed").getValue())
        .isEqualTo(TrainConfig.defaults().seed());
    CommandLine root2 = new CommandLine(new SgsfCommand());
    root2.parseArgs("forge", "--out", "dir");
    CommandLine forge = root2.getSubcommands().get("forge");
    assertThat((Long) forge.getCommandSpec().findOption("--seed").getValue())
        .isEqualTo(ForgeConfig.defaults().seed());
  }
}
