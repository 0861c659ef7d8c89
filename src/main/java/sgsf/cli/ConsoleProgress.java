package sgsf.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A console progress bar on stderr (stdout stays clean for results). */
final class ConsoleProgress implements AutoCloseable {
  private final ProgressBar bar;

  ConsoleProgress(String task, long total) {
    this.bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
  }

  static PrintStream err() {
    return System.err;
  }

  void step(long done, String extra) {
    bar.stepTo(done);
    if (extra != null) {
      bar.setExtraMessage(extra);
    }
  }

  void maxHint(long total) {
    bar.maxHint(total);
  }

  @Override
  public void close() {
    bar.close();
  }
}
