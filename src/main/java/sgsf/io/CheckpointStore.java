package sgsf.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.train.CheckpointSink;
import sgsf.engine.train.TrainingState;

/**
 * Checkpoints of one run in a folder, named by iteration ({@code ckpt-000250.sgsfckpt}), the newest
 * {@code keep} kept.
 */
public final class CheckpointStore implements CheckpointSink {
  public static final String EXTENSION = ".sgsfckpt";
  private final Path dir;
  private final int keep;
  private final ForgeConfig forge;

  public CheckpointStore(Path dir, int keep) {
    this(dir, keep, null);
  }

  /**
   * @param forge the run's forging configuration, stored in every checkpoint
   */
  public CheckpointStore(Path dir, int keep, ForgeConfig forge) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1");
    }
    this.dir = dir;
    this.keep = keep;
    this.forge = forge;
  }

  @Override
  public Path save(TrainingState state) throws IOException {
    Path file = dir.resolve(String.format("ckpt-%06d%s", state.nextIteration(), EXTENSION));
    ModelBundle.saveCheckpoint(state, file, forge);
    List<Path> all = list(dir);
    for (int i = 0; i + keep < all.size(); i++) {
      Files.deleteIfExists(all.get(i));
    }
    return file;
  }

  /** The checkpoints in a folder, oldest first. */
  public static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(EXTENSION)).sorted().toList();
    }
  }
}
