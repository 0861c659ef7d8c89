package sgsf.ui;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench remembers between sessions ({@code settings.json} in the configuration
 * folder). The with-ers of single fields ({@code withDarkTheme} and the like) are generated at
 * compile time by RecordBuilder into {@code WorkbenchSettingsBuilder.With}.
 *
 * @param darkTheme true for PrimerDark, false for PrimerLight
 * @param recentWorkspaces most recent first, at most {@link #MAX_RECENT}
 * @param lastWorkspace the workspace open when the workbench last closed, reopened at start
 */
@RecordBuilder
public record WorkbenchSettings(
    boolean darkTheme, List<String> recentWorkspaces, String lastWorkspace)
    implements WorkbenchSettingsBuilder.With {
  public static final int MAX_RECENT = 8;

  public WorkbenchSettings {
    recentWorkspaces = recentWorkspaces == null ? List.of() : List.copyOf(recentWorkspaces);
  }

  public static WorkbenchSettings defaults() {
    return new WorkbenchSettings(false, List.of(), null);
  }

  /** Moves {@code dir} to the front of the recent list and makes it the last workspace. */
  public WorkbenchSettings withOpened(String dir) {
    List<String> recent = new ArrayList<>(recentWorkspaces);
    recent.remove(dir);
    recent.add(0, dir);
    while (recent.size() > MAX_RECENT) {
      recent.remove(recent.size() - 1);
    }
    return new WorkbenchSettings(darkTheme, recent, dir);
  }

  /** Drops a workspace that no longer exists from the recent list. */
  public WorkbenchSettings without(String dir) {
    List<String> recent = new ArrayList<>(recentWorkspaces);
    recent.remove(dir);
    return new WorkbenchSettings(
        darkTheme, recent, dir.equals(lastWorkspace) ? null : lastWorkspace);
  }
}
