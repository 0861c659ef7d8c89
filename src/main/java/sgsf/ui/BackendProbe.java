package sgsf.ui;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Loads the ND4J backend (1-3 s, native libraries) and describes it. Call it off the FX thread
 * only: the workbench starts without it and fills the status bar when it is done.
 */
public final class BackendProbe {
  private BackendProbe() {}

  public static BackendInfo load() {
    long t0 = System.nanoTime();
    Nd4j.getBackend();
    java.util.Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
    boolean onednn = false;
    try {
      String build = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
      onednn = build != null && build.contains("HAVE_ONEDNN");
    } catch (RuntimeException | LinkageError e) {
      // a backend without build information: report it without oneDNN
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return BackendInfo.fromEnvironment(env, onednn, ms);
  }
}
