package sgsf.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    long budget = batchBytesBudget();
    int from = 0;
    while (from < files.size()) {
      cancellation.throwIfCancelled("inference");
      // a batch of up to Predictor.BATCH images, fewer when they are large: the decoded images of
      // one batch stay under a share of the heap, so a folder of camera frames never exhausts it
      List<Path> read = new ArrayList<>(Predictor.BATCH);
      List<FloatImage> images = new ArrayList<>(Predictor.BATCH);
      long bytes = 0;
      int next = from;
      while (next < files.size() && images.size() < Predictor.BATCH && bytes < budget) {
        Path p = files.get(next++);
        try {
          FloatImage image = ImageIo.read(p);
          images.add(image);
          read.add(p);
          bytes += 4L * image.data().length;
        } catch (ImageReadException e) {
          skip(new SkippedFile(p, e.reason()), skipped, sink);
        } catch (OutOfMemoryError e) {
          skip(new SkippedFile(p, outOfMemory()), skipped, sink);
        }
      }
      List<Prediction> predictions;
      try {
        predictions = predict(predictor, images, lock);
      } catch (RuntimeException | OutOfMemoryError batchFailed) {
        predictions = new ArrayList<>(images.size());
        for (int k = 0; k < images.size(); k++) {
          try {
            predictions.add(predict(predictor, List.of(images.get(k)), lock).get(0));
          } catch (RuntimeException | OutOfMemoryError e) {
            LOG.warn("prediction of {} failed", read.get(k), e);
            predictions.add(null);
          }
        }
      }
      for (int k = 0; k < predictions.size(); k++) {
        Prediction p = predictions.get(k);
        if (p == null) {
          skip(new SkippedFile(read.get(k), "prediction failed (see the log)"), skipped, sink);
        } else {
          try {
            sink.accept(
                read.get(k), images.get(k), p, ImageWarnings.of(images.get(k), input, training));
          } catch (OutOfMemoryError e) {
            skip(new SkippedFile(read.get(k), outOfMemory()), skipped, sink);
          }
        }
        images.set(k, null); // written: its pixels may go before the next batch is read
      }
      progress.update(next, files.size());
      from = next;
    }
    return skipped;
  }

  private static void skip(SkippedFile s, List<SkippedFile> skipped, Sink sink) throws IOException {
    skipped.add(s);
    sink.failed(s);
  }

  /** The share of the heap the decoded images of one batch may take: an eighth. */
  static long batchBytesBudget() {
    return Runtime.getRuntime().maxMemory() / 8;
  }

  private static String outOfMemory() {
    return String.format(
        Locale.ROOT,
        "not enough memory to score this image (the program may use %d MB; give it more with"
            + " -Xmx or use smaller images)",
        Runtime.getRuntime().maxMemory() >> 20);
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
