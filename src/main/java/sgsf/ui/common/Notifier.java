package sgsf.ui.common;

/**
 * Where ViewModels send what the user must know: errors (a dialog naming the file and the problem)
 * and short information notes (a notification that fades). Implemented by the main window; tests
 * record the calls.
 */
public interface Notifier {
  /**
   * An error: {@code action} says what was attempted ("Opening dataset"), the rest comes from the
   * error.
   */
  void error(String action, Throwable error);

  /** A short, non-blocking note. */
  void info(String message);

  /** A notifier that only logs, for code that runs before the window exists. */
  static Notifier logging() {
    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Notifier.class);
    return new Notifier() {
      @Override
      public void error(String action, Throwable error) {
        log.error("{} failed: {}", action, ErrorMessages.describe(error), error);
      }

      @Override
      public void info(String message) {
        log.info(message);
      }
    };
  }
}
