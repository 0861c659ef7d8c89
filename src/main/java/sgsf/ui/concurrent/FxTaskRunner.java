package sgsf.ui.concurrent;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's runner: one pool of named daemon threads per {@link Lane} (training has its own
 * single thread), results delivered on the FX application thread.
 */
public final class FxTaskRunner extends TaskRunner {
  private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
  private final Map<Lane, ExecutorService> executors = new EnumMap<>(Lane.class);

  public FxTaskRunner() {
    for (Lane lane : Lane.values()) {
      executors.put(
          lane, Executors.newFixedThreadPool(lane.threads(), daemonThreads(lane.threadName())));
    }
  }

  /** A factory of named daemon threads at normal priority that log what escapes them. */
  public static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
      return t;
    };
  }

  @Override
  protected Executor executor(Lane lane) {
    return executors.get(lane);
  }

  @Override
  public Executor dispatcher() {
    return Platform::runLater;
  }

  @Override
  public void shutdown() {
    executors.values().forEach(ExecutorService::shutdownNow);
  }
}
