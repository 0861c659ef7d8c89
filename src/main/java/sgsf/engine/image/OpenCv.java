package sgsf.engine.image;

/** Loads OpenCV's native library once per JVM (the org.openpnp jar ships it). */
public final class OpenCv {
  private static volatile boolean loaded;

  private OpenCv() {}

  /** Idempotent and thread-safe; call before touching any {@code org.opencv} class. */
  public static void ensureLoaded() {
    if (!loaded) {
      synchronized (OpenCv.class) {
        if (!loaded) {
          nu.pattern.OpenCV.loadLocally();
          loaded = true;
        }
      }
    }
  }
}
