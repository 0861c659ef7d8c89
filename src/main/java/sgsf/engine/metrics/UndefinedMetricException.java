package sgsf.engine.metrics;

/**
 * A metric that cannot be computed from the given data, for example an AUROC over images of one
 * class only. The message says which metric and why, in words a quality engineer can act on.
 */
public class UndefinedMetricException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UndefinedMetricException(String message) {
    super(message);
  }
}
