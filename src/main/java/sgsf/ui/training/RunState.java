package sgsf.ui.training;

/** Where the training section's run stands. */
public enum RunState {
  IDLE("Ready"),
  RUNNING("Training"),
  PAUSED("Paused"),
  CANCELLING("Cancelling…"),
  COMPLETED("Finished"),
  CANCELLED("Cancelled"),
  DIVERGED("Stopped: loss not finite"),
  FAILED("Failed");

  private final String label;

  RunState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True while a run is in progress (Start disabled, Cancel enabled). */
  public boolean isActive() {
    return this == RUNNING || this == PAUSED || this == CANCELLING;
  }
}
