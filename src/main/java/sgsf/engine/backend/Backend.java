package sgsf.engine.backend;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deep-learning backend (ND4J): configuration before it loads, and what it reports once loaded.
 */
public final class Backend {
  private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
  private static volatile String description;

  private Backend() {}

  /**
   * Sets the JVM properties ND4J and DL4J read when they load, unless the user set them already:
   * the oneDNN native build ({@code -onednn-avx2} platform extension) and DL4J's oneDNN layer
   * helpers, which 1.0.0-M2.1 switches off unless told otherwise (TOOLCHAIN.md: ~9x slower). Must
   * run before any ND4J class is touched.
   */
  public static void configureProperties() {
    setIfAbsent("org.bytedeco.javacpp.platform.extension", "-onednn-avx2");
    setIfAbsent("org.eclipse.deeplearning4j.helpers.disable", "false");
  }

  /**
   * Runs the deep-learning ops launched from the calling thread on at most {@code threads} OpenMP
   * threads: libnd4j and oneDNN size their parallel regions by the calling thread's OpenMP setting.
   * The workbench trains with one core fewer than the machine has, so the window keeps a core (on 2
   * cores, with both busy the FX thread missed pulses for 130 ms; with one left free, not). Ignored
   * (with a log line) on a backend without OpenMP.
   */
  public static void limitComputeThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    try {
      Nd4j.getExecutioner();
      org.nd4j.nativeblas.NativeOpsHolder.getInstance()
          .getDeviceNativeOps()
          .setOmpNumThreads(threads);
      LOG.info("compute threads of {} limited to {}", Thread.currentThread().getName(), threads);
    } catch (RuntimeException | LinkageError e) {
      LOG.info("could not limit the compute threads: {}", e.toString());
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * Loads ND4J (if not loaded yet) and describes the backend, e.g. "CPU (oneDNN), 2 threads" or
   * "GPU: NVIDIA ...". With the CUDA build on a PC without a usable GPU, ND4J falls back to the CPU
   * backend; that is logged here.
   */
  public static String describe() {
    String d = description;
    if (d == null) {
      synchronized (Backend.class) {
        if (description == null) {
          configureProperties();
          description = probe();
          LOG.info("deep-learning backend: {}", description);
        }
        d = description;
      }
    }
    return d;
  }

  private static String probe() {
    Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
    String backend = String.valueOf(env.getOrDefault("backend", "unknown"));
    if ("CUDA".equalsIgnoreCase(backend)) {
      Object devices = env.get("cuda.devicesInformation");
      return "GPU (CUDA)" + (devices == null ? "" : ": " + devices);
    }
    boolean cudaWanted = isOnClasspath("org.nd4j.linalg.jcublas.JCublasBackend");
    if (cudaWanted) {
      LOG.warn("CUDA build, but no usable GPU was found: falling back to the CPU backend");
    }
    boolean onednn = false;
    try {
      onednn =
          org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
    } catch (Throwable t) {
      LOG.debug("oneDNN check failed", t);
    }
    Object threads = env.getOrDefault("omp.threads", Runtime.getRuntime().availableProcessors());
    return "CPU"
        + (onednn ? " (oneDNN)" : "")
        + ", "
        + threads
        + ("1".equals(String.valueOf(threads)) ? " thread" : " threads")
        + (cudaWanted ? " (no GPU found)" : "");
  }

  private static boolean isOnClasspath(String className) {
    try {
      Class.forName(className, false, Backend.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
