package sgsf.io.workspace;

import java.nio.file.Path;

/** A workspace folder that cannot be created, opened or saved; names the file and the problem. */
public class WorkspaceException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Path path;

  public WorkspaceException(Path path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
