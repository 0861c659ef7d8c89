package sgsf.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainParametersTest {
  private static final TrainConfig DEFAULTS = TrainConfig.defaults();

  /**
   * The declared range is the one TrainConfig enforces: both ends accepted, a step beyond refused.
   */
  @Test
  void declaredRangesAreTheRecordsOwn() {
    for (Parameter<TrainConfig, TrainParameters.Group> p : TrainParameters.all()) {
      double step = p.kind().isInteger() ? 1 : p.min() > 0 ? p.min() / 2 : 1e-3;
      for (double ok : new double[] {p.min(), p.max()}) {
        assertThat(p.get().apply(p.with().apply(DEFAULTS, new double[] {ok})))
            .as(p.id() + " at " + ok)
            .containsExactly(ok);
      }
      assertThatThrownBy(() -> p.with().apply(DEFAULTS, new double[] {p.min() - step}))
          .as(p.id() + " below min")
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> p.with().apply(DEFAULTS, new double[] {p.max() + step}))
          .as(p.id() + " above max")
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * Every number of TrainConfig a user sets is declared once; the paper's focal exponent and the
   * contrast-set rebuild interval are fixed, the seed is its own option.
   */
  @Test
  void everyUserNumberIsDeclaredOnce() throws Exception {
    Set<String> numbers = new HashSet<>();
    for (RecordComponent rc : TrainConfig.class.getRecordComponents()) {
      Class<?> t = rc.getType();
      if (t == int.class || t == double.class) {
        numbers.add(rc.getName());
      }
    }
    numbers.removeAll(Set.of("focalTau", "contrastRebuildEvery"));
    Set<String> covered = new HashSet<>();
    for (Parameter<TrainConfig, TrainParameters.Group> p : TrainParameters.all()) {
      double v = p.get().apply(DEFAULTS)[0];
      double other = v == p.max() ? p.min() : p.max();
      TrainConfig changed = p.with().apply(DEFAULTS, new double[] {other});
      for (RecordComponent rc : TrainConfig.class.getRecordComponents()) {
        if (!rc.getAccessor().invoke(DEFAULTS).equals(rc.getAccessor().invoke(changed))) {
          assertThat(covered.add(rc.getName())).as(rc.getName() + " declared twice").isTrue();
        }
      }
    }
    assertThat(covered).containsExactlyInAnyOrderElementsOf(numbers);
  }

  @Test
  void aBadValueSaysWhatWasExpected() {
    Parameter<TrainConfig, TrainParameters.Group> lr = TrainParameters.byId("lr").orElseThrow();
    assertThatThrownBy(() -> lr.parse("5"))
        .hasMessage("expected a number within [0.0000001, 1], got '5'");
    assertThat(lr.parse("3e-3")).containsExactly(3e-3);
  }
}
