package sgsf.engine.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image of a dataset.
 *
 * @param image the image file
 * @param split train or test
 * @param defectType {@link #GOOD} for normal images, otherwise the defect type (folder name)
 * @param mask the ground-truth mask file, or {@code null} (always null for good images)
 */
public record Sample(Path image, Split split, String defectType, Path mask) {
  /** The defect type of normal images. */
  public static final String GOOD = "good";

  public Sample {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(defectType, "defectType");
  }

  /** A normal sample. */
  public static Sample good(Path image, Split split) {
    return new Sample(image, split, GOOD, null);
  }

  public boolean isDefective() {
    return !GOOD.equals(defectType);
  }

  /** Image-level label: 1 for defective, 0 for good. */
  public int label() {
    return isDefective() ? 1 : 0;
  }

  public String fileName() {
    return image.getFileName().toString();
  }
}
