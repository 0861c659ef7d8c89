package sgsf.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code sgsf} command line in-process, for tests. */
final class Sgsf {
  private Sgsf() {}

  /** Exit code, standard output and standard error of one run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SgsfCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code sgsf eval --model MODEL --data DATA --out OUT [extra...]}. */
  static Run eval(Path model, Path data, Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "eval",
                "--model",
                model.toString(),
                "--data",
                data.toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  /** {@code sgsf infer --model MODEL --images IMAGES --out OUT}. */
  static Run infer(Path model, Path images, Path out) {
    return run(
        "infer",
        "--model",
        model.toString(),
        "--images",
        images.toString(),
        "--out",
        out.toString());
  }
}
