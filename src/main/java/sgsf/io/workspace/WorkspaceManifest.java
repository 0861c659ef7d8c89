package sgsf.io.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The content of {@code workspace.json}.
 *
 * @param format file format version ({@link #FORMAT})
 * @param name display name
 * @param created ISO-8601 creation instant
 * @param dataset the dataset the workspace works on, or {@code null} if none was chosen yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkspaceManifest(int format, String name, String created, DatasetReference dataset) {
  /** The format version this build writes and understands. */
  public static final int FORMAT = 1;

  public WorkspaceManifest withDataset(DatasetReference ref) {
    return new WorkspaceManifest(format, name, created, ref);
  }
}
