package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import sgsf.io.AtomicFiles;
import sgsf.io.review.ReviewRequest;
import sgsf.io.review.ReviewStore;

/**
 * Files REVIEW and NG images for a human to decide on: a copy of the image and its anomaly map
 * under {@code <workspace>/line/review/}, a review request in the workspace's review database
 * ({@code <workspace>/reviews/reviews.db}, {@link ReviewStore#request}), which the Review section
 * lists after a restart, and the journal's {@code review_inbox}. OK results and errors are passed
 * over. The request is idempotent (keyed by image and model) and the inbox row is written in the
 * transaction that clears the outbox row, so a crash between the two files the image once.
 */
public final class ReviewSink implements LineSink {
  private final SinkSpec spec;
  private final Path dir;
  private final LineJournal journal;
  private final ReviewStore store;
  private volatile LineModel model;

  /**
   * @param dir where the copies go ({@code <workspace>/line/review})
   * @param store the workspace's review database (not closed by this sink)
   */
  public ReviewSink(SinkSpec spec, Path dir, LineJournal journal, ReviewStore store) {
    this.spec = spec;
    this.dir = dir;
    this.journal = journal;
    this.store = store;
  }

  /**
   * The model the line runs: its file is recorded with the requests of its results, so that the
   * Review section can load it (results left over from a run of another model get none).
   */
  void runs(LineModel m) {
    this.model = m;
  }

  @Override
  public SinkSpec spec() {
    return spec;
  }

  @Override
  public boolean wantsArtifacts() {
    return true;
  }

  @Override
  public void connect() throws IOException {
    Files.createDirectories(dir);
  }

  @Override
  public void deliver(LineResult r, Artifacts a) throws IOException {
    file(r, a);
  }

  /**
   * Files the result (if REVIEW or NG) and clears this sink's outbox row.
   *
   * @return how many sinks still wait to deliver the image
   */
  int file(LineResult r, Artifacts a) throws IOException {
    Path original = a.original();
    if (r.error() != null || !r.needsAttention() || original == null) {
      return journal.delivered(spec.key(), r.seq());
    }
    String base = String.format(Locale.ROOT, "%08d_%s", r.seq(), FolderSink.stem(r.source()));
    String name = original.getFileName().toString();
    Path image = dir.resolve(base + name.substring(name.indexOf('.')));
    AtomicFiles.copy(original, image);
    Path map = null;
    if (a.map() != null) {
      map = dir.resolve(base + "_map.png");
      AtomicFiles.copy(a.map(), map);
    }
    LineModel m = model;
    String modelFile =
        m != null && m.id().equals(r.modelId()) && m.file() != null
            ? m.file().toAbsolutePath().normalize().toString()
            : null;
    store.request(
        new ReviewRequest(
            image.toAbsolutePath().normalize().toString(),
            r.modelId(),
            modelFile,
            r.verdict(),
            r.score() == null ? Double.NaN : r.score(),
            map == null ? null : map.toAbsolutePath().normalize().toString(),
            "line " + r.source(),
            r.time() == null ? Instant.now() : Instant.parse(r.time())));
    return journal.fileForReview(
        spec.key(),
        new LineJournal.ReviewEntry(
            r.seq(), image, map, r.modelId(), r.verdict(), r.score(), r.time()));
  }
}
