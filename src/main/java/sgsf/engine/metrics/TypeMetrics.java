package sgsf.engine.metrics;

/**
 * The metrics of one defect type measured against all good images (the per-type breakdown of
 * METHOD.md section 4): the type's defective images are the positives, every good image a negative.
 *
 * @param defectType the defect type
 * @param images defective images of this type
 * @param goodImages good images it was compared with
 * @param image image-level metrics (no curves)
 * @param review verdicts of this type's images ({@code defective*} fields) and of the good ones
 * @param pixel pixel-level metrics (no curves) of this type's maps plus the good images' maps, or
 *     {@code null} when no image of the type has a map and a mask
 */
public record TypeMetrics(
    String defectType,
    int images,
    int goodImages,
    CurveMetrics image,
    ReviewCounts review,
    CurveMetrics pixel) {

  /** Share of this type's images rejected as NG. */
  public Metric detectionRate() {
    return images == 0
        ? Metric.undefined("no image of type " + defectType)
        : Metric.of((double) review.defectiveNg() / images);
  }

  /** Share of this type's images that pass as OK (escapes). */
  public Metric escapeRate() {
    return images == 0
        ? Metric.undefined("no image of type " + defectType)
        : Metric.of((double) review.defectiveOk() / images);
  }
}
