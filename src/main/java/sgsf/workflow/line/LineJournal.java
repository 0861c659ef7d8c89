package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * The line's journal and outboxes, an SQLite database in the workspace ({@code
 * <workspace>/line/line.db}), opened like the review store (write-ahead log, {@code
 * synchronous=FULL}, immediate transactions).
 *
 * <ul>
 *   <li>{@code items}: one row per image the line has taken from its source, keyed by the source's
 *       id of the image, numbered in order ({@code seq}); {@code PENDING} while it is inspected,
 *       {@code DONE} with its result. A restarted line skips what is done and inspects what is
 *       pending again, giving up after {@link #MAX_ATTEMPTS} attempts (an image that kills the
 *       process is not retried forever).
 *   <li>{@code outbox}: one row per (sink, image) still to deliver, written in the same transaction
 *       as the result, deleted when the sink has it: nothing is lost while a sink is down, and each
 *       sink takes its rows in {@code seq} order.
 *   <li>{@code review_inbox}: the REVIEW and NG images the review sink filed for a human, written
 *       in the same transaction that clears the sink's outbox row (exactly once).
 *   <li>{@code outbox.handed}: for an MQTT sink, the packet id of the QoS 2 publish an outbox row
 *       was handed to the client under, written in the same transaction as the client's own record
 *       of that publish in {@code mqtt_store} (the Paho client's persistence, {@link
 *       JournalMqttPersistence}); a handed row is never published again, the client finishes its
 *       flow after a restart.
 *   <li>{@code refused}: results a sink refused for good (a webhook's 400), kept with the error,
 *       out of the sink's way; {@link #retryRefused} puts them back into the outbox.
 *   <li>{@code meta}: small settings that must survive restarts (when a source was first watched).
 * </ul>
 *
 * <p>Thread-safe: one connection, every method synchronised.
 */
public final class LineJournal implements AutoCloseable {
  /** The database's file name inside {@code <workspace>/line}. */
  public static final String FILE_NAME = "line.db";

  /** Marks the file as an SGSF line journal ("SGLN"). */
  public static final int APPLICATION_ID = 0x53474c4e;

  /** The schema version this build writes and reads. */
  public static final int SCHEMA_VERSION = 2;

  /** How often an image is taken up again after the process died while inspecting it. */
  public static final int MAX_ATTEMPTS = 3;

  private static final String MQTT_STORE_TABLE =
      """
      CREATE TABLE mqtt_store (
        client  TEXT NOT NULL,
        key     TEXT NOT NULL,
        header  BLOB NOT NULL,
        payload BLOB NOT NULL,
        PRIMARY KEY (client, key)
      ) WITHOUT ROWID""";

  private static final String REFUSED_TABLE =
      """
      CREATE TABLE refused (
        sink       TEXT NOT NULL,
        seq        INTEGER NOT NULL REFERENCES items (seq),
        error      TEXT NOT NULL,
        refused_at TEXT NOT NULL,
        PRIMARY KEY (sink, seq)
      ) WITHOUT ROWID""";

  private static final String[] SCHEMA = {
    """
    CREATE TABLE items (
      seq         INTEGER PRIMARY KEY AUTOINCREMENT,
      item_key    TEXT NOT NULL UNIQUE,
      name        TEXT NOT NULL,
      state       TEXT NOT NULL CHECK (state IN ('PENDING', 'DONE')),
      attempts    INTEGER NOT NULL,
      appeared_ms INTEGER NOT NULL,
      result      TEXT
    )""",
    """
    CREATE TABLE outbox (
      sink   TEXT NOT NULL,
      seq    INTEGER NOT NULL REFERENCES items (seq),
      handed INTEGER,
      PRIMARY KEY (sink, seq)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE review_inbox (
      seq      INTEGER PRIMARY KEY REFERENCES items (seq),
      image    TEXT NOT NULL,
      map      TEXT,
      model_id TEXT NOT NULL,
      verdict  TEXT NOT NULL,
      score    REAL,
      time     TEXT NOT NULL
    )""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    MQTT_STORE_TABLE,
    REFUSED_TABLE,
  };

  /** What turns a version 1 journal into the current one. */
  private static final String[] UPGRADE_FROM_1 = {
    "ALTER TABLE outbox ADD COLUMN handed INTEGER", MQTT_STORE_TABLE, REFUSED_TABLE,
  };

  /** Where an image stands in the journal after {@link #claim}. */
  public enum State {
    /** Newly taken or taken again after a crash: inspect it. */
    PENDING,
    /** Already inspected (its result is journalled): skip it. */
    DONE
  }

  /**
   * An image taken from the source.
   *
   * @param seq its number
   * @param state whether it still needs inspecting
   * @param attempts how often it has been taken up (1 the first time; 0 for an image {@link
   *     #ignore}d on the first start)
   */
  public record Claim(long seq, State state, int attempts) {
    /** True for an image that was already there on the first start and is left alone. */
    public boolean ignored() {
      return state == State.DONE && attempts == 0;
    }
  }

  /**
   * A result waiting in a sink's outbox.
   *
   * @param seq the image's number
   * @param result the result
   */
  public record Outgoing(long seq, LineResult result) {}

  /**
   * An image the review sink filed for a human.
   *
   * @param seq the image's number in the journal
   * @param image the saved copy of the image
   * @param map the saved anomaly map (16-bit PNG), or null
   * @param modelId the model's identity
   * @param verdict REVIEW or NG
   * @param score the raw image score
   * @param time when it was inspected
   */
  public record ReviewEntry(
      long seq, Path image, Path map, String modelId, String verdict, double score, String time) {}

  private final Path file;
  private final Connection connection;

  private LineJournal(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens (creating if needed) the journal {@code file}.
   *
   * @throws IOException naming the file when it is not a line journal or cannot be opened
   */
  public static LineJournal open(Path file) throws IOException {
    Path f = file.toAbsolutePath().normalize();
    Files.createDirectories(f.getParent());
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(10_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    Connection c = null;
    try {
      c = config.createConnection("jdbc:sqlite:" + f);
      LineJournal j = new LineJournal(f, c);
      j.prepareSchema();
      return j;
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // reporting the first failure
        }
      }
      throw new IOException(f + ": cannot open the line journal (" + e.getMessage() + ")", e);
    }
  }

  private void prepareSchema() throws SQLException, IOException {
    try (Statement s = connection.createStatement()) {
      int version = queryInt(s, "PRAGMA user_version");
      int appId = queryInt(s, "PRAGMA application_id");
      if (version == 0) {
        if (queryInt(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table'") > 0) {
          throw new IOException(file + ": an SQLite database, but not a line journal");
        }
        inTransaction(
            () -> {
              for (String sql : SCHEMA) {
                s.execute(sql);
              }
              s.execute("PRAGMA application_id = " + APPLICATION_ID);
              s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
              return null;
            });
      } else if (appId != APPLICATION_ID) {
        throw new IOException(file + ": an SQLite database, but not a line journal");
      } else if (version > SCHEMA_VERSION) {
        throw new IOException(
            file + ": written by a newer workbench (journal schema version " + version + ")");
      } else if (version == 1) {
        inTransaction(
            () -> {
              for (String sql : UPGRADE_FROM_1) {
                s.execute(sql);
              }
              s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
              return null;
            });
      }
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Takes an image from the source: a new image gets the next number; one seen before keeps its
   * number, and unless it is done counts one more attempt.
   */
  public synchronized Claim claim(String key, String name, long appearedMs) throws IOException {
    return sql(
        () ->
            inTransaction(
                () -> {
                  try (PreparedStatement q =
                      connection.prepareStatement(
                          "SELECT seq, state, attempts FROM items WHERE item_key = ?")) {
                    q.setString(1, key);
                    try (ResultSet r = q.executeQuery()) {
                      if (r.next()) {
                        long seq = r.getLong(1);
                        State state = State.valueOf(r.getString(2));
                        int attempts = r.getInt(3);
                        if (state == State.DONE) {
                          return new Claim(seq, state, attempts);
                        }
                        try (PreparedStatement u =
                            connection.prepareStatement(
                                "UPDATE items SET attempts = attempts + 1 WHERE seq = ?")) {
                          u.setLong(1, seq);
                          u.executeUpdate();
                        }
                        return new Claim(seq, state, attempts + 1);
                      }
                    }
                  }
                  try (PreparedStatement i =
                      connection.prepareStatement(
                          "INSERT INTO items (item_key, name, state, attempts, appeared_ms)"
                              + " VALUES (?, ?, 'PENDING', 1, ?)",
                          Statement.RETURN_GENERATED_KEYS)) {
                    i.setString(1, key);
                    i.setString(2, name);
                    i.setLong(3, appearedMs);
                    i.executeUpdate();
                    try (ResultSet k = i.getGeneratedKeys()) {
                      k.next();
                      return new Claim(k.getLong(1), State.PENDING, 1);
                    }
                  }
                }));
  }

  /**
   * Journals an image's result and queues it for the given sinks, in one transaction.
   *
   * @param sinks the keys of the sinks that take this result
   */
  public synchronized void complete(LineResult result, List<String> sinks) throws IOException {
    sql(
        () ->
            inTransaction(
                () -> {
                  try (PreparedStatement u =
                      connection.prepareStatement(
                          "UPDATE items SET state = 'DONE', result = ? WHERE seq = ?")) {
                    u.setString(1, result.toJson());
                    u.setLong(2, result.seq());
                    if (u.executeUpdate() != 1) {
                      throw new SQLException("no journalled image number " + result.seq());
                    }
                  }
                  try (PreparedStatement o =
                      connection.prepareStatement(
                          "INSERT OR IGNORE INTO outbox (sink, seq) VALUES (?, ?)")) {
                    for (String sink : sinks) {
                      o.setString(1, sink);
                      o.setLong(2, result.seq());
                      o.executeUpdate();
                    }
                  }
                  return null;
                }));
  }

  /** The oldest result waiting for {@code sink}, if any. */
  public synchronized Optional<Outgoing> next(String sink) throws IOException {
    return sql(
        () -> {
          try (PreparedStatement q =
              connection.prepareStatement(
                  "SELECT o.seq, i.result FROM outbox o JOIN items i ON i.seq = o.seq"
                      + " WHERE o.sink = ? ORDER BY o.seq LIMIT 1")) {
            q.setString(1, sink);
            try (ResultSet r = q.executeQuery()) {
              if (!r.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Outgoing(
                      r.getLong(1), LineResult.fromJson(r.getString(2)).withSeq(r.getLong(1))));
            }
          }
        });
  }

  /**
   * Clears {@code sink}'s outbox row of image {@code seq} after delivery.
   *
   * @return how many sinks still wait to deliver that image
   */
  public synchronized int delivered(String sink, long seq) throws IOException {
    return sql(
        () ->
            inTransaction(
                () -> {
                  deleteOutbox(sink, seq);
                  return waitingSinks(seq);
                }));
  }

  /**
   * Files an image in the review inbox and clears the review sink's outbox row, in one transaction
   * (so the inbox never holds an image twice).
   *
   * @return how many sinks still wait to deliver that image
   */
  public synchronized int fileForReview(String sink, ReviewEntry e) throws IOException {
    return sql(
        () ->
            inTransaction(
                () -> {
                  try (PreparedStatement i =
                      connection.prepareStatement(
                          "INSERT OR REPLACE INTO review_inbox"
                              + " (seq, image, map, model_id, verdict, score, time)"
                              + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    i.setLong(1, e.seq());
                    i.setString(2, e.image().toString());
                    i.setString(3, e.map() == null ? null : e.map().toString());
                    i.setString(4, e.modelId());
                    i.setString(5, e.verdict());
                    i.setDouble(6, e.score());
                    i.setString(7, e.time());
                    i.executeUpdate();
                  }
                  deleteOutbox(sink, e.seq());
                  return waitingSinks(e.seq());
                }));
  }

  private void deleteOutbox(String sink, long seq) throws SQLException {
    try (PreparedStatement d =
        connection.prepareStatement("DELETE FROM outbox WHERE sink = ? AND seq = ?")) {
      d.setString(1, sink);
      d.setLong(2, seq);
      d.executeUpdate();
    }
  }

  /** Runs one statement with {@code args} (text, whole numbers or bytes); its update count. */
  private int update(String statement, Object... args) throws SQLException {
    try (PreparedStatement u = connection.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        u.setObject(i + 1, args[i]);
      }
      return u.executeUpdate();
    }
  }

  private int waitingSinks(long seq) throws SQLException {
    try (PreparedStatement q =
        connection.prepareStatement("SELECT count(*) FROM outbox WHERE seq = ?")) {
      q.setLong(1, seq);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  /**
   * A stable random id of a sink in this journal ({@code 16} hex digits), made on first use: the
   * MQTT client id and the webhook idempotency keys are built from it, so they survive restarts and
   * differ between two workspaces sending to the same broker or receiver.
   */
  public synchronized String sinkId(String sink) throws IOException {
    java.security.SecureRandom random = new java.security.SecureRandom();
    return metaIfAbsent("sink-id " + sink, String.format("%016x", random.nextLong()));
  }

  /** True while {@code sink} still has image {@code seq} in its outbox. */
  public synchronized boolean isWaiting(String sink, long seq) throws IOException {
    return sql(() -> outboxColumn(sink, seq).isPresent());
  }

  /** True when {@code sink}'s outbox row of image {@code seq} was handed to its MQTT client. */
  public synchronized boolean isHanded(String sink, long seq) throws IOException {
    return sql(() -> outboxColumn(sink, seq).map(h -> h != 0).orElse(false));
  }

  /** The row's handed packet id (0 when not handed), empty when there is no such row. */
  private Optional<Integer> outboxColumn(String sink, long seq) throws SQLException {
    try (PreparedStatement q =
        connection.prepareStatement("SELECT handed FROM outbox WHERE sink = ? AND seq = ?")) {
      q.setString(1, sink);
      q.setLong(2, seq);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? Optional.of(r.getInt(1)) : Optional.empty();
      }
    }
  }

  /**
   * A packet the MQTT client keeps (its persistence).
   *
   * @param header the packet's encoded header
   * @param payload the packet's encoded payload
   */
  public record StoredPacket(byte[] header, byte[] payload) {}

  /**
   * Hands {@code sink}'s outbox row of image {@code seq} to its MQTT client: the client's record of
   * the publish ({@code key}, packet id {@code packetId}) and the mark on the row are written in
   * one transaction, before the client may send the packet.
   *
   * @throws IOException when the row is not waiting or already handed (nothing is written)
   */
  public synchronized void handOver(
      String sink, long seq, String client, String key, int packetId, StoredPacket packet)
      throws IOException {
    sql(
        () ->
            inTransaction(
                () -> {
                  int marked =
                      update(
                          "UPDATE outbox SET handed = ? WHERE sink = ? AND seq = ?"
                              + " AND handed IS NULL",
                          packetId,
                          sink,
                          seq);
                  if (marked != 1) {
                    throw new SQLException(
                        "image " + seq + " is not waiting unhanded in the outbox of " + sink);
                  }
                  storePacketRow(client, key, packet);
                  return null;
                }));
  }

  /** Stores (or replaces) one of the MQTT client's packets that belongs to no outbox row. */
  public synchronized void storePacket(String client, String key, StoredPacket packet)
      throws IOException {
    sql(() -> storePacketRow(client, key, packet));
  }

  private int storePacketRow(String client, String key, StoredPacket packet) throws SQLException {
    return update(
        "INSERT OR REPLACE INTO mqtt_store (client, key, header, payload) VALUES (?, ?, ?, ?)",
        client,
        key,
        packet.header(),
        packet.payload());
  }

  /** One of the MQTT client's packets, if stored. */
  public synchronized Optional<StoredPacket> packet(String client, String key) throws IOException {
    return sql(
        () -> {
          try (PreparedStatement q =
              connection.prepareStatement(
                  "SELECT header, payload FROM mqtt_store WHERE client = ? AND key = ?")) {
            q.setString(1, client);
            q.setString(2, key);
            try (ResultSet r = q.executeQuery()) {
              return r.next()
                  ? Optional.of(new StoredPacket(r.getBytes(1), r.getBytes(2)))
                  : Optional.empty();
            }
          }
        });
  }

  /** The keys of the MQTT client's stored packets. */
  public synchronized List<String> packetKeys(String client) throws IOException {
    return sql(
        () -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement q =
              connection.prepareStatement(
                  "SELECT key FROM mqtt_store WHERE client = ? ORDER BY key")) {
            q.setString(1, client);
            try (ResultSet r = q.executeQuery()) {
              while (r.next()) {
                out.add(r.getString(1));
              }
            }
          }
          return out;
        });
  }

  /**
   * Drops one of the MQTT client's packets; with {@code packetId} > 0 the packet was the publish of
   * a handed outbox row, which in the same transaction is cleared ({@code completed}: the broker
   * has it) or unmarked (the client gave the publish up before sending it: publish it again).
   *
   * @return true when an outbox row was cleared
   */
  public synchronized boolean dropPacket(
      String sink, String client, String key, int packetId, boolean completed) throws IOException {
    return sql(
        () ->
            inTransaction(
                () -> {
                  update("DELETE FROM mqtt_store WHERE client = ? AND key = ?", client, key);
                  if (packetId <= 0) {
                    return false;
                  }
                  String row =
                      completed
                          ? "DELETE FROM outbox WHERE sink = ? AND handed = ?"
                          : "UPDATE outbox SET handed = NULL WHERE sink = ? AND handed = ?";
                  return update(row, sink, packetId) > 0 && completed;
                }));
  }

  /**
   * Forgets every packet of the MQTT client and unmarks the sink's handed rows, so that the outbox
   * publishes them again (what a clean session, which the broker forgot, needs).
   */
  public synchronized void clearPackets(String sink, String client) throws IOException {
    sql(
        () ->
            inTransaction(
                () -> {
                  update("DELETE FROM mqtt_store WHERE client = ?", client);
                  return update("UPDATE outbox SET handed = NULL WHERE sink = ?", sink);
                }));
  }

  /**
   * A result a sink refused for good.
   *
   * @param sink the sink's key
   * @param seq the image's number
   * @param error what the sink answered
   * @param time when (ISO-8601, UTC)
   */
  public record Refusal(String sink, long seq, String error, String time) {}

  /**
   * Moves {@code sink}'s outbox row of image {@code seq} to the refused results, with the error, in
   * one transaction: the result is kept, and the sink goes on with the next one.
   *
   * @return how many sinks still wait to deliver that image
   */
  public synchronized int refuse(String sink, long seq, String error) throws IOException {
    String now =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    return sql(
        () ->
            inTransaction(
                () -> {
                  update(
                      "INSERT OR REPLACE INTO refused (sink, seq, error, refused_at)"
                          + " VALUES (?, ?, ?, ?)",
                      sink,
                      seq,
                      error,
                      now);
                  deleteOutbox(sink, seq);
                  return waitingSinks(seq);
                }));
  }

  /** The refused results, by sink and image number. */
  public synchronized List<Refusal> refused() throws IOException {
    return sql(
        () -> {
          List<Refusal> out = new ArrayList<>();
          try (Statement s = connection.createStatement();
              ResultSet r =
                  s.executeQuery(
                      "SELECT sink, seq, error, refused_at FROM refused ORDER BY sink, seq")) {
            while (r.next()) {
              out.add(new Refusal(r.getString(1), r.getLong(2), r.getString(3), r.getString(4)));
            }
          }
          return out;
        });
  }

  /** Refused results per sink (sinks with none are left out). */
  public synchronized Map<String, Integer> refusedCounts() throws IOException {
    return sql(() -> rowsPerSink("refused"));
  }

  /**
   * Puts the results the given sinks refused back into their outboxes (in image order, like any
   * other waiting result), in one transaction.
   *
   * @return how many results were put back
   */
  public synchronized int retryRefused(java.util.Collection<String> sinks) throws IOException {
    return sql(
        () ->
            inTransaction(
                () -> {
                  int n = 0;
                  for (String sink : sinks) {
                    n +=
                        update(
                            "INSERT OR IGNORE INTO outbox (sink, seq)"
                                + " SELECT sink, seq FROM refused WHERE sink = ?",
                            sink);
                    update("DELETE FROM refused WHERE sink = ?", sink);
                  }
                  return n;
                }));
  }

  /** The images filed for review, oldest first. */
  public synchronized List<ReviewEntry> reviewInbox() throws IOException {
    return sql(
        () -> {
          List<ReviewEntry> out = new ArrayList<>();
          try (Statement s = connection.createStatement();
              ResultSet r =
                  s.executeQuery(
                      "SELECT seq, image, map, model_id, verdict, score, time FROM review_inbox"
                          + " ORDER BY seq")) {
            while (r.next()) {
              String map = r.getString(3);
              out.add(
                  new ReviewEntry(
                      r.getLong(1),
                      Path.of(r.getString(2)),
                      map == null ? null : Path.of(map),
                      r.getString(4),
                      r.getString(5),
                      r.getDouble(6),
                      r.getString(7)));
            }
          }
          return out;
        });
  }

  /** The images some sink still waits to deliver (in any outbox, handed or not). */
  public synchronized Set<Long> waitingImages() throws IOException {
    return sql(
        () -> {
          Set<Long> out = new HashSet<>();
          try (Statement s = connection.createStatement();
              ResultSet r = s.executeQuery("SELECT DISTINCT seq FROM outbox")) {
            while (r.next()) {
              out.add(r.getLong(1));
            }
          }
          return out;
        });
  }

  /** Results waiting per sink (sinks with nothing waiting are left out). */
  public synchronized Map<String, Integer> outboxSizes() throws IOException {
    return sql(() -> rowsPerSink("outbox"));
  }

  /** How many rows of {@code table} (outbox or refused) each sink has, by sink. */
  private Map<String, Integer> rowsPerSink(String table) throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT sink, count(*) FROM " + table + " GROUP BY sink ORDER BY sink")) {
      while (r.next()) {
        out.put(r.getString(1), r.getInt(2));
      }
    }
    return out;
  }

  /**
   * Records an image the line was told to leave alone (already in a hot folder when it was first
   * watched): it counts as done, with no result and nothing to deliver.
   */
  public synchronized void ignore(String key, String name, long appearedMs) throws IOException {
    sql(
        () -> {
          try (PreparedStatement i =
              connection.prepareStatement(
                  "INSERT OR IGNORE INTO items (item_key, name, state, attempts, appeared_ms)"
                      + " VALUES (?, ?, 'DONE', 0, ?)")) {
            i.setString(1, key);
            i.setString(2, name);
            i.setLong(3, appearedMs);
            i.executeUpdate();
          }
          return null;
        });
  }

  /** How many images are journalled as inspected (with a result). */
  public synchronized int doneCount() throws IOException {
    return sql(
        () -> {
          try (Statement s = connection.createStatement()) {
            return queryInt(s, "SELECT count(*) FROM items WHERE result IS NOT NULL");
          }
        });
  }

  /** The pending images (taken, not finished), oldest first: key and number. */
  public synchronized Map<String, Long> pending() throws IOException {
    return sql(
        () -> {
          Map<String, Long> out = new LinkedHashMap<>();
          try (Statement s = connection.createStatement();
              ResultSet r =
                  s.executeQuery(
                      "SELECT item_key, seq FROM items WHERE state = 'PENDING' ORDER BY seq")) {
            while (r.next()) {
              out.put(r.getString(1), r.getLong(2));
            }
          }
          return out;
        });
  }

  /** A stored setting, if any. */
  public synchronized Optional<String> meta(String key) throws IOException {
    return sql(
        () -> {
          try (PreparedStatement q =
              connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            q.setString(1, key);
            try (ResultSet r = q.executeQuery()) {
              return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Stores a setting unless one is stored already; returns the stored value. */
  public synchronized String metaIfAbsent(String key, String value) throws IOException {
    Optional<String> old = meta(key);
    if (old.isPresent()) {
      return old.get();
    }
    sql(
        () -> {
          try (PreparedStatement u =
              connection.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)")) {
            u.setString(1, key);
            u.setString(2, value);
            u.executeUpdate();
          }
          return null;
        });
    return value;
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException, IOException;
  }

  private <T> T inTransaction(SqlWork<T> work) throws SQLException, IOException {
    connection.setAutoCommit(false);
    try {
      T t = work.run();
      connection.commit();
      return t;
    } catch (SQLException | IOException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // reporting the first failure
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private <T> T sql(SqlWork<T> work) throws IOException {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new IOException(file + ": line journal error (" + e.getMessage() + ")", e);
    }
  }

  private static int queryInt(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IOException(file + ": cannot close the line journal (" + e.getMessage() + ")", e);
    }
  }
}
