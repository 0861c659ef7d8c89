package sgsf.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.data.ImageShapes;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.infer.ImageWarnings;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * Scores image files without ground truth, the step {@code sgsf infer} and the Evaluate view (on a
 * plain folder) share: the files are read through the one decode-and-validate step ({@link
 * ImageIo#read}: truncated, oversized and undecodable files are refused with the reason) and
 * predicted one batch of {@link Predictor#BATCH} at a time, each prediction handed to a sink as it
 * is made (so that a large folder is never held in memory, and what was computed is never lost),
 * each refused file too. A batch whose prediction fails is retried image by image, so one bad image
 * fails alone. The {@code lock} is held for one batch's prediction only; cancellation is polled
 * between batches.
 */
public final class InferenceWorkflow {
  private static final Logger LOG = LoggerFactory.getLogger(InferenceWorkflow.class);

  private InferenceWorkflow() {}

  /** Receives each image's outcome, in input order. */
  public interface Sink {
    /**
     * A readable image with its prediction.
     *
     * @param warnings why its score may mislead ({@link ImageWarnings}), empty when nothing
     */
    void accept(Path file, FloatImage image, Prediction prediction, List<String> warnings)
        throws IOException;

    /** A file that could not be read or predicted, with the reason. */
    default void failed(SkippedFile file) throws IOException {}
  }

  /**
   * Predicts the files.
   *
   * @param lock held while one batch runs through the model, or {@code null}
   * @return the files that could not be read or predicted, with the reason
   * @throws CancellationException when {@code cancellation} is cancelled
   * @throws IOException what the sink throws
   */
  public static List<SkippedFile> predict(
      Predictor predictor,
      List<Path> files,
      Object lock,
      ProgressListener progress,
      CancellationToken cancellation,
      Sink sink)
      throws IOException {
    List<SkippedFile> skipped = new ArrayList<>();
    int input = predictor.model().config().inputSize();
    ImageShapes training = ImageWarnings.trainingShapes(predictor.model());
    for (int from = 0; from < files.size(); from += Predictor.BATCH) {
      cancellation.throwIfCancelled("inference");
      List<Path> chunk = files.subList(from, Math.min(files.size(), from + Predictor.BATCH));
      List<Path> read = new ArrayList<>(chunk.size());
      List<FloatImage> images = new ArrayList<>(chunk.size());
      for (Path p : chunk) {
        try {
          images.add(ImageIo.read(p));
          read.add(p);
        } catch (ImageReadException e) {
          SkippedFile s = new SkippedFile(p, e.reason());
          skipped.add(s);
          sink.failed(s);
        }
      }
      List<Prediction> predictions;
      try {
        predictions = predict(predictor, images, lock);
      } catch (RuntimeException batchFailed) {
        predictions = new ArrayList<>(images.size());
        for (int k = 0; k < images.size(); k++) {
          try {
            predictions.add(predict(predictor, List.of(images.get(k)), lock).get(0));
          } catch (RuntimeException e) {
            LOG.warn("prediction of {} failed", read.get(k), e);
            predictions.add(null);
          }
        }
      }
      for (int k = 0; k < predictions.size(); k++) {
        Prediction p = predictions.get(k);
        if (p == null) {
          SkippedFile s = new SkippedFile(read.get(k), "prediction failed (see the log)");
          skipped.add(s);
          sink.failed(s);
        } else {
          sink.accept(
              read.get(k), images.get(k), p, ImageWarnings.of(images.get(k), input, training));
        }
      }
      progress.update(from + chunk.size(), files.size());
    }
    return skipped;
  }

  private static List<Prediction> predict(
      Predictor predictor, List<FloatImage> images, Object lock) {
    if (images.isEmpty()) {
      return List.of();
    }
    if (lock == null) {
      return predictor.predict(images);
    }
    synchronized (lock) {
      return predictor.predict(images);
    }
  }
}
