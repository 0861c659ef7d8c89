package sgsf.ui.concurrent;

/** The life cycle of a {@link RunningTask}. */
public enum TaskState {
  SCHEDULED,
  RUNNING,
  /** Cancel was requested; the work has not stopped yet. */
  CANCELLING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isFinished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
