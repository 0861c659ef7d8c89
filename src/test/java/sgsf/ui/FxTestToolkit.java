package sgsf.ui;

import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;

/** Starts the JavaFX toolkit (headless Monocle under Maven) for tests that need no window. */
public final class FxTestToolkit {
  private FxTestToolkit() {}

  public static void start() throws TimeoutException {
    GuiTestSupport.init();
    FxToolkit.registerPrimaryStage();
  }
}
