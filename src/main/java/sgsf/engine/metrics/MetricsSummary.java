package sgsf.engine.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every number of an evaluation (METHOD.md section 4; the paper's section IV-B): image-level
 * AUROC<sub>det</sub>, AP and F1-max; pixel-level AUROC<sub>loc</sub>, AP<sub>loc</sub>, F1-max and
 * AUPRO (FPR &lt;= 0.3); the confusion metrics at the chosen thresholds; the review-band verdicts;
 * the breakdown per defect type (each type against the good images). All exact (no binning).
 *
 * @param images number of evaluated images
 * @param goodImages good ones
 * @param defectiveImages defective ones
 * @param thresholds the thresholds the at-threshold numbers use
 * @param image image-level metrics
 * @param pixel pixel-level metrics, or {@code null} when no image has a usable map
 * @param perType one entry per defect type, sorted by name
 * @param notes what a reader must know (excluded images, resolutions, undefined metrics)
 */
public record MetricsSummary(
    int images,
    int goodImages,
    int defectiveImages,
    Thresholds thresholds,
    ImageLevel image,
    PixelLevel pixel,
    List<TypeMetrics> perType,
    List<String> notes) {

  public MetricsSummary {
    perType = List.copyOf(perType);
    notes = List.copyOf(notes);
  }

  /**
   * Image-level numbers.
   *
   * @param curves AUROC, AP, F1-max with the full ROC and PR curves
   * @param atNg confusion counts when NG (score &gt;= upper threshold) counts as "predicted
   *     defective"
   * @param atReview confusion counts when REVIEW or NG (score &gt;= lower threshold) counts as
   *     "predicted defective"; equals {@code atNg} without a review band
   * @param review the verdict counts
   */
  public record ImageLevel(
      CurveMetrics curves, ConfusionCounts atNg, ConfusionCounts atReview, ReviewCounts review) {}

  /**
   * Pixel-level numbers.
   *
   * @param maps anomaly maps used
   * @param skippedWithoutMask defective images with a map but no ground-truth mask (left out)
   * @param resolutions the distinct map sizes, e.g. "128x128" (masks are compared at these)
   * @param curves AUROC, AP, F1-max, AUPRO with thinned curves
   * @param atThreshold pixel confusion counts at the pixel threshold (IoU, TPR, ...)
   */
  public record PixelLevel(
      int maps,
      int skippedWithoutMask,
      List<String> resolutions,
      CurveMetrics curves,
      ConfusionCounts atThreshold) {
    public PixelLevel {
      resolutions = List.copyOf(resolutions);
    }
  }

  /** Computes the summary. */
  public static MetricsSummary compute(List<EvaluatedImage> images, Thresholds thresholds) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("there are no evaluated images to summarise");
    }
    List<String> notes = new ArrayList<>();
    int n = images.size();
    double[] scores = new double[n];
    int[] labels = new int[n];
    int defective = 0;
    for (int i = 0; i < n; i++) {
      scores[i] = images.get(i).score();
      labels[i] = images.get(i).label();
      defective += labels[i];
    }
    CurveMetrics imageCurves = BinaryMetrics.evaluate(scores, labels);
    ImageLevel image =
        new ImageLevel(
            imageCurves,
            ConfusionCounts.of(scores, labels, thresholds.imageUpper()),
            ConfusionCounts.of(scores, labels, thresholds.imageLower()),
            ReviewCounts.of(images, thresholds));
    if (!imageCurves.auroc().defined()) {
      notes.add("Image-level " + imageCurves.auroc().undefinedReason());
    }

    List<PixelMap> maps = new ArrayList<>();
    List<RegionLabels> regions = new ArrayList<>();
    List<EvaluatedImage> mapped = new ArrayList<>();
    TreeSet<String> sizes = new TreeSet<>();
    int skipped = 0;
    for (EvaluatedImage e : images) {
      if (e.pixelUsable()) {
        PixelMap m = e.pixelMap();
        maps.add(m);
        regions.add(RegionLabels.of(m));
        mapped.add(e);
        sizes.add(e.width() + "x" + e.height());
      } else if (e.hasMap()) {
        skipped++;
      }
    }
    PixelLevel pixel = null;
    if (!maps.isEmpty()) {
      CurveMetrics pc = PixelMetrics.exact(maps, regions, true);
      pixel =
          new PixelLevel(
              maps.size(),
              skipped,
              List.copyOf(sizes),
              pc,
              PixelMetrics.confusion(maps, thresholds.pixelThreshold()));
      notes.add(
          "Anomaly maps and ground-truth masks are compared at the model's resolution ("
              + String.join(", ", sizes)
              + "); masks resized nearest-neighbour.");
      if (!pc.auroc().defined()) {
        notes.add("Pixel-level " + pc.auroc().undefinedReason());
      }
    } else {
      notes.add("No image has an anomaly map: pixel-level metrics are not available.");
    }
    if (skipped > 0) {
      notes.add(
          skipped
              + " defective image(s) have an anomaly map but no ground-truth mask and are left out"
              + " of the pixel metrics.");
    }

    List<TypeMetrics> perType = new ArrayList<>();
    TreeMap<String, List<Integer>> byType = new TreeMap<>();
    List<Integer> good = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      EvaluatedImage e = images.get(i);
      if (e.defective()) {
        byType.computeIfAbsent(e.defectType(), k -> new ArrayList<>()).add(i);
      } else {
        good.add(i);
      }
    }
    for (var entry : byType.entrySet()) {
      List<Integer> idx = new ArrayList<>(good);
      idx.addAll(entry.getValue());
      double[] s = new double[idx.size()];
      int[] l = new int[idx.size()];
      List<EvaluatedImage> subset = new ArrayList<>();
      for (int j = 0; j < idx.size(); j++) {
        EvaluatedImage e = images.get(idx.get(j));
        s[j] = e.score();
        l[j] = e.label();
        subset.add(e);
      }
      CurveAccumulator acc = new CurveAccumulator("images", false, false, 0);
      ScoreSweeps.sweep(s, l, acc);
      List<PixelMap> tm = new ArrayList<>();
      List<RegionLabels> tr = new ArrayList<>();
      boolean typeHasMaps = false;
      for (int j = 0; j < mapped.size(); j++) {
        EvaluatedImage e = mapped.get(j);
        if (!e.defective() || e.defectType().equals(entry.getKey())) {
          tm.add(maps.get(j));
          tr.add(regions.get(j));
          typeHasMaps |= e.defective();
        }
      }
      CurveMetrics tp = typeHasMaps ? PixelMetrics.exact(tm, tr, false) : null;
      perType.add(
          new TypeMetrics(
              entry.getKey(),
              entry.getValue().size(),
              good.size(),
              acc.result(),
              ReviewCounts.of(subset, thresholds),
              tp));
    }
    return new MetricsSummary(
        n, n - defective, defective, thresholds, image, pixel, perType, notes);
  }

  /** The {@code k} good images with the highest scores (the worst false alarms), highest first. */
  public static List<EvaluatedImage> highestScoringGood(List<EvaluatedImage> images, int k) {
    return images.stream()
        .filter(e -> !e.defective())
        .sorted(Comparator.comparingDouble(EvaluatedImage::score).reversed())
        .limit(k)
        .toList();
  }

  /** The {@code k} defective images with the lowest scores (the worst misses), lowest first. */
  public static List<EvaluatedImage> lowestScoringDefective(List<EvaluatedImage> images, int k) {
    return images.stream()
        .filter(EvaluatedImage::defective)
        .sorted(Comparator.comparingDouble(EvaluatedImage::score))
        .limit(k)
        .toList();
  }
}
