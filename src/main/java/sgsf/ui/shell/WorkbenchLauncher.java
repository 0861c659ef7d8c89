package sgsf.ui.shell;

import javafx.application.Application;
import sgsf.ui.StartupPrefetch;

/** Starts the JavaFX workbench. */
public final class WorkbenchLauncher {
  private WorkbenchLauncher() {}

  public static void launch(String[] args) {
    StartupPrefetch.begin();
    ClassWarmup.start();
    Application.launch(WorkbenchApp.class, args);
  }
}
