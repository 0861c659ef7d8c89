package sgsf.ui.training;

import java.nio.file.Path;

/**
 * A checkpoint of a training run, resumable.
 *
 * @param file the checkpoint file
 * @param iteration the iteration it continues from
 */
public record CheckpointEntry(Path file, int iteration) {
  @Override
  public String toString() {
    return "iteration " + iteration + " — " + file.getFileName();
  }
}
