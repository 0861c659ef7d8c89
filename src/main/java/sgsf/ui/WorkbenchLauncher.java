package sgsf.ui;

import javafx.application.Application;

/** Starts the JavaFX workbench. */
public final class WorkbenchLauncher {
  private WorkbenchLauncher() {}

  public static void launch(String[] args) {
    StartupPrefetch.begin();
    ClassWarmup.start();
    Application.launch(WorkbenchApp.class, args);
  }
}
