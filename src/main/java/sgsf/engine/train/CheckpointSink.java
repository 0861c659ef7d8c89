package sgsf.engine.train;

import java.io.IOException;
import java.nio.file.Path;

/** Persists training checkpoints (the io layer writes them atomically). */
public interface CheckpointSink {
  /** Writes the state and returns where; a failure must leave earlier checkpoints intact. */
  Path save(TrainingState state) throws IOException;

  /** Keeps nothing (tests, benchmarks). */
  CheckpointSink NONE = state -> null;
}
