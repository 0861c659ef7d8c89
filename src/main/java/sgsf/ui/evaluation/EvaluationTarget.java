package sgsf.ui.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.image.ImageIo;

/**
 * One image to evaluate.
 *
 * @param image the image file
 * @param defectType "good", a defect type, or null when the ground truth is unknown
 * @param mask the ground-truth mask file, or null
 */
public record EvaluationTarget(Path image, String defectType, Path mask) {
  public EvaluationTarget {
    Objects.requireNonNull(image, "image");
  }

  /** The test split of a dataset. */
  public static List<EvaluationTarget> testSplit(Dataset d) {
    return d.test().stream()
        .map(s -> new EvaluationTarget(s.image(), s.defectType(), s.mask()))
        .toList();
  }

  /**
   * The images of a folder: its test split if the folder is a dataset in a known layout, otherwise
   * every image file below it (sorted by path), without ground truth.
   *
   * @throws DatasetException naming the folder when it is a dataset that cannot be used, or holds
   *     no image
   */
  public static List<EvaluationTarget> folder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new DatasetException(dir, "is not a folder");
    }
    if (DatasetScanner.detect(dir).isPresent()) {
      return testSplit(DatasetScanner.scan(dir));
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<EvaluationTarget> out =
          files
              .filter(Files::isRegularFile)
              .filter(ImageIo::isImageFile)
              .sorted()
              .map(p -> new EvaluationTarget(p, null, null))
              .toList();
      if (out.isEmpty()) {
        throw new DatasetException(dir, "holds no image files (jpg, png, bmp, tif)");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
