package sgsf.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;

/**
 * Scores image files without ground truth, the step {@code sgsf infer} and the Evaluate view (on a
 * plain folder) share: the files are read and predicted one batch of {@link Predictor#BATCH} at a
 * time, unreadable ones skipped with the reason, each prediction handed to a sink as it is made (so
 * that a large folder is never held in memory). The {@code lock} is held for one batch's prediction
 * only; cancellation is polled between batches.
 */
public final class InferenceWorkflow {
  private InferenceWorkflow() {}

  /** Receives each readable image with its prediction, in input order. */
  @FunctionalInterface
  public interface Sink {
    void accept(Path file, FloatImage image, Prediction prediction) throws IOException;
  }

  /**
   * Predicts the files.
   *
   * @param lock held while one batch runs through the model, or {@code null}
   * @return the files that could not be read, with the reason
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
          skipped.add(new SkippedFile(p, e.reason()));
        }
      }
      List<Prediction> predictions;
      if (images.isEmpty()) {
        predictions = List.of();
      } else if (lock == null) {
        predictions = predictor.predict(images);
      } else {
        synchronized (lock) {
          predictions = predictor.predict(images);
        }
      }
      for (int k = 0; k < predictions.size(); k++) {
        sink.accept(read.get(k), images.get(k), predictions.get(k));
      }
      progress.update(from + chunk.size(), files.size());
    }
    return skipped;
  }
}
