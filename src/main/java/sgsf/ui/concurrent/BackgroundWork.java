package sgsf.ui.concurrent;

/** Work that runs off the FX thread and produces a result. */
@FunctionalInterface
public interface BackgroundWork<T> {
  T run(TaskContext context) throws Exception;
}
