package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Path;
import sgsf.io.review.ReviewStore;

/**
 * Where a line keeps its state in a workspace ({@code <workspace>/line/}): the journal database,
 * the images kept until every sink has them, the copies filed for review. Opens the journal (and,
 * for a review sink, the workspace's review database {@code <workspace>/reviews/reviews.db}) and
 * makes sinks from their specs.
 */
public final class LineWorkspace implements AutoCloseable {
  private final Path dir;
  private final LineJournal journal;
  private ReviewStore reviews;

  private LineWorkspace(Path dir, LineJournal journal) {
    this.dir = dir;
    this.journal = journal;
  }

  /**
   * Opens the line state of the workspace in {@code workspaceDir} (created if missing).
   *
   * @throws IOException naming the journal when it cannot be opened
   */
  public static LineWorkspace open(Path workspaceDir) throws IOException {
    Path d = workspaceDir.toAbsolutePath().normalize().resolve("line");
    return new LineWorkspace(d, LineJournal.open(d.resolve(LineJournal.FILE_NAME)));
  }

  public Path dir() {
    return dir;
  }

  public LineJournal journal() {
    return journal;
  }

  /** Where images are kept until every sink has them. */
  public Path artifactsDir() {
    return dir.resolve("artifacts");
  }

  /** Where the review sink files its copies. */
  public Path reviewDir() {
    return dir.resolve("review");
  }

  /** The workspace's review database ({@code <workspace>/reviews/reviews.db}). */
  public Path reviewStoreFile() {
    return dir.getParent().resolve("reviews").resolve(ReviewStore.FILE_NAME);
  }

  /**
   * A sink for the spec (not yet connected).
   *
   * @throws IOException naming the review database when a review sink cannot open it
   */
  public LineSink sink(SinkSpec spec) throws IOException {
    return switch (spec.kind()) {
      case FOLDER -> new FolderSink(spec);
      case MQTT -> new MqttSink(spec, journal);
      case WEBHOOK -> new WebhookSink(spec, journal);
      case REVIEW -> new ReviewSink(spec, reviewDir(), journal, reviews());
    };
  }

  private synchronized ReviewStore reviews() throws IOException {
    if (reviews == null) {
      reviews = ReviewStore.open(reviewStoreFile());
    }
    return reviews;
  }

  /** A run of the model from the source to the sinks, journalled here. */
  public LineRun run(LineModel model, LineSource source, java.util.List<LineSink> sinks) {
    for (LineSink s : sinks) {
      if (s instanceof ReviewSink r) {
        r.runs(model);
      }
    }
    return new LineRun(model, source, sinks, journal, artifactsDir());
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      journal.close();
    } finally {
      if (reviews != null) {
        reviews.close();
        reviews = null;
      }
    }
  }
}
