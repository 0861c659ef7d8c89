package sgsf.cli;

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

  /** Moves to {@code done} (ignored when negative) and sets the message (when not null). */
  void step(long done, String extra) {
    if (done >= 0) {
      bar.stepTo(done);
    }
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
