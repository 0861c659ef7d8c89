package sgsf.io.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Reviews kept in an embedded SQLite database (normally {@code <workspace>/reviews/reviews.db}).
 *
 * <p>Durability: write-ahead log ({@code journal_mode=WAL}) with {@code synchronous=FULL}, and one
 * transaction per saved review, which writes the review and its history line together. A process
 * killed at any moment loses at most the review whose transaction had not committed; the database
 * stays consistent (checked by {@link #integrityCheck()}).
 *
 * <p>Schema (versioned with {@code PRAGMA user_version}, marked with {@code PRAGMA
 * application_id}): {@code reviews} holds the latest review per (image, model); {@code
 * review_history} is append-only (triggers refuse updates and deletes) and records who saved or
 * deleted what, and when; {@code review_requests} holds the images a machine (the line's review
 * sink) asked a human to review, open until the image has a review under the same model.
 *
 * <p>Thread-safe: one connection, every method synchronised. Several processes may open the same
 * file; writers wait for each other up to {@link #BUSY_TIMEOUT_MS}.
 */
public final class ReviewStore implements AutoCloseable {
  /** The database's usual file name inside a workspace's reviews folder. */
  public static final String FILE_NAME = "reviews.db";

  /**
   * The schema version this build writes and reads (2 added {@code review_requests}; a version 1
   * database is upgraded when opened).
   */
  public static final int SCHEMA_VERSION = 2;

  /** Marks the file as an SGSF review database ("SGSF"). */
  public static final int APPLICATION_ID = 0x53475346;

  static final int BUSY_TIMEOUT_MS = 10_000;

  /** Added in schema version 2. */
  private static final String REQUESTS_TABLE =
      """
      CREATE TABLE IF NOT EXISTS review_requests (
        image_path   TEXT NOT NULL,
        model_id     TEXT NOT NULL,
        model_file   TEXT,
        prediction   TEXT NOT NULL,
        score        REAL,
        map_path     TEXT,
        origin       TEXT NOT NULL DEFAULT '',
        requested_at TEXT NOT NULL,
        PRIMARY KEY (image_path, model_id)
      )""";

  private static final String[] SCHEMA = {
    """
    CREATE TABLE reviews (
      image_path  TEXT NOT NULL,
      model_id    TEXT NOT NULL,
      defect_type TEXT,
      verdict     TEXT NOT NULL CHECK (verdict IN ('TRUE_DEFECT', 'FALSE_ALARM', 'UNSURE')),
      mask_png    BLOB,
      note        TEXT NOT NULL DEFAULT '',
      reviewer    TEXT NOT NULL,
      score       REAL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      revision    INTEGER NOT NULL CHECK (revision >= 1),
      PRIMARY KEY (image_path, model_id)
    )""",
    "CREATE INDEX reviews_by_model ON reviews (model_id, updated_at)",
    """
    CREATE TABLE review_history (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      image_path  TEXT NOT NULL,
      model_id    TEXT NOT NULL,
      action      TEXT NOT NULL CHECK (action IN ('SAVED', 'DELETED')),
      verdict     TEXT,
      note        TEXT NOT NULL DEFAULT '',
      has_mask    INTEGER NOT NULL,
      reviewer    TEXT NOT NULL,
      at          TEXT NOT NULL,
      revision    INTEGER NOT NULL
    )""",
    "CREATE INDEX history_by_image ON review_history (image_path, model_id, id)",
    """
    CREATE TRIGGER review_history_no_update BEFORE UPDATE ON review_history
    BEGIN SELECT RAISE(ABORT, 'review_history is append-only'); END""",
    """
    CREATE TRIGGER review_history_no_delete BEFORE DELETE ON review_history
    BEGIN SELECT RAISE(ABORT, 'review_history is append-only'); END""",
    REQUESTS_TABLE,
  };

  private final Path file;
  private final Connection connection;

  private ReviewStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** The OS user name, the default reviewer. */
  public static String defaultReviewer() {
    String name = System.getProperty("user.name");
    return name == null || name.isBlank() ? "unknown" : name;
  }

  /**
   * Opens (creating if needed) the review database {@code file}.
   *
   * @throws ReviewStoreException naming the file when it is not a review database, was written by a
   *     newer version, or cannot be opened
   */
  public static ReviewStore open(Path file) throws ReviewStoreException {
    Path f = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(f.getParent());
    } catch (java.io.IOException e) {
      throw new ReviewStoreException(f, "cannot create its folder (" + e.getMessage() + ")", e);
    }
    if (Files.isDirectory(f)) {
      throw new ReviewStoreException(f, "is a folder, not a review database", null);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    Connection c = null;
    try {
      c = config.createConnection("jdbc:sqlite:" + f);
      ReviewStore store = new ReviewStore(f, c);
      store.prepareSchema();
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new ReviewStoreException(f, describe(e), e);
    } catch (ReviewStoreException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static String describe(SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_NOTADB") || m.contains("not a database")) {
      return "not a review database (the file is not an SQLite database)";
    }
    if (m.contains("SQLITE_CORRUPT")) {
      return "the review database is damaged (" + m + ")";
    }
    return "database error (" + m + ")";
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already failing; the original error is reported
      }
    }
  }

  private void prepareSchema() throws SQLException, ReviewStoreException {
    try (Statement s = connection.createStatement()) {
      String mode = queryString(s, "PRAGMA journal_mode");
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new ReviewStoreException(
            file, "cannot switch the database to write-ahead logging (mode " + mode + ")", null);
      }
      int version = queryInt(s, "PRAGMA user_version");
      int appId = queryInt(s, "PRAGMA application_id");
      if (version == 0) {
        int tables = queryInt(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        if (tables > 0) {
          throw new ReviewStoreException(
              file, "is an SQLite database but not a review database (it has other tables)", null);
        }
        List<String> create = new ArrayList<>(List.of(SCHEMA));
        create.add("PRAGMA application_id = " + APPLICATION_ID);
        create.add("PRAGMA user_version = " + SCHEMA_VERSION);
        executeAtomically(s, create);
      } else if (appId != APPLICATION_ID) {
        throw new ReviewStoreException(
            file, "is an SQLite database but not a review database", null);
      } else if (version > SCHEMA_VERSION) {
        throw new ReviewStoreException(
            file,
            "was written by a newer workbench (schema version "
                + version
                + "; this build reads up to "
                + SCHEMA_VERSION
                + ")",
            null);
      } else if (version < SCHEMA_VERSION) {
        executeAtomically(s, List.of(REQUESTS_TABLE, "PRAGMA user_version = " + SCHEMA_VERSION));
      }
    }
  }

  /**
   * Runs the statements in one transaction (a schema is created or upgraded whole or not at all).
   */
  private void executeAtomically(Statement s, List<String> statements) throws SQLException {
    connection.setAutoCommit(false);
    try {
      for (String sql : statements) {
        s.execute(sql);
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static int queryInt(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static String queryString(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  public Path file() {
    return file;
  }

  /** The schema version of the open database. */
  public synchronized int schemaVersion() throws ReviewStoreException {
    try (Statement s = connection.createStatement()) {
      return queryInt(s, "PRAGMA user_version");
    } catch (SQLException e) {
      throw new ReviewStoreException(file, describe(e), e);
    }
  }

  /**
   * Saves a review in one transaction: replaces the image's current review under the same model and
   * appends a history line.
   *
   * @return the stored review (timestamps, revision)
   */
  public synchronized Review save(ReviewInput in) throws ReviewStoreException {
    Instant now = now();
    return inTransaction(
        "cannot save the review of " + in.imagePath(),
        () -> {
          Instant created = now;
          int revision = 1;
          try (PreparedStatement q =
              connection.prepareStatement(
                  "SELECT created_at, revision FROM reviews WHERE image_path = ? AND model_id = ?")) {
            q.setString(1, in.imagePath());
            q.setString(2, in.modelId());
            try (ResultSet r = q.executeQuery()) {
              if (r.next()) {
                created = Instant.parse(r.getString(1));
                revision = r.getInt(2) + 1;
              }
            }
          }
          try (PreparedStatement u =
              connection.prepareStatement(
                  """
                INSERT INTO reviews (image_path, model_id, defect_type, verdict, mask_png, note,
                                     reviewer, score, created_at, updated_at, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (image_path, model_id) DO UPDATE SET
                  defect_type = excluded.defect_type, verdict = excluded.verdict,
                  mask_png = excluded.mask_png, note = excluded.note,
                  reviewer = excluded.reviewer, score = excluded.score,
                  updated_at = excluded.updated_at, revision = excluded.revision""")) {
            u.setString(1, in.imagePath());
            u.setString(2, in.modelId());
            u.setString(3, in.defectType());
            u.setString(4, in.verdict().name());
            if (in.maskPng() == null) {
              u.setNull(5, Types.BLOB);
            } else {
              u.setBytes(5, in.maskPng());
            }
            u.setString(6, in.note());
            u.setString(7, in.reviewer());
            if (Double.isNaN(in.score())) {
              u.setNull(8, Types.REAL);
            } else {
              u.setDouble(8, in.score());
            }
            u.setString(9, text(created));
            u.setString(10, text(now));
            u.setInt(11, revision);
            u.executeUpdate();
          }
          appendHistory(
              in.imagePath(),
              in.modelId(),
              ReviewHistoryEntry.Action.SAVED,
              in.verdict(),
              in.note(),
              in.maskPng() != null,
              in.reviewer(),
              now,
              revision);
          return new Review(in, created, now, revision);
        });
  }

  /**
   * Deletes the review of an image under a model (the history keeps a line saying who deleted it).
   *
   * @return true if there was a review
   */
  public synchronized boolean delete(String imagePath, String modelId, String reviewer)
      throws ReviewStoreException {
    ReviewInput.requireText(reviewer, "reviewer");
    Instant now = now();
    return inTransaction(
        "cannot delete the review of " + imagePath,
        () -> {
          int revision;
          try (PreparedStatement q =
              connection.prepareStatement(
                  "SELECT revision FROM reviews WHERE image_path = ? AND model_id = ?")) {
            q.setString(1, imagePath);
            q.setString(2, modelId);
            try (ResultSet r = q.executeQuery()) {
              if (!r.next()) {
                return false; // nothing written: the empty transaction commits
              }
              revision = r.getInt(1);
            }
          }
          try (PreparedStatement d =
              connection.prepareStatement(
                  "DELETE FROM reviews WHERE image_path = ? AND model_id = ?")) {
            d.setString(1, imagePath);
            d.setString(2, modelId);
            d.executeUpdate();
          }
          appendHistory(
              imagePath,
              modelId,
              ReviewHistoryEntry.Action.DELETED,
              null,
              "",
              false,
              reviewer,
              now,
              revision);
          return true;
        });
  }

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  private interface Transaction<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   *
   * @param failure what failed, for the {@link ReviewStoreException} naming the file
   */
  private <T> T inTransaction(String failure, Transaction<T> work) throws ReviewStoreException {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run();
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new ReviewStoreException(file, failure + " (" + describe(e) + ")", e);
    }
  }

  private void appendHistory(
      String imagePath,
      String modelId,
      ReviewHistoryEntry.Action action,
      ReviewVerdict verdict,
      String note,
      boolean hasMask,
      String reviewer,
      Instant at,
      int revision)
      throws SQLException {
    try (PreparedStatement h =
        connection.prepareStatement(
            """
            INSERT INTO review_history (image_path, model_id, action, verdict, note, has_mask,
                                        reviewer, at, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      h.setString(1, imagePath);
      h.setString(2, modelId);
      h.setString(3, action.name());
      h.setString(4, verdict == null ? null : verdict.name());
      h.setString(5, note);
      h.setInt(6, hasMask ? 1 : 0);
      h.setString(7, reviewer);
      h.setString(8, text(at));
      h.setInt(9, revision);
      h.executeUpdate();
    }
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection reports the original failure
    }
  }

  /**
   * Files a request to review an image (the line's review sink). Repeating it is harmless: an image
   * already requested under the same model keeps its first request.
   *
   * @return true when the request is new
   */
  public synchronized boolean request(ReviewRequest q) throws ReviewStoreException {
    return inTransaction(
        "cannot file the review request of " + q.imagePath(),
        () -> {
          try (PreparedStatement i =
              connection.prepareStatement(
                  """
                  INSERT OR IGNORE INTO review_requests (image_path, model_id, model_file,
                      prediction, score, map_path, origin, requested_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            i.setString(1, q.imagePath());
            i.setString(2, q.modelId());
            i.setString(3, q.modelFile());
            i.setString(4, q.prediction());
            if (Double.isNaN(q.score())) {
              i.setNull(5, Types.REAL);
            } else {
              i.setDouble(5, q.score());
            }
            i.setString(6, q.mapPath());
            i.setString(7, q.origin());
            i.setString(8, text(q.requestedAt()));
            return i.executeUpdate() == 1;
          }
        });
  }

  /** Every review request, oldest first (reviewed or not). */
  public synchronized List<ReviewRequest> requests() throws ReviewStoreException {
    return requestQuery("ORDER BY q.requested_at, q.image_path");
  }

  /** The review requests whose image has no review under the model yet, oldest first. */
  public synchronized List<ReviewRequest> openRequests() throws ReviewStoreException {
    return requestQuery(
        "LEFT JOIN reviews r ON r.image_path = q.image_path AND r.model_id = q.model_id"
            + " WHERE r.image_path IS NULL ORDER BY q.requested_at, q.image_path");
  }

  private List<ReviewRequest> requestQuery(String rest) throws ReviewStoreException {
    return select(
        "SELECT q.image_path, q.model_id, q.model_file, q.prediction, q.score, q.map_path,"
            + " q.origin, q.requested_at FROM review_requests q "
            + rest,
        "review request",
        r -> {
          double score = r.getDouble(5);
          if (r.wasNull()) {
            score = Double.NaN;
          }
          return new ReviewRequest(
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.getString(4),
              score,
              r.getString(6),
              r.getString(7),
              Instant.parse(r.getString(8)));
        });
  }

  /** The current review of an image under a model. */
  public synchronized Optional<Review> find(String imagePath, String modelId)
      throws ReviewStoreException {
    List<Review> r = query("WHERE image_path = ? AND model_id = ?", imagePath, modelId);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  /** The reviews of one model's predictions, oldest update first. */
  public synchronized List<Review> reviews(String modelId) throws ReviewStoreException {
    return query("WHERE model_id = ? ORDER BY updated_at, image_path", modelId);
  }

  /** Every review, oldest update first. */
  public synchronized List<Review> allReviews() throws ReviewStoreException {
    return query("ORDER BY updated_at, image_path, model_id");
  }

  /** The current reviews of one model, keyed by image path. */
  public synchronized Map<String, Review> reviewsByImage(String modelId)
      throws ReviewStoreException {
    Map<String, Review> out = new LinkedHashMap<>();
    for (Review r : reviews(modelId)) {
      out.put(r.imagePath(), r);
    }
    return out;
  }

  /** How many images have a review under the model. */
  public synchronized int count(String modelId) throws ReviewStoreException {
    try (PreparedStatement q =
        connection.prepareStatement("SELECT count(*) FROM reviews WHERE model_id = ?")) {
      q.setString(1, modelId);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new ReviewStoreException(file, describe(e), e);
    }
  }

  /**
   * Images a reviewer confirmed good: those whose most recent review (over all models) is {@link
   * ReviewVerdict#FALSE_ALARM}. Sorted by path.
   */
  public synchronized List<String> confirmedGood() throws ReviewStoreException {
    Map<String, Review> latest = new java.util.TreeMap<>();
    for (Review r : allReviews()) {
      latest.merge(r.imagePath(), r, (a, b) -> b.updatedAt().isAfter(a.updatedAt()) ? b : a);
    }
    List<String> out = new ArrayList<>();
    latest.forEach(
        (path, r) -> {
          if (r.verdict() == ReviewVerdict.FALSE_ALARM) {
            out.add(path);
          }
        });
    return out;
  }

  /** The history of one image under one model, oldest first. */
  public synchronized List<ReviewHistoryEntry> history(String imagePath, String modelId)
      throws ReviewStoreException {
    return historyQuery("WHERE image_path = ? AND model_id = ? ORDER BY id", imagePath, modelId);
  }

  /** The whole history, oldest first. */
  public synchronized List<ReviewHistoryEntry> history() throws ReviewStoreException {
    return historyQuery("ORDER BY id");
  }

  /** SQLite's {@code PRAGMA integrity_check}: "ok" for a sound database, else the problems. */
  public synchronized String integrityCheck() throws ReviewStoreException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      List<String> lines = new ArrayList<>();
      while (r.next()) {
        lines.add(r.getString(1));
      }
      return String.join("\n", lines);
    } catch (SQLException e) {
      throw new ReviewStoreException(file, describe(e), e);
    }
  }

  private List<Review> query(String where, String... args) throws ReviewStoreException {
    return select(
        "SELECT image_path, model_id, defect_type, verdict, mask_png, note, reviewer, score,"
            + " created_at, updated_at, revision FROM reviews "
            + where,
        "review",
        r -> {
          double score = r.getDouble(8);
          if (r.wasNull()) {
            score = Double.NaN;
          }
          ReviewInput in =
              new ReviewInput(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  ReviewVerdict.valueOf(r.getString(4)),
                  r.getBytes(5),
                  r.getString(6),
                  r.getString(7),
                  score);
          return new Review(
              in, Instant.parse(r.getString(9)), Instant.parse(r.getString(10)), r.getInt(11));
        },
        args);
  }

  private List<ReviewHistoryEntry> historyQuery(String where, String... args)
      throws ReviewStoreException {
    return select(
        "SELECT id, image_path, model_id, action, verdict, note, has_mask, reviewer, at, revision"
            + " FROM review_history "
            + where,
        "history",
        r -> {
          String verdict = r.getString(5);
          return new ReviewHistoryEntry(
              r.getLong(1),
              r.getString(2),
              r.getString(3),
              ReviewHistoryEntry.Action.valueOf(r.getString(4)),
              verdict == null ? null : ReviewVerdict.valueOf(verdict),
              r.getString(6),
              r.getInt(7) != 0,
              r.getString(8),
              Instant.parse(r.getString(9)),
              r.getInt(10));
        },
        args);
  }

  /** Reads one row of a result set into a value. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * The rows of {@code sql} with {@code args} bound to its placeholders; a row that does not read
   * (an unknown verdict, a bad time) is a {@link ReviewStoreException} naming the file and {@code
   * what} kind of row was damaged.
   */
  private <T> List<T> select(String sql, String what, RowReader<T> reader, String... args)
      throws ReviewStoreException {
    try (PreparedStatement q = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        q.setString(i + 1, args[i]);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(reader.read(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new ReviewStoreException(file, describe(e), e);
    } catch (RuntimeException e) {
      throw new ReviewStoreException(file, "damaged " + what + " row (" + e.getMessage() + ")", e);
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Fixed-width UTC text (millisecond precision), so that text order is time order. */
  static String text(Instant t) {
    return TIME.format(t);
  }

  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  /** Closes the database (the write-ahead log is checkpointed into the main file). */
  @Override
  public synchronized void close() throws ReviewStoreException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new ReviewStoreException(file, describe(e), e);
    }
  }

  @Override
  public String toString() {
    return "ReviewStore[" + file + "]";
  }
}
