package sgsf.engine.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: what the
 * workbench's status bar shows and what the benchmarks measure. Off-heap ND4J buffers count here
 * and not in the Java heap.
 */
public final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMemory() {}

  /** Resident memory now (VmRSS) in bytes; -1 where /proc is not available. */
  public static long residentBytes() {
    return kilobytes("VmRSS:") * 1024L;
  }

  /** Java heap committed now, in bytes (what the heap holds resident at most). */
  public static long heapCommittedBytes() {
    return Runtime.getRuntime().totalMemory();
  }

  /** Peak resident memory so far (VmHWM) in bytes; -1 where /proc is not available. */
  public static long peakResidentBytes() {
    return kilobytes("VmHWM:") * 1024L;
  }

  private static long kilobytes(String key) {
    if (!Files.isReadable(STATUS)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
