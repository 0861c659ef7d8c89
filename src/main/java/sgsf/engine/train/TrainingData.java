package sgsf.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sgsf.engine.data.DataFingerprint;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.task.ProgressListener;

/**
 * The good training images at model resolution (3 channels, grey replicated), with their ids and
 * fingerprint. Unreadable files are skipped and listed, never silently.
 */
public record TrainingData(
    List<String> ids,
    List<FloatImage> images,
    DataFingerprint fingerprint,
    List<SkippedFile> skipped) {

  public TrainingData {
    ids = List.copyOf(ids);
    images = List.copyOf(images);
    skipped = List.copyOf(skipped);
    if (ids.size() != images.size()) {
      throw new IllegalArgumentException("ids and images differ in number");
    }
  }

  public int size() {
    return images.size();
  }

  /**
   * Reads, converts and resizes the images.
   *
   * @throws IllegalArgumentException when fewer than two images could be read
   */
  public static TrainingData load(List<Path> paths, int size, ProgressListener progress)
      throws IOException {
    List<String> ids = new ArrayList<>();
    List<FloatImage> images = new ArrayList<>();
    List<Path> used = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      try {
        images.add(ImageIo.resize(ImageIo.read(p, 3), size, size));
        ids.add(p.toString());
        used.add(p);
      } catch (ImageReadException e) {
        skipped.add(new SkippedFile(p, e.reason()));
      }
      if (progress != null) {
        progress.update(i + 1, paths.size());
      }
    }
    if (images.size() < 2) {
      throw new IllegalArgumentException(
          "training needs at least 2 readable good images, found "
              + images.size()
              + (skipped.isEmpty() ? "" : "; skipped: " + skipped));
    }
    return new TrainingData(ids, images, DataFingerprint.of(used), skipped);
  }

  /** In-memory data (tests, generated images); the fingerprint hashes nothing. */
  public static TrainingData of(List<String> ids, List<FloatImage> images) {
    return new TrainingData(ids, images, new DataFingerprint(List.of(), "in-memory"), List.of());
  }
}
