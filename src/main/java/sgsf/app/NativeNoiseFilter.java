package sgsf.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Drops the lines ND4J 1.0.0-M2.1 prints straight to stdout while it differentiates a SameDiff loss
 * ("Added differentiated op ...", hundreds on the first training step), so that the CLI's output
 * stays readable and scriptable. Every other line passes unchanged.
 */
final class NativeNoiseFilter extends OutputStream {
  private static final String NOISE = "Added differentiated op";
  private final PrintStream target;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  private NativeNoiseFilter(PrintStream target) {
    this.target = target;
  }

  /** Replaces System.out with a filtered stream. */
  static void install() {
    System.setOut(new PrintStream(new NativeNoiseFilter(System.out), true, StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void write(int b) {
    line.write(b);
    if (b == '\n') {
      flushLine();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  private void flushLine() {
    String s = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (!s.startsWith(NOISE)) {
      target.print(s);
    }
  }

  @Override
  public synchronized void flush() {
    String partial = line.toString(StandardCharsets.UTF_8);
    if (!partial.isEmpty() && !NOISE.startsWith(partial) && !partial.startsWith(NOISE)) {
      flushLine();
    }
    target.flush();
  }
}
