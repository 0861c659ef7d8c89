package sgsf.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
  @Parameters(arity = "1..*", paramLabel = "RUN", description = "run folders or metrics.json files")
  List<Path> runs;

  @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV")
  Path csv;

  @Option(names = "--html", paramLabel = "FILE", description = "also write the table as HTML")
  Path html;

  @Override
  public Integer call() {
    RunComparison table;
    try {
      table = RunComparison.load(runs);
    } catch (IOException e) {
      System.err.println("compare: " + e.getMessage());
      return 2;
    }
    System.out.print(table.toText());
    try {
      if (csv != null) {
        table.writeCsv(csv);
        System.out.println("CSV written to " + csv);
      }
      if (html != null) {
        table.writeHtml(html);
        System.out.println("HTML written to " + html);
      }
    } catch (IOException e) {
      System.err.println("compare: cannot write " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
