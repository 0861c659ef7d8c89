package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by the first line build (schema 1) opens, keeps its outbox and gains the rest.
 */
class LineJournalUpgradeTest {
  @TempDir Path dir;

  @Test
  void aVersion1JournalKeepsItsWaitingResultsAndCanRefuseAndHandOver() throws Exception {
    Path file = dir.resolve(LineJournal.FILE_NAME);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE items (seq INTEGER PRIMARY KEY AUTOINCREMENT, item_key TEXT NOT NULL"
              + " UNIQUE, name TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('PENDING',"
              + " 'DONE')), attempts INTEGER NOT NULL, appeared_ms INTEGER NOT NULL, result TEXT)");
      s.execute(
          "CREATE TABLE outbox (sink TEXT NOT NULL, seq INTEGER NOT NULL REFERENCES items (seq),"
              + " PRIMARY KEY (sink, seq)) WITHOUT ROWID");
      s.execute(
          "CREATE TABLE review_inbox (seq INTEGER PRIMARY KEY REFERENCES items (seq), image TEXT"
              + " NOT NULL, map TEXT, model_id TEXT NOT NULL, verdict TEXT NOT NULL, score REAL,"
              + " time TEXT NOT NULL)");
      s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.execute("PRAGMA application_id = " + LineJournal.APPLICATION_ID);
      s.execute("PRAGMA user_version = 1");
    }
    LineResult r =
        new LineResult(
            1, "a", "a.png", "2026-12-07T00:00:00Z", "NG", 0.9, 0.8, "m", "m@1", 1, 0, null);
    try (LineJournal j = LineJournal.open(file)) {
      j.claim("a", "a.png", 0);
      j.complete(r, List.of("mqtt://h:1883/t", "http://h/hook"));
    }
    try (LineJournal j = LineJournal.open(file)) {
      assertThat(j.outboxSizes()).containsOnlyKeys("mqtt://h:1883/t", "http://h/hook");
      assertThat(j.isHanded("mqtt://h:1883/t", 1)).isFalse();
      j.handOver(
          "mqtt://h:1883/t",
          1,
          "sgsf-x",
          "s-7",
          7,
          new LineJournal.StoredPacket(new byte[] {1}, new byte[] {2}));
      assertThat(j.isHanded("mqtt://h:1883/t", 1)).isTrue();
      assertThat(j.packetKeys("sgsf-x")).containsExactly("s-7");
      assertThat(j.dropPacket("mqtt://h:1883/t", "sgsf-x", "s-7", 7, true)).isTrue();
      assertThat(j.isWaiting("mqtt://h:1883/t", 1)).isFalse();
      assertThat(j.refuse("http://h/hook", 1, "HTTP 400")).isZero();
      assertThat(j.refusedCounts()).containsEntry("http://h/hook", 1);
    }
  }
}
