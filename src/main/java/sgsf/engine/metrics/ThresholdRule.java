package sgsf.engine.metrics;

import java.util.Objects;

/**
 * How to choose one threshold.
 *
 * @param method the method
 * @param value the target rate in [0, 1] for {@link ThresholdMethod#FALSE_REJECT_RATE} and {@link
 *     ThresholdMethod#MISS_RATE}, the threshold itself for {@link ThresholdMethod#MANUAL}, 0 for
 *     {@link ThresholdMethod#F1_MAX}
 */
public record ThresholdRule(ThresholdMethod method, double value) {
  public ThresholdRule {
    Objects.requireNonNull(method, "method");
    switch (method) {
      case FALSE_REJECT_RATE, MISS_RATE -> {
        if (!(value >= 0 && value <= 1)) {
          throw new IllegalArgumentException(
              "a target rate must lie in [0, 1] (0.01 = 1 %), got " + value);
        }
      }
      case MANUAL -> {
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException("a manual threshold must be a number, got " + value);
        }
      }
      case F1_MAX -> value = 0;
    }
  }

  public static ThresholdRule f1Max() {
    return new ThresholdRule(ThresholdMethod.F1_MAX, 0);
  }

  /** At most {@code rate} of the good samples at or above the threshold (0.01 = 1 %). */
  public static ThresholdRule falseRejectRate(double rate) {
    return new ThresholdRule(ThresholdMethod.FALSE_REJECT_RATE, rate);
  }

  /** At most {@code rate} of the defective samples below the threshold. */
  public static ThresholdRule missRate(double rate) {
    return new ThresholdRule(ThresholdMethod.MISS_RATE, rate);
  }

  public static ThresholdRule manual(double threshold) {
    return new ThresholdRule(ThresholdMethod.MANUAL, threshold);
  }

  /** Human-readable, e.g. "false-reject rate <= 1 %". */
  public String describe() {
    return describe(method.name(), value);
  }

  static String describe(String method, double value) {
    return switch (ThresholdMethod.valueOf(method)) {
      case F1_MAX -> "F1-max";
      case FALSE_REJECT_RATE -> "false-reject rate <= " + percent(value);
      case MISS_RATE -> "miss rate <= " + percent(value);
      case MANUAL -> "set by hand";
    };
  }

  private static String percent(double rate) {
    double p = rate * 100;
    return (p == Math.rint(p) ? Long.toString(Math.round(p)) : Double.toString(p)) + " %";
  }
}
