package sgsf.ui.forge;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ForgeParameters;
import sgsf.engine.config.Parameter;

/**
 * One forging parameter as the form shows it: a slider, a range slider or a check box, bound to the
 * form's value(s) and showing its one declaration in {@link ForgeParameters} (label, help, unit,
 * range, decimals), the same one the CLI's {@code --forge-*} option is built from.
 */
public sealed interface ForgeParam permits ForgeParam.Value, ForgeParam.Range, ForgeParam.Toggle {
  /** The parameter's declaration. */
  Parameter<ForgeConfig, ForgeParameters.Group> declaration();

  default String id() {
    return declaration().id();
  }

  default String label() {
    return declaration().label();
  }

  default ForgeParameters.Group group() {
    return declaration().group();
  }

  /** The help line, with the unit where there is one. */
  default String tooltip() {
    Parameter<ForgeConfig, ForgeParameters.Group> p = declaration();
    return p.help() + (p.unit().isEmpty() ? "" : " (" + p.unit() + ")");
  }

  /** Smallest allowed value. */
  default double min() {
    return declaration().min();
  }

  /** Largest allowed value. */
  default double max() {
    return declaration().max();
  }

  /** Whether only whole numbers are allowed. */
  default boolean integer() {
    return declaration().kind().isInteger();
  }

  /** Digits shown after the point. */
  default int decimals() {
    return declaration().decimals();
  }

  /** A number in [min, max]. */
  record Value(Parameter<ForgeConfig, ForgeParameters.Group> declaration, DoubleProperty value)
      implements ForgeParam {}

  /** A range [low, high] inside [min, max]. */
  record Range(
      Parameter<ForgeConfig, ForgeParameters.Group> declaration,
      DoubleProperty low,
      DoubleProperty high)
      implements ForgeParam {}

  /** An on/off option. */
  record Toggle(Parameter<ForgeConfig, ForgeParameters.Group> declaration, BooleanProperty value)
      implements ForgeParam {}
}
