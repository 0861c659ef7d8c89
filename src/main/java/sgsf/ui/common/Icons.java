package sgsf.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design 2 icons (Ikonli) at the workbench's sizes. */
public final class Icons {
  private Icons() {}

  public static FontIcon of(Ikon ikon) {
    return of(ikon, 16);
  }

  public static FontIcon of(Ikon ikon, int size) {
    FontIcon icon = FontIcon.of(ikon, size);
    icon.getStyleClass().add("sgsf-icon");
    return icon;
  }
}
