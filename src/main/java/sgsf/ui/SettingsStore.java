package sgsf.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.io.workspace.JsonFiles;

/**
 * Loads and saves {@link WorkbenchSettings} in {@code settings.json} under the configuration
 * folder: the system property {@value #CONFIG_DIR_PROPERTY} if set, else {@code
 * $XDG_CONFIG_HOME/sgsf-workbench}, else {@code ~/.config/sgsf-workbench}. A damaged file is logged
 * and replaced by defaults (settings are a convenience, never a reason not to start).
 */
public final class SettingsStore {
  public static final String CONFIG_DIR_PROPERTY = "sgsf.config.dir";
  private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
  private final Path file;

  public SettingsStore(Path configDir) {
    this.file = configDir.resolve("settings.json");
  }

  public static SettingsStore atDefaultLocation() {
    return new SettingsStore(defaultConfigDir());
  }

  public static Path defaultConfigDir() {
    String prop = System.getProperty(CONFIG_DIR_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "sgsf-workbench");
    }
    return Path.of(System.getProperty("user.home"), ".config", "sgsf-workbench");
  }

  public Path file() {
    return file;
  }

  public WorkbenchSettings load() {
    if (!Files.isRegularFile(file)) {
      return WorkbenchSettings.defaults();
    }
    try {
      return JsonFiles.read(file, WorkbenchSettings.class);
    } catch (IOException | RuntimeException e) {
      LOG.warn("settings {} unreadable, using defaults: {}", file, e.getMessage());
      return WorkbenchSettings.defaults();
    }
  }

  /** Saves atomically; a failure is logged, not thrown. */
  public void save(WorkbenchSettings settings) {
    try {
      JsonFiles.write(file, settings);
    } catch (IOException e) {
      LOG.warn("cannot save settings to {}: {}", file, e.getMessage());
    }
  }
}
