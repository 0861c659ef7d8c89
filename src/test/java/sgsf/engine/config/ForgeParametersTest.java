package sgsf.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForgeParametersTest {
  private static final ForgeConfig DEFAULTS = ForgeConfig.defaults();

  /**
   * The declared range is the one the record enforces: both ends are accepted, and a step beyond
   * either end is refused by ForgeConfig itself (so a control or option can never offer a value the
   * engine rejects, nor hide one it accepts).
   */
  @Test
  void declaredRangesAreTheRecordsOwn() {
    for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
      if (p.kind() == Parameter.Kind.FLAG) {
        continue;
      }
      double step = p.kind().isInteger() ? 1 : Math.max(1e-6, (p.max() - p.min()) * 1e-3);
      double[] low = p.kind().isRange() ? new double[] {p.min(), p.min()} : new double[] {p.min()};
      double[] high = p.kind().isRange() ? new double[] {p.max(), p.max()} : new double[] {p.max()};
      ForgeConfig base =
          switch (p.id()) {
            case "a" -> DEFAULTS.withThreshold(DEFAULTS.threshold().withB(0));
            case "b" -> DEFAULTS.withThreshold(DEFAULTS.threshold().withA(0));
            default -> DEFAULTS;
          };
      assertThat(p.get().apply(p.with().apply(base, low))).as(p.id() + " at min").isEqualTo(low);
      assertThat(p.get().apply(p.with().apply(base, high))).as(p.id() + " at max").isEqualTo(high);
      double[] below = low.clone();
      below[0] -= step;
      double[] above = high.clone();
      above[above.length - 1] += step;
      assertThatThrownBy(() -> p.with().apply(base, below))
          .as(p.id() + " below min")
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> p.with().apply(base, above))
          .as(p.id() + " above max")
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * Every number and switch of ForgeConfig (and of its CutPaste, CutSwap and hard-augmentation
   * parts) is reachable through exactly one declared parameter; only the seed is not a parameter.
   */
  @Test
  void everyNumericComponentIsDeclaredOnce() throws Exception {
    Set<String> all = numericComponents(ForgeConfig.class, "");
    all.remove("seed");
    Set<String> covered = new HashSet<>();
    for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
      double[] v = p.get().apply(DEFAULTS);
      double[] changed = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        changed[i] = p.kind() == Parameter.Kind.FLAG ? 1 - v[i] : inside(p, i == 0 ? 0.3 : 0.7);
        if (changed[i] == v[i]) {
          changed[i] = inside(p, i == 0 ? 0.2 : 0.8);
        }
      }
      ForgeConfig base =
          p.id().equals("a") || p.id().equals("b") ? DEFAULTS.withThreshold(0, 0) : DEFAULTS;
      Set<String> diff = differences(base, p.with().apply(base, changed), "");
      assertThat(diff).as(p.id() + " changes something").isNotEmpty();
      for (String d : diff) {
        assertThat(covered.add(d)).as(d + " is declared twice").isTrue();
      }
    }
    assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void valuesApplyInAnyOrderWhereTheyShareAConstraint() {
    Parameter<ForgeConfig, ForgeParameters.Group> a = ForgeParameters.byId("a").orElseThrow();
    Parameter<ForgeConfig, ForgeParameters.Group> b = ForgeParameters.byId("b").orElseThrow();
    Parameter<ForgeConfig, ForgeParameters.Group> alpha =
        ForgeParameters.byId("alpha").orElseThrow();
    Map<Parameter<ForgeConfig, ForgeParameters.Group>, double[]> values = new LinkedHashMap<>();
    values.put(a, new double[] {0.9}); // with the default b = 0.2, a + b would reach 1.1
    values.put(b, new double[] {0.05});
    values.put(alpha, new double[] {0.02, 0.03}); // below today's alphaMin
    ForgeConfig c = Parameter.applyAll(DEFAULTS, values);
    assertThat(c.threshold().a()).isEqualTo(0.9);
    assertThat(c.threshold().b()).isEqualTo(0.05);
    assertThat(c.blend().alphaMin()).isEqualTo(0.02);
    assertThat(c.blend().alphaMax()).isEqualTo(0.03);
    values.put(b, new double[] {0.2});
    assertThatThrownBy(() -> Parameter.applyAll(DEFAULTS, values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a + b");
  }

  @Test
  void formatAndParseRoundTrip() {
    for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
      String text = p.format(DEFAULTS);
      assertThat(p.parse(text)).as(p.id() + " '" + text + "'").isEqualTo(p.get().apply(DEFAULTS));
    }
    Parameter<ForgeConfig, ForgeParameters.Group> perlin =
        ForgeParameters.byId("perlin").orElseThrow();
    assertThatThrownBy(() -> perlin.parse("1.5:3"))
        .hasMessage("expected a whole number within [0, 8], got '1.5:3'");
    assertThatThrownBy(() -> perlin.parse("4:2")).hasMessageContaining("LOW is above HIGH");
    assertThatThrownBy(() -> ForgeParameters.byId("greyAux").orElseThrow().parse("yes"))
        .hasMessage("expected true or false, got 'yes'");
  }

  /** The value at fraction {@code f} of the parameter's range (rounded for whole numbers). */
  private static double inside(Parameter<ForgeConfig, ForgeParameters.Group> p, double f) {
    double x = p.min() + f * (p.max() - p.min());
    return p.kind().isInteger() ? Math.round(x) : x;
  }

  private static Set<String> numericComponents(Class<?> type, String prefix) {
    Set<String> out = new HashSet<>();
    for (RecordComponent rc : type.getRecordComponents()) {
      Class<?> t = rc.getType();
      if (t == double.class || t == int.class || t == boolean.class || t == long.class) {
        out.add(prefix + rc.getName());
      } else if (t.isRecord()) {
        out.addAll(numericComponents(t, prefix + rc.getName() + "."));
      }
    }
    return out;
  }

  private static Set<String> differences(Object x, Object y, String prefix) throws Exception {
    Set<String> out = new HashSet<>();
    for (RecordComponent rc : x.getClass().getRecordComponents()) {
      Object a = rc.getAccessor().invoke(x);
      Object b = rc.getAccessor().invoke(y);
      if (rc.getType().isRecord()) {
        out.addAll(differences(a, b, prefix + rc.getName() + "."));
      } else if (!java.util.Objects.equals(a, b)) {
        out.add(prefix + rc.getName());
      }
    }
    return out;
  }
}
