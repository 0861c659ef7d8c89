package sgsf.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * One option of one command, declared in a single expression with its name, parameter label,
 * default, help and, for whole numbers, its range: {@code final CommandOption<Integer> samples =
 * CommandOption.count("--samples", "N", 300, 1, 1_000_000, "Samples per run (default:
 * ${DEFAULT-VALUE}).");}. For the options whose name recurs across the benchmarks with a meaning
 * and default of its own on each ({@code --runs}, {@code --size}, {@code --warmup}, {@code
 * --images}, {@code --guidance}): the text and the numbers stay with the command that has the
 * option, and the option's mechanics, the picocli model, the range check and its one-line error
 * naming the option, are written once here. A command names {@link Adder} as its model transformer,
 * which adds the option of every {@code CommandOption} field; a label left {@code null} reads
 * {@code <field>}, as picocli labels an annotated field.
 *
 * @param <T> the option's value type, converted by picocli's built-in converters
 */
public final class CommandOption<T> {
  private final Class<T> type;
  private final String name;
  private final String label;
  private final String defaultValue;
  private final long min;
  private final long max;
  private final String[] description;
  private T value;

  private CommandOption(
      Class<T> type,
      String name,
      String label,
      String defaultValue,
      T initial,
      long min,
      long max,
      String... description) {
    this.type = type;
    this.name = name;
    this.label = label;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.description = description;
    this.value = initial;
  }

  /**
   * A whole-number option between {@code min} and {@code max}; a value outside is a parse error
   * naming the option ({@code --size must be between 32 and 2048, got 8}).
   */
  public static CommandOption<Integer> count(
      String name, String label, int defaultValue, int min, int max, String... description) {
    return new CommandOption<>(
        Integer.class,
        name,
        label,
        Integer.toString(defaultValue),
        defaultValue,
        min,
        max,
        description);
  }

  /** A whole-number option without a range (the command checks it as its help says). */
  public static CommandOption<Integer> count(
      String name, String label, int defaultValue, String... description) {
    return count(name, label, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE, description);
  }

  /**
   * An option of any type picocli converts, with a default as the command line would give it
   * ({@code null}: none, the value stays {@code null} unless given).
   */
  public static <T> CommandOption<T> of(
      Class<T> type, String name, String label, String defaultValue, String... description) {
    return new CommandOption<>(
        type, name, label, defaultValue, null, Long.MIN_VALUE, Long.MAX_VALUE, description);
  }

  /** The value given on the command line, else the default ({@code null} for none). */
  public T value() {
    return value;
  }

  /**
   * Throws the one-line parse error of an option outside its range: {@code NAME must be between MIN
   * and MAX, got VALUE}.
   */
  static void requireWithin(CommandSpec spec, String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(), name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private OptionSpec spec(CommandSpec command, String fieldName) {
    ISetter setter =
        new ISetter() {
          @Override
          @SuppressWarnings("unchecked")
          public <V> V set(V newValue) {
            if (newValue instanceof Integer n) {
              requireWithin(command, name, n, min, max);
            }
            V old = (V) value;
            value = type.cast(newValue);
            return old;
          }
        };
    OptionSpec.Builder b =
        OptionSpec.builder(name)
            .type(type)
            .paramLabel(label == null ? "<" + fieldName + ">" : label)
            .description(description)
            .setter(setter);
    if (defaultValue != null) {
      b.defaultValue(defaultValue);
    }
    return b.build();
  }

  /**
   * The model transformer ({@code @Command(modelTransformer = CommandOption.Adder.class)}) that
   * adds the option of each {@link CommandOption} field of the command.
   */
  public static final class Adder implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      Object command = spec.userObject();
      for (Field f : command.getClass().getDeclaredFields()) {
        if (f.getType() == CommandOption.class && !Modifier.isStatic(f.getModifiers())) {
          try {
            f.setAccessible(true);
            spec.addOption(((CommandOption<?>) f.get(command)).spec(spec, f.getName()));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read option field " + f, e);
          }
        }
      }
      return spec;
    }
  }
}
