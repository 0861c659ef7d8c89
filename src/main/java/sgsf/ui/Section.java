package sgsf.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The workbench's sections, in navigation order. */
public enum Section {
  DATASET("Dataset", MaterialDesignD.DATABASE, "Browse the images, masks and what was skipped"),
  FORGE("Forge", MaterialDesignA.ANVIL, "Preview the anomalies forged for training"),
  TRAIN("Train", MaterialDesignS.SCHOOL, "Train a detector on the good images"),
  EVALUATE(
      "Evaluate", MaterialDesignC.CHART_BELL_CURVE, "Scores, heatmaps, ROC curves, thresholds"),
  NEIGHBOURS("Neighbours", MaterialDesignA.ACCOUNT_GROUP, "The good images that guided a verdict"),
  REVIEW("Review", MaterialDesignC.CHECKBOX_MARKED_CIRCLE_OUTLINE, "Confirm or reject findings"),
  LINE("Line", MaterialDesignF.FACTORY, "Inspect live: hot folder, video or camera to sinks");

  private final String title;
  private final Ikon icon;
  private final String description;

  Section(String title, Ikon icon, String description) {
    this.title = title;
    this.icon = icon;
    this.description = description;
  }

  public String title() {
    return title;
  }

  public Ikon icon() {
    return icon;
  }

  public String description() {
    return description;
  }
}
