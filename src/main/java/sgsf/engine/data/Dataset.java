package sgsf.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
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

  /**
   * How many images (and masks) one split holds of one type.
   *
   * @param split train or test
   * @param type {@link Sample#GOOD} or a defect type
   * @param images number of usable images
   * @param masks how many of them have a ground-truth mask
   */
  public record Count(Split split, String type, int images, int masks) {}

  /** Image and mask counts per split and type: train before test, good first, then by name. */
  public List<Count> counts() {
    TreeMap<String, int[]> byKey = new TreeMap<>();
    for (Sample s : samples) {
      String key = s.split().ordinal() + (s.isDefective() ? "1" : "0") + "\u0000" + s.defectType();
      int[] c = byKey.computeIfAbsent(key, k -> new int[2]);
      c[0]++;
      if (s.mask() != null) {
        c[1]++;
      }
    }
    List<Count> out = new ArrayList<>();
    byKey.forEach(
        (k, c) ->
            out.add(
                new Count(
                    Split.values()[k.charAt(0) - '0'],
                    k.substring(k.indexOf('\u0000') + 1),
                    c[0],
                    c[1])));
    return out;
  }

  /** The number of usable images of {@code type} in {@code split}. */
  public int count(Split split, String type) {
    return (int)
        samples.stream().filter(s -> s.split() == split && s.defectType().equals(type)).count();
  }

  /** Whether every defective test image has a pixel mask (pixel-level metrics are possible). */
  public boolean hasPixelMasks() {
    return samples.stream().filter(Sample::isDefective).allMatch(s -> s.mask() != null)
        && samples.stream().anyMatch(Sample::isDefective);
  }

  /**
   * A human-readable account of what was found: layout, counts per split and type with masks, and
   * every skipped file with its reason.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(Locale.ROOT, "%s: %s layout at %s%n", name, layout.displayName(), root));
    int width = 4;
    for (Count c : counts()) {
      width = Math.max(width, c.type().length());
    }
    for (Count c : counts()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-5s %-" + width + "s %6d image%s",
              c.split().name().toLowerCase(Locale.ROOT),
              c.type(),
              c.images(),
              c.images() == 1 ? " " : "s"));
      if (!Sample.GOOD.equals(c.type())) {
        sb.append(String.format(Locale.ROOT, "  %d with mask", c.masks()));
      }
      sb.append(System.lineSeparator());
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "  %d images: %d train good, %d test (%d good, %d defective in %d types)%n",
            samples.size(),
            trainGood().size(),
            test().size(),
            test().stream().filter(s -> !s.isDefective()).count(),
            test().stream().filter(Sample::isDefective).count(),
            defectTypes().size()));
    sb.append(
        layout.hasOwnSplit()
            ? "  split: the dataset's own train/test folders"
            : "  split: made here; normal images held out for testing by a seeded shuffle of"
                + " their names, defective images all in test");
    sb.append(System.lineSeparator());
    sb.append(
        String.format(
            Locale.ROOT,
            "  pixel masks: %s%n",
            hasPixelMasks()
                ? "yes, for every defective image"
                : samples.stream().anyMatch(Sample::isDefective)
                    ? "not for every defective image (image-level labels only where missing)"
                    : "none (no defective images)"));
    sb.append(
        String.format(
            Locale.ROOT, "  skipped: %d file%s%n", skipped.size(), skipped.size() == 1 ? "" : "s"));
    for (SkippedFile s : skipped) {
      sb.append("    ").append(s).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
