package sgsf.spark;

import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import sgsf.engine.backend.Backend;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.ModelBundle;
import sgsf.io.report.ThresholdsJson;

/**
 * The models of one executor JVM, loaded once and kept for the JVM's life: a task borrows a {@link
 * Predictor} for its partition and gives it back, so each task thread has a predictor of its own
 * (with its warm guidance cache) and a JVM loads a bundle at most once per task slot, never once
 * per task. One shared network for all task threads is not an option: DL4J's {@code
 * ComputationGraph.feedForward} keeps per-call state in the graph and is not thread-safe (and its
 * {@code output} is {@code synchronized}, which would serialise the threads).
 */
final class ModelPool {
  /** A loaded model ready for one thread. */
  record Scorer(ModelRef ref, Predictor predictor, Thresholds thresholds, String key) {}

  private static final Map<String, Queue<Scorer>> IDLE = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  static {
    Backend.configureProperties();
  }

  private ModelPool() {}

  /**
   * A predictor of the model for the calling task; the task's compute threads are limited to its
   * {@code spark.task.cpus} (OMP_NUM_THREADS = task cpus).
   */
  static Scorer borrow(ModelRef ref, int neighbours) throws IOException {
    limitThreadsToTaskCpus();
    String key = ref.sha256() + "/" + neighbours;
    Scorer idle = IDLE.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).poll();
    if (idle != null) {
      return idle;
    }
    ModelBundle.Loaded loaded = ModelBundle.load(ref.localFile());
    LOADS.incrementAndGet();
    return new Scorer(
        ref,
        new Predictor(loaded.model(), neighbours),
        ThresholdsJson.fromJson(loaded.thresholds()),
        key);
  }

  /** Returns a predictor for the next task of this JVM. */
  static void giveBack(Scorer s) {
    IDLE.get(s.key()).add(s);
  }

  /** How many bundles this JVM has loaded. */
  static int loads() {
    return LOADS.get();
  }

  /** Runs the calling thread's deep-learning ops on the task's cores. */
  static void limitThreadsToTaskCpus() {
    TaskContext task = TaskContext.get();
    Backend.limitComputeThreads(task == null ? 1 : Math.max(1, task.cpus()));
  }
}
