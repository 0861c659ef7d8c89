package sgsf.io.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;

class ReviewStoreTest {
  @TempDir Path dir;

  static byte[] maskPng(int h, int w, int y0, int x0, int size) {
    FloatImage m = FloatImage.zeros(1, h, w);
    for (int y = y0; y < y0 + size; y++) {
      for (int x = x0; x < x0 + size; x++) {
        m.set(0, y, x, 1f);
      }
    }
    return ImageIo.encodePng(m);
  }

  static ReviewInput input(String image, String model, ReviewVerdict v, String note) {
    return new ReviewInput(image, model, "crack", v, null, note, "alice", 0.75);
  }

  private Path db() {
    return dir.resolve("ws").resolve("reviews").resolve(ReviewStore.FILE_NAME);
  }

  @Test
  void savedReviewComesBackWithEveryFieldAfterReopening() throws Exception {
    byte[] mask = maskPng(20, 30, 5, 7, 4);
    ReviewInput in =
        new ReviewInput(
            "/d/test/crack/001.png",
            "model-a",
            "crack",
            ReviewVerdict.TRUE_DEFECT,
            mask,
            "long crack, \"left\" side\nsecond line",
            "alice",
            0.8125);
    Review saved;
    try (ReviewStore store = ReviewStore.open(db())) {
      saved = store.save(in);
      assertThat(saved.revision()).isEqualTo(1);
      assertThat(saved.createdAt()).isEqualTo(saved.updatedAt());
    }
    try (ReviewStore store = ReviewStore.open(db())) {
      Review r = store.find("/d/test/crack/001.png", "model-a").orElseThrow();
      assertThat(r).isEqualTo(saved);
      assertThat(r.maskPng()).isEqualTo(mask);
      FloatImage back = ImageIo.decode(r.maskPng(), Path.of("mask"));
      assertThat(back.height()).isEqualTo(20);
      assertThat(back.width()).isEqualTo(30);
      assertThat(back.get(0, 6, 8)).isEqualTo(1f);
      assertThat(back.get(0, 0, 0)).isEqualTo(0f);
      assertThat(store.find("/d/test/crack/001.png", "model-b")).isEmpty();
      assertThat(store.schemaVersion()).isEqualTo(ReviewStore.SCHEMA_VERSION);
    }
  }

  @Test
  void missingScoreAndTypeAreStoredAsAbsent() throws Exception {
    try (ReviewStore store = ReviewStore.open(db())) {
      store.save(
          new ReviewInput("/x.png", "m", " ", ReviewVerdict.UNSURE, null, null, "bob", Double.NaN));
      Review r = store.find("/x.png", "m").orElseThrow();
      assertThat(r.score()).isNaN();
      assertThat(r.defectType()).isNull();
      assertThat(r.note()).isEmpty();
      assertThat(r.hasMask()).isFalse();
    }
  }

  @Test
  void revisingAReviewKeepsItsCreationTimeAndAppendsToTheHistory() throws Exception {
    try (ReviewStore store = ReviewStore.open(db())) {
      Review first = store.save(input("/a.png", "m", ReviewVerdict.UNSURE, "hmm"));
      Thread.sleep(5);
      Review second =
          store.save(
              new ReviewInput(
                  "/a.png",
                  "m",
                  "crack",
                  ReviewVerdict.TRUE_DEFECT,
                  maskPng(8, 8, 1, 1, 2),
                  "yes",
                  "bob",
                  0.75));
      assertThat(second.revision()).isEqualTo(2);
      assertThat(second.createdAt()).isEqualTo(first.createdAt());
      assertThat(second.updatedAt()).isAfter(first.updatedAt());
      assertThat(store.reviews("m")).containsExactly(second);
      List<ReviewHistoryEntry> h = store.history("/a.png", "m");
      assertThat(h)
          .extracting(
              ReviewHistoryEntry::reviewer,
              ReviewHistoryEntry::verdict,
              ReviewHistoryEntry::hasMask,
              ReviewHistoryEntry::revision)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("alice", ReviewVerdict.UNSURE, false, 1),
              org.assertj.core.groups.Tuple.tuple("bob", ReviewVerdict.TRUE_DEFECT, true, 2));
      assertThat(h.get(0).at()).isEqualTo(first.updatedAt());
      assertThat(h.get(1).at()).isEqualTo(second.updatedAt());
    }
  }

  @Test
  void deletingAReviewIsRecordedWithWhoDidIt() throws Exception {
    try (ReviewStore store = ReviewStore.open(db())) {
      store.save(input("/a.png", "m", ReviewVerdict.FALSE_ALARM, ""));
      assertThat(store.delete("/a.png", "m", "carol")).isTrue();
      assertThat(store.delete("/a.png", "m", "carol")).isFalse();
      assertThat(store.find("/a.png", "m")).isEmpty();
      assertThat(store.count("m")).isZero();
      assertThat(store.history())
          .extracting(ReviewHistoryEntry::action, ReviewHistoryEntry::reviewer)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(ReviewHistoryEntry.Action.SAVED, "alice"),
              org.assertj.core.groups.Tuple.tuple(ReviewHistoryEntry.Action.DELETED, "carol"));
    }
  }

  @Test
  void historyRefusesUpdatesAndDeletes() throws Exception {
    try (ReviewStore store = ReviewStore.open(db())) {
      store.save(input("/a.png", "m", ReviewVerdict.FALSE_ALARM, ""));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("UPDATE review_history SET reviewer = 'mallory'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.execute("DELETE FROM review_history"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    try (ReviewStore store = ReviewStore.open(db())) {
      assertThat(store.history())
          .singleElement()
          .extracting(ReviewHistoryEntry::reviewer)
          .isEqualTo("alice");
    }
  }

  @Test
  void databaseRunsInWriteAheadLogModeWithFullSync() throws Exception {
    try (ReviewStore store = ReviewStore.open(db())) {
      store.save(input("/a.png", "m", ReviewVerdict.UNSURE, ""));
      assertThat(Files.exists(db().resolveSibling(ReviewStore.FILE_NAME + "-wal"))).isTrue();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement();
        var r = s.executeQuery("PRAGMA journal_mode")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void confirmedGoodImagesAreThoseWhoseLatestReviewIsAFalseAlarm() throws Exception {
    try (ReviewStore store = ReviewStore.open(db())) {
      store.save(input("/b.png", "m1", ReviewVerdict.FALSE_ALARM, ""));
      store.save(input("/a.png", "m1", ReviewVerdict.FALSE_ALARM, ""));
      store.save(input("/c.png", "m1", ReviewVerdict.TRUE_DEFECT, ""));
      store.save(input("/d.png", "m1", ReviewVerdict.UNSURE, ""));
      Thread.sleep(5);
      // a later review under another model overrides: /b.png is a defect after all
      store.save(input("/b.png", "m2", ReviewVerdict.TRUE_DEFECT, ""));
      assertThat(store.confirmedGood()).containsExactly("/a.png");
    }
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedNamingIt() throws Exception {
    Path f = dir.resolve("notes.db");
    Files.writeString(f, "this is a text file, not a database, and it is long enough to matter.");
    assertThatThrownBy(() -> ReviewStore.open(f))
        .isInstanceOf(ReviewStoreException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("not a review database");
    assertThat(Files.readString(f)).startsWith("this is a text file");
  }

  @Test
  void anotherApplicationsDatabaseIsRefused() throws Exception {
    Path f = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE things (x INTEGER)");
    }
    assertThatThrownBy(() -> ReviewStore.open(f))
        .isInstanceOf(ReviewStoreException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("not a review database");
  }

  @Test
  void aDatabaseFromANewerSchemaIsRefused() throws Exception {
    try (ReviewStore store = ReviewStore.open(db())) {
      store.save(input("/a.png", "m", ReviewVerdict.UNSURE, ""));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = " + (ReviewStore.SCHEMA_VERSION + 1));
    }
    assertThatThrownBy(() -> ReviewStore.open(db()))
        .isInstanceOf(ReviewStoreException.class)
        .hasMessageContaining("newer workbench");
  }

  @Test
  void inputIsValidated() {
    assertThatThrownBy(
            () -> new ReviewInput(" ", "m", null, ReviewVerdict.UNSURE, null, "", "a", 0))
        .hasMessageContaining("imagePath");
    assertThatThrownBy(
            () -> new ReviewInput("/a", "m", null, ReviewVerdict.UNSURE, null, "", " ", 0))
        .hasMessageContaining("reviewer");
    assertThatThrownBy(
            () ->
                new ReviewInput(
                    "/a", "m", null, ReviewVerdict.TRUE_DEFECT, new byte[] {1, 2, 3}, "", "a", 0))
        .hasMessageContaining("not PNG");
  }

  static ReviewRequest request(String image, String model) {
    return new ReviewRequest(
        image,
        model,
        "/models/" + model + ".zip",
        "NG",
        0.9,
        null,
        "line folder:/hot " + image,
        java.time.Instant.parse("2026-12-07T10:00:00Z"));
  }

  @Test
  void reviewRequestsAreFiledOnceAndCloseWhenTheImageIsReviewed() throws Exception {
    try (ReviewStore store = ReviewStore.open(db())) {
      assertThat(store.request(request("/a.png", "m"))).isTrue();
      assertThat(store.request(request("/a.png", "m"))).as("filed again after a crash").isFalse();
      assertThat(store.request(request("/b.png", "m"))).isTrue();
    }
    try (ReviewStore store = ReviewStore.open(db())) {
      assertThat(store.openRequests())
          .extracting(ReviewRequest::imagePath)
          .containsExactly("/a.png", "/b.png");
      ReviewRequest a = store.openRequests().get(0);
      assertThat(a.modelFile()).isEqualTo("/models/m.zip");
      assertThat(a.score()).isEqualTo(0.9);
      assertThat(a.mapPath()).isNull();
      store.save(input("/a.png", "m", ReviewVerdict.FALSE_ALARM, ""));
      assertThat(store.openRequests())
          .extracting(ReviewRequest::imagePath)
          .containsExactly("/b.png");
      assertThat(store.requests()).hasSize(2);
    }
  }

  @Test
  void aVersionOneDatabaseIsUpgradedAndKeepsItsReviews() throws Exception {
    try (ReviewStore store = ReviewStore.open(db())) {
      store.save(input("/old.png", "m", ReviewVerdict.TRUE_DEFECT, "before the upgrade"));
    }
    // make it what a version 1 workbench wrote: no review_requests
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE review_requests");
      s.execute("PRAGMA user_version = 1");
    }
    try (ReviewStore store = ReviewStore.open(db())) {
      assertThat(store.schemaVersion()).isEqualTo(2);
      assertThat(store.find("/old.png", "m").orElseThrow().note()).isEqualTo("before the upgrade");
      assertThat(store.request(request("/new.png", "m"))).isTrue();
      assertThat(store.openRequests()).hasSize(1);
      assertThat(store.integrityCheck()).isEqualTo("ok");
    }
  }
}
