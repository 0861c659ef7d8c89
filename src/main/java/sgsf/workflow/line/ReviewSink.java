package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import sgsf.io.AtomicFiles;

/**
 * Files REVIEW and NG images in the workspace's review inbox (the journal's {@code review_inbox},
 * with a copy of the image and its anomaly map under {@code <workspace>/line/review/}), for a human
 * to decide on. OK results and errors are passed over. Filing and clearing the outbox row happen in
 * one transaction, so an image is filed exactly once.
 */
public final class ReviewSink implements LineSink {
  private final SinkSpec spec;
  private final Path dir;
  private final LineJournal journal;

  /**
   * @param dir where the copies go ({@code <workspace>/line/review})
   */
  public ReviewSink(SinkSpec spec, Path dir, LineJournal journal) {
    this.spec = spec;
    this.dir = dir;
    this.journal = journal;
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
    return journal.fileForReview(
        spec.key(),
        new LineJournal.ReviewEntry(
            r.seq(), image, map, r.modelId(), r.verdict(), r.score(), r.time()));
  }
}
