package org.nd4j.nativeblas;

/**
 * Stand-in under the class name DL4J 1.0.0-M2.1 still looks up before it enables its oneDNN layer
 * helpers ({@code org.nd4j.nativeblas.Nd4jCpu$Environment}). The real class moved to {@code
 * org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}; without this stand-in DL4J logs
 * "Cannot find class" and silently trains about 9x slower (TOOLCHAIN.md). Every call forwards to
 * the real environment.
 */
public final class Nd4jCpu {
  private Nd4jCpu() {}

  /** Forwards the helper checks DL4J makes by reflection to the relocated native environment. */
  public static final class Environment {
    private static final Environment INSTANCE = new Environment();

    private Environment() {}

    public static Environment getInstance() {
      return INSTANCE;
    }

    private static org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment real() {
      return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance();
    }

    public boolean isUseMKLDNN() {
      return real().isUseONEDNN();
    }

    public boolean isUseONEDNN() {
      return real().isUseONEDNN();
    }

    public void setUseMKLDNN(boolean use) {
      real().setUseONEDNN(use);
    }

    public boolean helpersAllowed() {
      return real().helpersAllowed();
    }

    public void allowHelpers(boolean allow) {
      real().allowHelpers(allow);
    }
  }
}
