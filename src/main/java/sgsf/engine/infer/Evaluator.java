package sgsf.engine.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sgsf.engine.data.ImageShapes;
import sgsf.engine.data.PathNames;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * Runs a model over labelled samples (a test split) and pairs each anomaly map with its ground
 * truth at the model's resolution (nearest-neighbour mask resize, METHOD.md section 4), ready for
 * {@link sgsf.engine.metrics.MetricsSummary}. Unreadable images are skipped and listed.
 */
public final class Evaluator {
  private final Predictor predictor;

  public Evaluator(Predictor predictor) {
    this.predictor = predictor;
  }

  /**
   * The evaluation of a set of samples.
   *
   * @param images evaluated images in input order (skipped ones left out)
   * @param skipped unreadable images and why
   * @param cancelled whether the run was cancelled before the end
   * @param warnings per image path ({@link EvaluatedImage#path()}), why its score may mislead
   *     ({@link ImageWarnings}); images without a warning are left out
   */
  public record Result(
      List<EvaluatedImage> images,
      List<SkippedFile> skipped,
      boolean cancelled,
      Map<String, List<String>> warnings) {
    public Result {
      warnings = Map.copyOf(warnings);
    }
  }

  public Result evaluate(
      List<Sample> samples, ProgressListener progress, CancellationToken cancellation) {
    int size = predictor.model().config().inputSize();
    ImageShapes training = ImageWarnings.trainingShapes(predictor.model());
    List<EvaluatedImage> out = new ArrayList<>(samples.size());
    List<SkippedFile> skipped = new ArrayList<>();
    Map<String, List<String>> warnings = new LinkedHashMap<>();
    for (int from = 0; from < samples.size(); from += Predictor.BATCH) {
      if (cancellation.isCancelled()) {
        return new Result(out, skipped, true, warnings);
      }
      List<Sample> chunk = samples.subList(from, Math.min(samples.size(), from + Predictor.BATCH));
      List<Sample> ok = new ArrayList<>(chunk.size());
      List<FloatImage> images = new ArrayList<>(chunk.size());
      List<byte[]> masks = new ArrayList<>(chunk.size());
      for (Sample s : chunk) {
        try {
          images.add(ImageIo.read(s.image()));
          masks.add(s.mask() == null ? null : maskBytes(ImageIo.read(s.mask(), 1), size));
          ok.add(s);
        } catch (ImageReadException e) {
          skipped.add(new SkippedFile(e.path(), e.reason()));
          if (images.size() > masks.size()) {
            images.remove(images.size() - 1);
          }
        }
      }
      List<Prediction> predictions = images.isEmpty() ? List.of() : predictor.predict(images);
      for (int k = 0; k < ok.size(); k++) {
        Sample s = ok.get(k);
        Prediction p = predictions.get(k);
        List<String> w = ImageWarnings.of(images.get(k), size, training);
        if (!w.isEmpty()) {
          warnings.put(PathNames.lossless(s.image()), w);
        }
        byte[] gt = masks.get(k);
        if (gt == null && !s.isDefective()) {
          gt = new byte[size * size];
        }
        out.add(
            new EvaluatedImage(
                PathNames.lossless(s.image()),
                s.defectType(),
                s.label(),
                p.score(),
                size,
                size,
                p.map().data(),
                gt));
      }
      if (progress != null) {
        progress.update(Math.min(samples.size(), from + chunk.size()), samples.size());
      }
    }
    return new Result(out, skipped, false, warnings);
  }

  private static byte[] maskBytes(FloatImage mask, int size) {
    FloatImage m = ImageIo.resizeMask(mask, size, size);
    byte[] b = new byte[m.plane()];
    float[] d = m.data();
    for (int i = 0; i < b.length; i++) {
      b[i] = d[i] > 0.5f ? (byte) 1 : 0;
    }
    return b;
  }
}
