package sgsf.ui.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.review.ReviewRequest;
import sgsf.ui.evaluation.EvaluationResult;
import sgsf.ui.evaluation.ImageResult;
import sgsf.ui.evaluation.LoadedModel;
import sgsf.workflow.line.LineModel;

/**
 * The images the line's review sink asked to review (the review requests of the workspace's review
 * database), as an evaluation without ground truth that the Review section queues.
 */
public final class LineFindings {
  /** The source name of such an evaluation. */
  public static final String SOURCE = "line review inbox";

  private LineFindings() {}

  /**
   * The model of the newest open request whose model file is still on disk, or null.
   *
   * @param open the open requests, oldest first
   */
  static Path newestModel(List<ReviewRequest> open) {
    for (int i = open.size() - 1; i >= 0; i--) {
      String f = open.get(i).modelFile();
      if (f != null && Files.isRegularFile(Path.of(f))) {
        return Path.of(f);
      }
    }
    return null;
  }

  /**
   * The requests filed under {@code m} as an evaluation under the model's thresholds (the defaults
   * the line used when the model has none); images no longer on disk are listed as skipped.
   */
  public static EvaluationResult result(LoadedModel m, List<ReviewRequest> requests) {
    int s = m.model().config().inputSize();
    List<ImageResult> images = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    for (ReviewRequest q : requests) {
      if (!q.modelId().equals(m.id())) {
        continue;
      }
      Path image = Path.of(q.imagePath());
      if (!Files.isRegularFile(image)) {
        skipped.add(new SkippedFile(image, "no longer on disk"));
        continue;
      }
      Path mapFile = q.mapPath() == null ? null : Path.of(q.mapPath());
      FloatImage map =
          mapFile != null && Files.isRegularFile(mapFile)
              ? ImageIo.resize(ImageIo.read(mapFile), s, s)
              : new FloatImage(1, s, s, new float[s * s]);
      images.add(new ImageResult(image, null, null, q.score(), map, null));
    }
    Thresholds t = m.thresholds();
    String origin = "stored in the model";
    if (t == null) {
      try {
        LineModel lm = LineModel.load(m.file());
        t = lm.thresholds();
        origin = lm.thresholdOrigin();
      } catch (IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    }
    return new EvaluationResult(m, SOURCE, images, skipped, null, t, origin, 0);
  }
}
