package sgsf.engine.backend;

/**
 * The deep-learning backend (ND4J): configuration before it loads, and what it reports once loaded.
 */
public final class Backend {
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

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
