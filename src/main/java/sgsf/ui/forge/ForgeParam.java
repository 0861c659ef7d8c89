package sgsf.ui.forge;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import sgsf.engine.config.ForgeParameters;

/** One forging parameter as the form shows it: a slider, a range slider or a check box. */
public sealed interface ForgeParam permits ForgeParam.Value, ForgeParam.Range, ForgeParam.Toggle {
  String id();

  String label();

  ForgeParameters.Group group();

  String tooltip();

  /**
   * A number in [min, max].
   *
   * @param integer whether only whole numbers are allowed
   * @param decimals digits shown after the point
   */
  record Value(
      String id,
      String label,
      ForgeParameters.Group group,
      String tooltip,
      double min,
      double max,
      boolean integer,
      int decimals,
      DoubleProperty value)
      implements ForgeParam {}

  /** A range [low, high] inside [min, max]. */
  record Range(
      String id,
      String label,
      ForgeParameters.Group group,
      String tooltip,
      double min,
      double max,
      boolean integer,
      int decimals,
      DoubleProperty low,
      DoubleProperty high)
      implements ForgeParam {}

  /** An on/off option. */
  record Toggle(
      String id, String label, ForgeParameters.Group group, String tooltip, BooleanProperty value)
      implements ForgeParam {}
}
