package sgsf.engine.metrics;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A metric value, or the explicit statement that it is undefined and why. Used by the summaries so
 * that a report can show "undefined: no defective images" instead of a NaN.
 *
 * @param value the value; {@code NaN} exactly when undefined (never read it without {@link
 *     #defined()})
 * @param undefinedReason {@code null} when defined, otherwise why the metric has no value
 */
public record Metric(double value, String undefinedReason) {

  public Metric {
    if (undefinedReason == null && !Double.isFinite(value)) {
      throw new IllegalArgumentException("a defined metric must be finite, got " + value);
    }
    if (undefinedReason != null) {
      value = Double.NaN;
    }
  }

  /** A defined, finite value. */
  public static Metric of(double value) {
    return new Metric(value, null);
  }

  /** An undefined metric with its reason. */
  public static Metric undefined(String reason) {
    return new Metric(Double.NaN, Objects.requireNonNull(reason, "reason"));
  }

  /** Evaluates {@code computation}; an {@link UndefinedMetricException} becomes undefined. */
  public static Metric compute(DoubleSupplier computation) {
    try {
      return of(computation.getAsDouble());
    } catch (UndefinedMetricException e) {
      return undefined(e.getMessage());
    }
  }

  public boolean defined() {
    return undefinedReason == null;
  }

  /** The value, or an {@link UndefinedMetricException} carrying the reason. */
  public double orElseThrow() {
    if (undefinedReason != null) {
      throw new UndefinedMetricException(undefinedReason);
    }
    return value;
  }

  /** The value, or {@code fallback} when undefined. */
  public double orElse(double fallback) {
    return undefinedReason == null ? value : fallback;
  }

  @Override
  public String toString() {
    return undefinedReason == null ? Double.toString(value) : "undefined (" + undefinedReason + ")";
  }
}
