package sgsf.io.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A workspace: one folder holding the dataset reference ({@code workspace.json}), configs, trained
 * models, training runs and reviews. Immutable; changing the dataset returns a new instance that
 * has been saved.
 */
public final class Workspace {
  /** The manifest's file name inside the workspace folder. */
  public static final String MANIFEST = "workspace.json";

  private final Path dir;
  private final WorkspaceManifest manifest;

  private Workspace(Path dir, WorkspaceManifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /**
   * Creates a workspace in {@code dir} (created if missing; it must not already hold a workspace).
   */
  public static Workspace create(Path dir, DatasetReference dataset) throws WorkspaceException {
    Path d = dir.toAbsolutePath().normalize();
    if (Files.exists(d.resolve(MANIFEST))) {
      throw new WorkspaceException(d, "already holds a workspace (open it instead)", null);
    }
    if (Files.exists(d) && !Files.isDirectory(d)) {
      throw new WorkspaceException(d, "is a file, not a folder", null);
    }
    String name = d.getFileName() == null ? d.toString() : d.getFileName().toString();
    WorkspaceManifest m =
        new WorkspaceManifest(
            WorkspaceManifest.FORMAT,
            name,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            dataset);
    Workspace ws = new Workspace(d, m);
    try {
      for (Path sub : new Path[] {ws.configsDir(), ws.modelsDir(), ws.runsDir(), ws.reviewsDir()}) {
        Files.createDirectories(sub);
      }
    } catch (IOException e) {
      throw new WorkspaceException(d, "cannot create the workspace folders (" + e + ")", e);
    }
    ws.save();
    return ws;
  }

  /** Opens the workspace in {@code dir}. */
  public static Workspace open(Path dir) throws WorkspaceException {
    Path d = dir.toAbsolutePath().normalize();
    Path file = d.resolve(MANIFEST);
    if (!Files.isDirectory(d)) {
      throw new WorkspaceException(d, "folder does not exist", null);
    }
    if (!Files.isRegularFile(file)) {
      throw new WorkspaceException(file, "not found: this folder is not a workspace", null);
    }
    WorkspaceManifest m;
    try {
      m = JsonFiles.read(file, WorkspaceManifest.class);
    } catch (IOException e) {
      throw new WorkspaceException(file, "cannot be read (" + e.getMessage() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new WorkspaceException(file, "invalid content (" + e.getMessage() + ")", e);
    }
    if (m.format() < 1 || m.format() > WorkspaceManifest.FORMAT) {
      throw new WorkspaceException(
          file,
          "format version "
              + m.format()
              + " is not supported (this build reads version "
              + WorkspaceManifest.FORMAT
              + ")",
          null);
    }
    String name = m.name() == null ? String.valueOf(d.getFileName()) : m.name();
    return new Workspace(d, new WorkspaceManifest(m.format(), name, m.created(), m.dataset()));
  }

  /** Opens {@code dir} if it holds a workspace, otherwise creates one there. */
  public static Workspace openOrCreate(Path dir, DatasetReference dataset)
      throws WorkspaceException {
    return Files.isRegularFile(dir.resolve(MANIFEST)) ? open(dir) : create(dir, dataset);
  }

  /** A copy pointing at another dataset, saved to disk. */
  public Workspace withDataset(DatasetReference dataset) throws WorkspaceException {
    Workspace ws = new Workspace(dir, manifest.withDataset(dataset));
    ws.save();
    return ws;
  }

  private void save() throws WorkspaceException {
    try {
      JsonFiles.write(manifestFile(), manifest);
    } catch (IOException e) {
      throw new WorkspaceException(manifestFile(), "cannot be written (" + e.getMessage() + ")", e);
    }
  }

  public Path dir() {
    return dir;
  }

  public String name() {
    return manifest.name();
  }

  public WorkspaceManifest manifest() {
    return manifest;
  }

  /** The dataset reference, or {@code null}. */
  public DatasetReference dataset() {
    return manifest.dataset();
  }

  public Path manifestFile() {
    return dir.resolve(MANIFEST);
  }

  public Path configsDir() {
    return dir.resolve("configs");
  }

  public Path modelsDir() {
    return dir.resolve("models");
  }

  public Path runsDir() {
    return dir.resolve("runs");
  }

  public Path reviewsDir() {
    return dir.resolve("reviews");
  }

  /** Each model's last evaluation, restored when the model is opened again. */
  public Path evaluationsDir() {
    return dir.resolve("evaluations");
  }

  public Path logsDir() {
    return dir.resolve("logs");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Workspace w && w.dir.equals(dir) && w.manifest.equals(manifest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dir, manifest);
  }

  @Override
  public String toString() {
    return "Workspace[" + dir + "]";
  }
}
