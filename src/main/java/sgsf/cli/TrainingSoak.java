package sgsf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import sgsf.engine.backend.ProcessMemory;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.Dataset;
import sgsf.engine.task.ProgressListener;
import sgsf.engine.train.IterationStats;
import sgsf.engine.train.TrainingControl;
import sgsf.engine.train.TrainingListener;
import sgsf.workflow.TrainingWorkflow;

/**
 * A real training run under a time budget, the path {@code sgsf train --minutes} takes (forging
 * thread, contrast sets, checkpoints off), with the process's resident memory sampled at a fixed
 * interval: does memory stay flat over a long run?
 *
 * @param rssMbSeries resident memory after each interval, in MB (the last sample at the end)
 * @param heapMbSeries committed Java heap at the same instants, in MB
 * @param referenceIndex the sample the growth is measured from: the one after five intervals
 *     (minute 5 at the default interval), or the first when the run is shorter
 * @param iterations iterations trained
 */
record TrainingSoak(
    List<Long> rssMbSeries, List<Long> heapMbSeries, int referenceIndex, int iterations) {

  /** Growth of the last sample over the reference sample, in percent. */
  double growthPercent() {
    long ref = rssMbSeries.get(referenceIndex);
    return 100.0 * (rssMbSeries.get(rssMbSeries.size() - 1) - ref) / ref;
  }

  /**
   * Peak resident memory in MB: the kernel's high-water mark (VmHWM), or the highest sample where
   * that is higher. Linux updates the high-water mark only on some events (unmapping, exit), so
   * memory returned with {@code madvise} can leave VmHWM below an earlier VmRSS reading.
   */
  long peakRssMb() {
    long sampled = rssMbSeries.stream().mapToLong(Long::longValue).max().orElse(-1);
    return Math.max(ProcessMemory.peakResidentBytes() >> 20, sampled);
  }

  static TrainingSoak run(
      Dataset dataset, ModelConfig model, int batch, double minutes, double sampleSeconds)
      throws IOException {
    TrainConfig train =
        TrainConfig.defaults()
            .withIterations(1_000_000)
            .withMinutes(minutes)
            .withBatchSize(batch)
            .withCheckpointEvery(0);
    Path dir = Files.createTempDirectory("sgsf-soak");
    List<Long> series = new ArrayList<>();
    List<Long> heap = new ArrayList<>();
    Runnable sample =
        () -> {
          synchronized (series) {
            series.add(ProcessMemory.residentBytes() >> 20);
            heap.add(ProcessMemory.heapCommittedBytes() >> 20);
          }
        };
    AtomicInteger iterations = new AtomicInteger();
    ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sgsf-soak-sampler");
              t.setDaemon(true);
              return t;
            });
    long periodMs = Math.max(100, Math.round(sampleSeconds * 1000));
    sampler.scheduleAtFixedRate(sample, periodMs, periodMs, TimeUnit.MILLISECONDS);
    try {
      TrainingWorkflow.run(
          new TrainingWorkflow.Request(
              dataset,
              model,
              train,
              ForgeConfig.defaults(),
              dir.resolve("soak.zip"),
              dir.resolve("checkpoints"),
              null),
          new TrainingListener() {
            @Override
            public void onIteration(IterationStats stats) {
              iterations.set(stats.iteration());
            }
          },
          new TrainingControl(),
          ProgressListener.NONE);
    } finally {
      sampler.shutdownNow();
      deleteTree(dir);
    }
    sample.run();
    synchronized (series) {
      return new TrainingSoak(
          List.copyOf(series), List.copyOf(heap), Math.min(5, series.size()) - 1, iterations.get());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
