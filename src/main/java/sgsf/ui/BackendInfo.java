package sgsf.ui;

import java.util.Map;

/**
 * What the deep-learning backend reported once it loaded.
 *
 * @param label short text for the status bar ("CPU · 2 threads", "GPU · RTX 3060")
 * @param details longer text for a tooltip (BLAS, oneDNN, memory)
 * @param loadMillis how long loading took
 */
public record BackendInfo(String label, String details, long loadMillis) {

  /** Builds the text from ND4J's environment information map. */
  static BackendInfo fromEnvironment(Map<?, ?> env, boolean onednn, long loadMillis) {
    String backend = String.valueOf(env.get("backend"));
    StringBuilder details = new StringBuilder();
    String label;
    if ("CPU".equalsIgnoreCase(backend)) {
      Object threads = env.get("omp.threads");
      label = "CPU · " + threads + " threads";
      details
          .append("ND4J CPU backend")
          .append(onednn ? " with oneDNN" : " (no oneDNN)")
          .append("\nBLAS: ")
          .append(env.get("blas.vendor"))
          .append(", ")
          .append(env.get("blas.threads"))
          .append(" threads\nCores: ")
          .append(env.get("cores"));
    } else {
      String device = "GPU";
      Object devices = env.get("cuda.devicesInformation");
      if (devices instanceof java.util.List<?> list
          && !list.isEmpty()
          && list.get(0) instanceof Map<?, ?> first) {
        Object name = first.get("cuda.deviceName");
        if (name != null) {
          device = "GPU · " + name;
        }
      }
      label = device;
      details.append("ND4J ").append(backend).append(" backend");
    }
    details.append("\nLoaded in ").append(loadMillis).append(" ms");
    return new BackendInfo(label, details.toString(), loadMillis);
  }
}
