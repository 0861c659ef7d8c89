package sgsf.engine.data;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * A scanned dataset: its samples and the files that were skipped, with reasons.
 *
 * @param name display name (usually the root folder's name)
 * @param root the folder that was opened
 * @param layout the detected layout
 * @param samples every usable image, train and test
 * @param skipped files passed over, each with its reason
 */
public record Dataset(
    String name, Path root, DatasetLayout layout, List<Sample> samples, List<SkippedFile> skipped) {

  public Dataset {
    samples = List.copyOf(samples);
    skipped = List.copyOf(skipped);
  }

  /** The normal training images (the only images training ever sees). */
  public List<Sample> trainGood() {
    return samples.stream().filter(s -> s.split() == Split.TRAIN && !s.isDefective()).toList();
  }

  /** The test split, good and defective. */
  public List<Sample> test() {
    return samples.stream().filter(s -> s.split() == Split.TEST).toList();
  }

  /** The defect types present in the test split, sorted, without "good". */
  public List<String> defectTypes() {
    TreeSet<String> types = new TreeSet<>();
    for (Sample s : samples) {
      if (s.isDefective()) {
        types.add(s.defectType());
      }
    }
    return List.copyOf(types);
  }
}
