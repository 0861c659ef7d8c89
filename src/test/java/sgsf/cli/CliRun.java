package sgsf.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import sgsf.app.SgsfCommand;

/** One {@code sgsf ...} command line run in-process: its exit code, standard output and error. */
record CliRun(int code, String out, String err) {

  /** Runs {@code sgsf} with these arguments and captures what it prints. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SgsfCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
