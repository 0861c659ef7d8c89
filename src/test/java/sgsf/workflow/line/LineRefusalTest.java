package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.task.CancellationToken;

/**
 * A result a webhook refuses for good (HTTP 400, from a real JDK HTTP server) does not block the
 * sink: the results behind it arrive in order, the refused one is kept in the journal with the
 * receiver's answer and counted in the sink's health, and putting it back into the outbox delivers
 * it once the receiver accepts it.
 */
class LineRefusalTest {
  @TempDir Path dir;

  @Test
  void aRefusedResultIsKeptAsRefusedAndTheOthersArriveInOrder() throws Exception {
    List<Path> images = LineFixtures.images(dir, 6);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path hot = Files.createDirectories(dir.resolve("hot"));
    List<SinkHealth> health = new CopyOnWriteArrayList<>();
    LineListener watcher =
        new LineListener() {
          @Override
          public void sinkHealth(SinkHealth h) {
            health.add(h);
          }
        };
    try (LineFixtures.DedupWebhook hook = new LineFixtures.DedupWebhook().refuse(3)) {
      SinkSpec spec = SinkSpec.parse(hook.url());
      for (int i = 0; i < 5; i++) {
        LineFixtures.drop(images.get(i), hot, String.format("part%02d.png", i));
      }
      try (LineWorkspace ws = LineWorkspace.open(dir.resolve("ws"))) {
        ws.run(
                LineModel.load(model),
                new FolderSource(hot, FolderSource.Options.defaults()),
                List.of(ws.sink(spec)))
            .listen(watcher)
            .stopAfter(5)
            .run(CancellationToken.none());

        assertThat(LineFixtures.seqs(hook.accepted)).containsExactly(1L, 2L, 4L, 5L);
        List<LineJournal.Refusal> refused = ws.journal().refused();
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).sink()).isEqualTo(spec.key());
        assertThat(refused.get(0).seq()).isEqualTo(3);
        assertThat(refused.get(0).error())
            .contains(hook.url(), "HTTP 400", "no such part number")
            .doesNotContain("\n");
        assertThat(ws.journal().refusedCounts()).containsEntry(spec.key(), 1);
        assertThat(ws.journal().outboxSizes()).isEmpty();
        SinkHealth last = health.get(health.size() - 1);
        assertThat(last.refused()).isEqualTo(1);
        assertThat(last.lastRefusal()).contains("HTTP 400");
      }

      // the receiver is fixed: the refused result is put back and arrives, once, before the next
      hook.acceptAll();
      LineFixtures.drop(images.get(5), hot, "part05.png");
      try (LineWorkspace ws = LineWorkspace.open(dir.resolve("ws"))) {
        assertThat(ws.journal().retryRefused(List.of(spec.key()))).isEqualTo(1);
        assertThat(ws.journal().refused()).isEmpty();
        ws.run(
                LineModel.load(model),
                new FolderSource(hot, FolderSource.Options.defaults()),
                List.of(ws.sink(spec)))
            .stopAfter(1)
            .run(CancellationToken.none());
        assertThat(LineFixtures.seqs(hook.accepted)).containsExactly(1L, 2L, 4L, 5L, 3L, 6L);
        assertThat(ws.journal().outboxSizes()).isEmpty();
        assertThat(ws.journal().refusedCounts()).isEmpty();
      }
    }
  }

  @Test
  void onlyAnswersThatCannotChangeOnRetryAreRefusalsForGood() {
    for (int status : new int[] {400, 401, 403, 404, 410, 413, 415, 422}) {
      assertThat(WebhookSink.refusesForGood(status)).as("HTTP %d", status).isTrue();
    }
    for (int status : new int[] {200, 204, 301, 408, 409, 425, 429, 500, 502, 503}) {
      assertThat(WebhookSink.refusesForGood(status)).as("HTTP %d", status).isFalse();
    }
  }
}
