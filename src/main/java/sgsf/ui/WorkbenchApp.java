package sgsf.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class WorkbenchApp extends Application {
  @Override
  public void start(Stage stage) {
    stage.setTitle("SGSF Inspection Workbench");
    stage.setScene(new Scene(new Label("SGSF Inspection Workbench"), 1280, 760));
    stage.show();
  }
}
