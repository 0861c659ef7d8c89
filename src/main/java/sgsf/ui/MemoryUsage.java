package sgsf.ui;

import java.util.Locale;
import sgsf.engine.backend.ProcessMemory;

/**
 * Memory in use: the Java heap and, on Linux, the whole process's resident set (which includes
 * ND4J's off-heap buffers and native libraries).
 *
 * @param heapUsedBytes live Java heap
 * @param heapMaxBytes the heap limit (-Xmx)
 * @param residentBytes resident set size of the process, or -1 where unknown
 */
public record MemoryUsage(long heapUsedBytes, long heapMaxBytes, long residentBytes) {
  public static MemoryUsage now() {
    Runtime rt = Runtime.getRuntime();
    return new MemoryUsage(rt.totalMemory() - rt.freeMemory(), rt.maxMemory(), readResidentBytes());
  }

  static long readResidentBytes() {
    return ProcessMemory.residentBytes();
  }

  /** "heap 312 MB / 6.0 GB · process 1.2 GB" */
  public String label() {
    String s = "heap " + format(heapUsedBytes) + " / " + format(heapMaxBytes);
    return residentBytes >= 0 ? s + " · process " + format(residentBytes) : s;
  }

  public static String format(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    if (mb < 1000) {
      return String.format(Locale.ROOT, "%.0f MB", mb);
    }
    return String.format(Locale.ROOT, "%.1f GB", mb / 1024.0);
  }
}
