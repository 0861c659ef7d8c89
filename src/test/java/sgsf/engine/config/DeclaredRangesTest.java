package sgsf.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The catalogue ({@link ForgeParameters}, {@link TrainParameters}) is where a parameter's range is
 * written, and the records enforce exactly it: for every entry a value just outside either end is
 * rejected by the record's constructor with a message naming the record component it sets, and the
 * default the CLI and the Workbench show for an entry is the record's default.
 */
class DeclaredRangesTest {

  @Test
  void forgeConfigRejectsJustOutsideEveryDeclaredRangeNamingTheComponent() throws Exception {
    ForgeConfig defaults = ForgeConfig.defaults();
    for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
      if (p.kind() == Parameter.Kind.FLAG) {
        continue;
      }
      // a and b share a + b < 1: make room so that only the declared range can refuse
      ForgeConfig base =
          switch (p.id()) {
            case "a" -> defaults.withThreshold(defaults.threshold().withB(0));
            case "b" -> defaults.withThreshold(defaults.threshold().withA(0));
            default -> defaults;
          };
      assertRejectedOutside(p, base, "ForgeConfig.");
    }
  }

  @Test
  void trainConfigRejectsJustOutsideEveryDeclaredRangeNamingTheComponent() throws Exception {
    for (Parameter<TrainConfig, TrainParameters.Group> p : TrainParameters.all()) {
      assertRejectedOutside(p, TrainConfig.defaults(), "");
    }
  }

  @Test
  void theDefaultShownForAnEntryIsTheRecordsDefault() {
    // the value the CLI's --help and the form start from is read from the record's defaults()
    assertDefaults(ForgeParameters.all(), ForgeConfig.defaults());
    assertDefaults(TrainParameters.all(), TrainConfig.defaults());
    assertThat(ForgeParameters.A.format(ForgeConfig.defaults())).isEqualTo("0.4");
    assertThat(ForgeParameters.ALPHA.format(ForgeConfig.defaults())).isEqualTo("0.1:1");
    assertThat(TrainParameters.LEARNING_RATE.format(TrainConfig.defaults())).isEqualTo("0.001");
  }

  private static <C, G extends Enum<G>> void assertDefaults(List<Parameter<C, G>> all, C defaults) {
    for (Parameter<C, G> p : all) {
      double[] v = p.get().apply(defaults);
      assertThat(p.parse(p.format(defaults))).as(p.id()).isEqualTo(v);
      for (double x : v) {
        assertThat(x).as(p.id() + " default inside its range").isBetween(p.min(), p.max());
      }
    }
  }

  /**
   * Both ends of {@code p}'s range hold; a step below the low end and above the high end is refused
   * by the record, and the message names one of the components {@code p} sets.
   */
  private static <C, G extends Enum<G>> void assertRejectedOutside(
      Parameter<C, G> p, C base, String prefix) throws Exception {
    int n = p.kind().isRange() ? 2 : 1;
    double step = p.kind().isInteger() ? 1 : Math.max(1e-9, Math.abs(p.min()) * 1e-3);
    double stepUp = p.kind().isInteger() ? 1 : Math.max(1e-9, Math.abs(p.max()) * 1e-3);
    double[] low = filled(n, p.min());
    double[] high = filled(n, p.max());
    Set<String> components = new LinkedHashSet<>();
    components.addAll(differences(base, p.with().apply(base, low)));
    components.addAll(differences(base, p.with().apply(base, high)));
    assertThat(components).as(p.id() + " sets a component").isNotEmpty();
    List<String> names = new ArrayList<>();
    for (String c : components) {
      // a component of a group keeps the name it had before ForgeConfig was grouped:
      // threshold.a -> a, saliency.sigma -> saliencySigma; those of cutPaste & co. their path
      int dot = c.lastIndexOf('.');
      String leaf = c.substring(dot + 1);
      String group = dot < 0 ? "" : c.substring(0, dot);
      for (String name :
          List.of(c, leaf, group + Character.toUpperCase(leaf.charAt(0)) + leaf.substring(1))) {
        names.add(prefix + name + " must be in [");
      }
    }
    double[] below = low.clone();
    below[0] -= step;
    double[] above = high.clone();
    above[n - 1] += stepUp;
    for (double[] outside : List.of(below, above)) {
      assertThatThrownBy(() -> p.with().apply(base, outside))
          .as(p.id() + " at " + java.util.Arrays.toString(outside))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(
              e ->
                  assertThat(names)
                      .as(e.getMessage())
                      .anyMatch(name -> e.getMessage().startsWith(name)));
    }
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** The record components (dotted through nested records) in which x and y differ. */
  private static Set<String> differences(Object x, Object y) throws Exception {
    Set<String> out = new LinkedHashSet<>();
    collect(x, y, "", out, (rc, o) -> invoke(rc, o), RecordComponent::getName);
    return out;
  }

  private static void collect(
      Object x,
      Object y,
      String prefix,
      Set<String> out,
      BiFunction<RecordComponent, Object, Object> get,
      Function<RecordComponent, String> name) {
    for (RecordComponent rc : x.getClass().getRecordComponents()) {
      Object a = get.apply(rc, x);
      Object b = get.apply(rc, y);
      if (rc.getType().isRecord()) {
        collect(a, b, prefix + name.apply(rc) + ".", out, get, name);
      } else if (!java.util.Objects.equals(a, b)) {
        out.add(prefix + name.apply(rc));
      }
    }
  }

  private static Object invoke(RecordComponent rc, Object o) {
    try {
      return rc.getAccessor().invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
