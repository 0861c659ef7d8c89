package sgsf.io.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;

/**
 * The configuration of the last training started in a workspace ({@code configs/training.json}), so
 * that the workbench reopens with the same model, training and forging settings.
 *
 * @param model the network shape
 * @param train the training configuration
 * @param forge the forging configuration
 */
public record TrainingSettings(ModelConfig model, TrainConfig train, ForgeConfig forge) {
  /** The file name inside the workspace's configs folder. */
  public static final String FILE = "training.json";

  public TrainingSettings {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(forge, "forge");
  }

  public static Path file(Workspace ws) {
    return ws.configsDir().resolve(FILE);
  }

  /** Saves atomically into the workspace. */
  public void save(Workspace ws) throws IOException {
    JsonFiles.write(file(ws), this);
  }

  /**
   * The saved settings, or empty when none were saved.
   *
   * @throws IOException naming the file when it exists but cannot be read or holds invalid values
   */
  public static Optional<TrainingSettings> load(Workspace ws) throws IOException {
    Path f = file(ws);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonFiles.read(f, TrainingSettings.class));
    } catch (IllegalArgumentException e) {
      throw new IOException(f + ": invalid settings (" + e.getMessage() + ")", e);
    }
  }
}
