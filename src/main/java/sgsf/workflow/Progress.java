package sgsf.workflow;

/** Progress of a workflow in items (images): told after each batch. */
@FunctionalInterface
public interface Progress {
  /** {@code done} of {@code total} items are finished. */
  void update(int done, int total);
}
