package sgsf.workflow.line;

import sgsf.engine.image.FloatImage;

/** What a running line tells its watchers (status line, workbench, benchmark); any thread. */
public interface LineListener {
  /**
   * An image was inspected and its result journalled.
   *
   * @param image the image (null on error)
   * @param map the anomaly map at the image's size (null on error)
   * @param latencyMs from the image's appearance to its journalled result
   */
  default void inspected(LineResult result, FloatImage image, FloatImage map, double latencyMs) {}

  /**
   * Every sink that takes the result has it.
   *
   * @param latencyMs from the image's appearance to its delivery in the last sink
   */
  default void deliveredEverywhere(LineResult result, double latencyMs) {}

  /** A sink's state changed (delivered, failed, recovered). */
  default void sinkHealth(SinkHealth health) {}
}
