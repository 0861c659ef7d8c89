package sgsf.ui;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import sgsf.engine.backend.Backend;

/**
 * Loads the ND4J backend (1-3 s, native libraries) and describes it. Call it off the FX thread
 * only: the workbench starts without it and fills the status bar when it is done.
 */
public final class BackendProbe {
  private BackendProbe() {}

  public static BackendInfo load() {
    long t0 = System.nanoTime();
    String label = Backend.describe();
    Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return BackendInfo.of(label, env, ms);
  }
}
