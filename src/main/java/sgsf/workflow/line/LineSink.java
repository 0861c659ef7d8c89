package sgsf.workflow.line;

import java.io.IOException;

/**
 * Where results go. Each sink gets its results in journal order from its own outbox, on its own
 * thread; a sink that throws gets the same result again later (with backoff), so delivery must be
 * safe to repeat after a crash (see each sink for what it does about duplicates), unless it throws
 * {@link DeliveryRefusedException}: then the result is kept as refused and the next one goes.
 */
public interface LineSink extends AutoCloseable {
  /** What the sink was made from. */
  SinkSpec spec();

  /**
   * Connects (a broker) or checks the target (a folder can be written), so that a line fails at
   * start with a clear message rather than queueing forever.
   *
   * @throws IOException naming the target and the problem
   */
  void connect() throws IOException;

  /**
   * Delivers one result.
   *
   * @param artifacts the image's kept images (may be missing when no sink asked for them)
   * @throws IOException when it could not be delivered now (retried later)
   * @throws DeliveryRefusedException when the target refused it for good (not retried)
   */
  void deliver(LineResult result, Artifacts artifacts) throws IOException;

  /** True when this sink wants the original, overlay or map kept until it has them. */
  default boolean wantsArtifacts() {
    return false;
  }

  @Override
  default void close() throws IOException {}
}
