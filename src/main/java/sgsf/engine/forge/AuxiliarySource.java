package sgsf.engine.forge;

import java.util.List;
import java.util.SplittableRandom;
import org.opencv.core.Mat;
import sgsf.engine.data.SkippedFile;

/**
 * Supplies the auxiliary images B whose content SAM blends into the forged region (Eq. 2; METHOD.md
 * section 1, step 6). Implementations must be deterministic given the random generator, and safe to
 * call from several threads.
 */
public interface AuxiliarySource {

  /**
   * A new auxiliary image of the given size, before the DRAEM augmentations.
   *
   * @param rng the sample's random generator; the only source of randomness
   */
  AuxiliaryImage next(int height, int width, SplittableRandom rng);

  /** Files this source could not read, with reasons (empty for generated textures). */
  default List<SkippedFile> skipped() {
    return List.of();
  }

  /**
   * One auxiliary image.
   *
   * @param rgb an 8-bit RGB Mat (CV_8UC3) the caller owns and releases
   * @param description where it came from, e.g. {@code "procedural: cells"} or a file name
   */
  record AuxiliaryImage(Mat rgb, String description) {}
}
