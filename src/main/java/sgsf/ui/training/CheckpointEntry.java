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
    Path run = file.getParent() == null ? null : file.getParent().getFileName();
    return "iteration " + iteration + (run == null ? "" : " — " + run);
  }

  /** The iteration in a checkpoint's name ({@code ckpt-000250.sgsfckpt}), or -1. */
  static int iterationOf(Path file) {
    String n = file.getFileName().toString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)").matcher(n);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
