package sgsf.workflow.line;

/**
 * Which frames of a video, camera or stream are inspected: every {@code every}-th frame (a trigger
 * of 1 takes them all), at most {@code maxFps} per second (0: no limit). A live source drops the
 * frames that come too early; a video file waits instead, so no frame it should take is skipped.
 *
 * @param every inspect frame 0, every, 2 * every, ...
 * @param maxFps at most this many inspected frames per second, 0 for no limit
 */
public record FramePacer(int every, double maxFps) {
  public FramePacer {
    if (every < 1) {
      throw new IllegalArgumentException("every must be >= 1, got " + every);
    }
    if (maxFps < 0 || !Double.isFinite(maxFps)) {
      throw new IllegalArgumentException("the frame rate limit must be >= 0, got " + maxFps);
    }
  }

  /** Every frame, no limit. */
  public static FramePacer all() {
    return new FramePacer(1, 0);
  }

  /** Whether frame {@code index} is one the trigger takes. */
  public boolean triggered(long index) {
    return index % every == 0;
  }

  /** The shortest time between two inspected frames, 0 without a limit. */
  public long minIntervalMs() {
    return maxFps > 0 ? Math.round(1000 / maxFps) : 0;
  }
}
