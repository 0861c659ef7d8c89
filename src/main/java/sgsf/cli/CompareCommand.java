package sgsf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sgsf.io.report.RunComparison;

/** {@code sgsf compare RUN...}: one table of the headline metrics of several evaluated runs. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare evaluated runs: one table of image/pixel AUROC, AP, F1-max and AUPRO.%n"
            + "RUN is a run folder containing metrics.json (as written by 'sgsf eval'),"
            + " or a metrics.json file.")
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RUN", description = "run folders or metrics.json files")
  List<Path> runs;

  @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV")
  Path csv;

  @Option(names = "--html", paramLabel = "FILE", description = "also write the table as HTML")
  Path html;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunComparison table;
    try {
      table = RunComparison.load(runs);
    } catch (IOException e) {
      err.println("compare: " + e.getMessage());
      return 2;
    }
    out.print(table.toText());
    try {
      if (csv != null) {
        table.writeCsv(csv);
        out.println("CSV written to " + csv);
      }
      if (html != null) {
        table.writeHtml(html);
        out.println("HTML written to " + html);
      }
    } catch (IOException e) {
      err.println("compare: cannot write " + e.getMessage());
      return 1;
    }
    out.flush();
    return 0;
  }
}
