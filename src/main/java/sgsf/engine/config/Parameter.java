package sgsf.engine.config;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * One tunable parameter of a configuration record {@code C}, declared once with its label, help,
 * unit, range and the record's accessor and with-er: the workbench's controls and the CLI's options
 * are built from these declarations, and the default is the value in the record's {@code
 * defaults()}. A range parameter is a pair [low, high] (for example alpha_min and alpha_max of Eq.
 * (2)); a flag is 0 or 1.
 *
 * @param id stable key: the CLI option is {@code --<prefix><id>}, the form's control id is {@code
 *     id}
 * @param group the form section it belongs to
 * @param help one line for tooltips and {@code --help}
 * @param unit what the number measures ("" for plain numbers)
 * @param min smallest allowed value (both ends of a range)
 * @param max largest allowed value (both ends of a range)
 * @param decimals digits shown after the point
 * @param get the value(s) in a configuration: one for numbers and flags, two for ranges
 * @param with a copy of the configuration with the value(s) changed
 */
public record Parameter<C, G extends Enum<G>>(
    String id,
    G group,
    String label,
    String help,
    String unit,
    Kind kind,
    double min,
    double max,
    int decimals,
    Function<C, double[]> get,
    BiFunction<C, double[], C> with) {

  /** What kind of value the parameter takes. */
  public enum Kind {
    NUMBER,
    INTEGER,
    RANGE,
    INTEGER_RANGE,
    FLAG;

    /** Whether the value is a pair [low, high]. */
    public boolean isRange() {
      return this == RANGE || this == INTEGER_RANGE;
    }

    /** Whether only whole numbers are allowed. */
    public boolean isInteger() {
      return this == INTEGER || this == INTEGER_RANGE;
    }
  }

  /**
   * {@code base} with every parameter in {@code values} set. Parameters are applied one at a time,
   * each through the record's validating with-er; one that would break a constraint it shares with
   * another (a + b < 1 of Eq. (1)) is retried after the others, so the order of {@code values} does
   * not matter.
   *
   * @throws IllegalArgumentException the record's message, when the values cannot all hold at once
   */
  public static <C, G extends Enum<G>> C applyAll(
      C base, java.util.Map<Parameter<C, G>, double[]> values) {
    C c = base;
    java.util.List<Parameter<C, G>> pending = new java.util.ArrayList<>(values.keySet());
    while (!pending.isEmpty()) {
      IllegalArgumentException last = null;
      java.util.List<Parameter<C, G>> failed = new java.util.ArrayList<>();
      for (Parameter<C, G> p : pending) {
        try {
          c = p.with().apply(c, values.get(p));
        } catch (IllegalArgumentException e) {
          failed.add(p);
          last = e;
        }
      }
      if (failed.size() == pending.size()) {
        throw last;
      }
      pending = failed;
    }
    return c;
  }

  /** This range or number restricted to whole numbers. */
  public Parameter<C, G> asIntegers() {
    Kind k =
        switch (kind) {
          case RANGE, INTEGER_RANGE -> Kind.INTEGER_RANGE;
          case NUMBER, INTEGER -> Kind.INTEGER;
          case FLAG -> Kind.FLAG;
        };
    return new Parameter<>(id, group, label, help, unit, k, min, max, 0, get, with);
  }

  /** The value(s) as the CLI writes them: {@code 0.4}, {@code 0.1:1}, {@code true}. */
  public String format(C config) {
    double[] v = get.apply(config);
    return switch (kind) {
      case FLAG -> Boolean.toString(v[0] != 0);
      case RANGE, INTEGER_RANGE -> number(v[0]) + ":" + number(v[1]);
      default -> number(v[0]);
    };
  }

  /**
   * The value(s) written as {@code text} (in {@link #format} syntax).
   *
   * @throws IllegalArgumentException saying what was expected (callers prefix the option or field
   *     name), when the text does not parse or lies outside [min, max]
   */
  public double[] parse(String text) {
    String t = text.trim();
    double[] v;
    if (kind == Kind.FLAG) {
      if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("expected true or false, got '" + text + "'");
      }
      v = new double[] {Boolean.parseBoolean(t) ? 1 : 0};
    } else if (kind.isRange()) {
      String[] parts = t.split(":", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "expected LOW:HIGH within " + bounds() + ", got '" + text + "'");
      }
      v = new double[] {value(parts[0], text), value(parts[1], text)};
      if (v[0] > v[1]) {
        throw new IllegalArgumentException("LOW is above HIGH in '" + text + "'");
      }
    } else {
      v = new double[] {value(t, text)};
    }
    return v;
  }

  private double value(String part, String text) {
    double d;
    try {
      d = Double.parseDouble(part.trim());
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d >= min && d <= max) || (kind.isInteger() && d != Math.rint(d))) {
      throw new IllegalArgumentException(
          "expected "
              + (kind.isInteger() ? "a whole number" : "a number")
              + " within "
              + bounds()
              + ", got '"
              + text
              + "'");
    }
    return d;
  }

  /**
   * Checks a record component against this parameter's range, for the record's compact constructor:
   * the range is declared here once and the record enforces it.
   *
   * @param name the component as the message names it ({@code ForgeConfig.a}, {@code batchSize})
   * @throws IllegalArgumentException {@code NAME must be in [MIN, MAX], got VALUE} (also for NaN)
   */
  public void require(String name, double value) {
    require(name, value, min, Double.toString(value));
  }

  /** {@link #require(String, double)} for a whole-number component. */
  public void require(String name, int value) {
    require(name, value, min, Integer.toString(value));
  }

  /**
   * Checks the two components of a range parameter: {@code low} in [min, max], {@code high} in
   * [low, max].
   *
   * @throws IllegalArgumentException naming the component that is outside
   */
  public void requireOrdered(String lowName, String highName, double low, double high) {
    require(lowName, low, min, Double.toString(low));
    require(highName, high, low, Double.toString(high));
  }

  /** {@link #requireOrdered(String, String, double, double)} for whole-number components. */
  public void requireOrdered(String lowName, String highName, int low, int high) {
    require(lowName, low, min, Integer.toString(low));
    require(highName, high, low, Integer.toString(high));
  }

  private void require(String name, double value, double from, String given) {
    if (!(value >= from && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in [" + number(from) + ", " + number(max) + "], got " + given);
    }
  }

  /** The allowed interval, as help text shows it. */
  public String bounds() {
    return "[" + number(min) + ", " + number(max) + "]" + (unit.isEmpty() ? "" : " " + unit);
  }

  private static String number(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** A number in [min, max]. */
  public static <C, G extends Enum<G>> Parameter<C, G> number(
      String id,
      G group,
      String label,
      String help,
      double min,
      double max,
      int decimals,
      ToDoubleFunction<C> get,
      BiFunction<C, Double, C> with) {
    return single(id, group, label, help, Kind.NUMBER, min, max, decimals, get, with);
  }

  /** A whole number in [min, max]. */
  public static <C, G extends Enum<G>> Parameter<C, G> integer(
      String id,
      G group,
      String label,
      String help,
      int min,
      int max,
      ToIntFunction<C> get,
      BiFunction<C, Integer, C> with) {
    return single(
        id,
        group,
        label,
        help,
        Kind.INTEGER,
        min,
        max,
        0,
        get::applyAsInt,
        (c, v) -> with.apply(c, (int) Math.round(v)));
  }

  /** A pair [low, high] inside [min, max], set in an order that keeps the record valid. */
  public static <C, G extends Enum<G>> Parameter<C, G> range(
      String id,
      G group,
      String label,
      String help,
      String unit,
      double min,
      double max,
      int decimals,
      Function<C, double[]> get,
      BiFunction<C, Double, C> withLow,
      BiFunction<C, Double, C> withHigh) {
    return new Parameter<>(
        id,
        group,
        label,
        help,
        unit,
        Kind.RANGE,
        min,
        max,
        decimals,
        get,
        ordered(get, withLow, withHigh));
  }

  /**
   * Sets [low, high] in the order that keeps every intermediate configuration valid (low <= high):
   * the high end first when the new low lies above the current high.
   */
  private static <C> BiFunction<C, double[], C> ordered(
      Function<C, double[]> get,
      BiFunction<C, Double, C> withLow,
      BiFunction<C, Double, C> withHigh) {
    return (c, v) ->
        v[0] > get.apply(c)[1]
            ? withLow.apply(withHigh.apply(c, v[1]), v[0])
            : withHigh.apply(withLow.apply(c, v[0]), v[1]);
  }

  /** An on/off switch. */
  public static <C, G extends Enum<G>> Parameter<C, G> flag(
      String id,
      G group,
      String label,
      String help,
      Predicate<C> get,
      BiFunction<C, Boolean, C> with) {
    return single(
        id,
        group,
        label,
        help,
        Kind.FLAG,
        0,
        1,
        0,
        c -> get.test(c) ? 1 : 0,
        (c, v) -> with.apply(c, v != 0));
  }

  /** A parameter of one value (a number, a whole number or a flag), without a unit. */
  private static <C, G extends Enum<G>> Parameter<C, G> single(
      String id,
      G group,
      String label,
      String help,
      Kind kind,
      double min,
      double max,
      int decimals,
      ToDoubleFunction<C> get,
      BiFunction<C, Double, C> with) {
    return new Parameter<>(
        id,
        group,
        label,
        help,
        "",
        kind,
        min,
        max,
        decimals,
        c -> new double[] {get.applyAsDouble(c)},
        (c, v) -> with.apply(c, v[0]));
  }
}
