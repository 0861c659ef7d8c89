package sgsf.ui;

import java.util.Map;

/**
 * What the deep-learning backend reported once it loaded.
 *
 * @param label short text for the status bar ("CPU (oneDNN), 2 threads", "GPU (CUDA): …")
 * @param details longer text for a tooltip (BLAS, cores, memory, load time)
 * @param loadMillis how long loading took
 */
public record BackendInfo(String label, String details, long loadMillis) {

  /** Builds the tooltip text from ND4J's environment information map. */
  static BackendInfo of(String label, Map<?, ?> env, long loadMillis) {
    StringBuilder details = new StringBuilder("ND4J backend: ").append(env.get("backend"));
    if (env.get("blas.vendor") != null) {
      details
          .append("\nBLAS: ")
          .append(env.get("blas.vendor"))
          .append(", ")
          .append(env.get("blas.threads"))
          .append(" threads");
    }
    if (env.get("cores") != null) {
      details.append("\nCPU cores: ").append(env.get("cores"));
    }
    if (env.get("memory.available") instanceof Number n) {
      details.append("\nMemory available: ").append(MemoryUsage.format(n.longValue()));
    }
    details.append("\nLoaded in ").append(loadMillis).append(" ms, in the background");
    return new BackendInfo(label, details.toString(), loadMillis);
  }
}
