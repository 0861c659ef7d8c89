package sgsf.workflow.line;

import java.io.IOException;

/** Where a line's images come from: a hot folder, a video file, a camera. One per run. */
public interface LineSource extends AutoCloseable {
  /** A name for status lines and errors, e.g. {@code folder:/data/in}. */
  String describe();

  /**
   * The next image, waiting at most {@code timeoutMs}; null when none arrived in that time.
   *
   * @throws IOException when the source fails for good (the run stops with this message)
   */
  SourceItem next(long timeoutMs) throws IOException, InterruptedException;

  /** True when the source has nothing more to give (a video file at its end). */
  default boolean exhausted() {
    return false;
  }

  /**
   * True when an image taken before a crash comes again after a restart (files do, live frames do
   * not): the run then inspects it again instead of reporting it lost.
   */
  default boolean replays() {
    return false;
  }

  /** Called once the image's result is journalled (a hot folder moves or deletes the file here). */
  default void processed(SourceItem item) throws IOException {}

  /** Called before the first {@link #next}, with the run's journal (for state across restarts). */
  default void attach(LineJournal journal) throws IOException {}

  @Override
  default void close() throws IOException {}
}
