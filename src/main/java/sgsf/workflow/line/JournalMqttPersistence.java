package sgsf.workflow.line;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttPersistable;
import org.eclipse.paho.client.mqttv3.MqttPersistenceException;

/**
 * The Paho client's persistence of one MQTT sink, kept in the line journal ({@code mqtt_store}),
 * which is what makes the sink exactly-once across a SIGKILL.
 *
 * <p>Paho 1.2.5 ({@code ClientState.send}) stores a QoS 2 publish under {@code s-<packet id>}
 * synchronously on the publishing thread, before it queues the packet for its sender thread; this
 * persistence writes that record and the outbox row's "handed" mark in one transaction ({@link
 * LineJournal#handOver}), so either both exist (the packet may be on the wire, the outbox never
 * publishes the row again, the client resumes the flow from the record after a restart: PUBLISH
 * with DUP or PUBREL) or neither (nothing was sent, the outbox publishes the row). Paho removes
 * {@code s-<id>} once the broker sent PUBCOMP; that removal clears the outbox row in the same
 * transaction ({@link LineJournal#dropPacket}). The one other removal of {@code s-<id>}, Paho
 * undoing a publish that failed inside {@code publish()}, happens on the publishing thread and
 * unmarks the row instead.
 */
final class JournalMqttPersistence implements MqttClientPersistence {
  private static final String SENT_PREFIX = "s-";

  private final LineJournal journal;
  private final String sink;
  private final String client;
  private final Object completion = new Object();
  private volatile long handingSeq;
  private volatile Thread publisher;

  /**
   * @param sink the sink's key (its outbox)
   * @param client the MQTT client id the packets are kept under
   */
  JournalMqttPersistence(LineJournal journal, String sink, String client) {
    this.journal = journal;
    this.sink = sink;
    this.client = client;
  }

  /**
   * Marks the calling thread as publishing image {@code seq}: the client's next {@code s-} record
   * hands that outbox row over. Ended by {@link #handed()}.
   */
  void handing(long seq) {
    handingSeq = seq;
    publisher = Thread.currentThread();
  }

  /** Ends {@link #handing}. */
  void handed() {
    handingSeq = 0;
    publisher = null;
  }

  /**
   * Waits until the sink's outbox row of image {@code seq} is cleared (the broker completed the QoS
   * 2 flow), at most {@code ms}.
   *
   * @return true when cleared
   */
  boolean awaitDelivered(long seq, long ms) throws IOException, InterruptedException {
    long end = System.currentTimeMillis() + ms;
    synchronized (completion) {
      while (journal.isWaiting(sink, seq)) {
        long left = end - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        completion.wait(Math.min(left, 100));
      }
    }
    return true;
  }

  @Override
  public void open(String clientId, String serverUri) {
    // the journal is opened and closed by the line workspace
  }

  @Override
  public void close() {
    // the journal is opened and closed by the line workspace
  }

  @Override
  public void put(String key, MqttPersistable p) throws MqttPersistenceException {
    try {
      LineJournal.StoredPacket packet =
          new LineJournal.StoredPacket(
              Arrays.copyOfRange(
                  p.getHeaderBytes(),
                  p.getHeaderOffset(),
                  p.getHeaderOffset() + p.getHeaderLength()),
              p.getPayloadBytes() == null
                  ? new byte[0]
                  : Arrays.copyOfRange(
                      p.getPayloadBytes(),
                      p.getPayloadOffset(),
                      p.getPayloadOffset() + p.getPayloadLength()));
      if (key.startsWith(SENT_PREFIX)) {
        long seq = handingSeq;
        if (seq == 0 || publisher != Thread.currentThread()) {
          throw new MqttPersistenceException(
              new IOException("a publish to " + sink + " that is not from its outbox"));
        }
        journal.handOver(sink, seq, client, key, packetId(key), packet);
      } else {
        journal.storePacket(client, key, packet);
      }
    } catch (IOException e) {
      throw new MqttPersistenceException(e);
    }
  }

  @Override
  public MqttPersistable get(String key) throws MqttPersistenceException {
    try {
      LineJournal.StoredPacket p =
          journal
              .packet(client, key)
              .orElseThrow(() -> new IOException("no stored MQTT packet " + key));
      return new Stored(p);
    } catch (IOException e) {
      throw new MqttPersistenceException(e);
    }
  }

  @Override
  public void remove(String key) throws MqttPersistenceException {
    try {
      boolean sent = key.startsWith(SENT_PREFIX);
      boolean undo = sent && publisher == Thread.currentThread();
      if (journal.dropPacket(sink, client, key, sent ? packetId(key) : 0, !undo)) {
        synchronized (completion) {
          completion.notifyAll();
        }
      }
    } catch (IOException e) {
      throw new MqttPersistenceException(e);
    }
  }

  @Override
  public Enumeration<String> keys() throws MqttPersistenceException {
    try {
      return Collections.enumeration(journal.packetKeys(client));
    } catch (IOException e) {
      throw new MqttPersistenceException(e);
    }
  }

  @Override
  public void clear() throws MqttPersistenceException {
    try {
      journal.clearPackets(sink, client);
    } catch (IOException e) {
      throw new MqttPersistenceException(e);
    }
  }

  @Override
  public boolean containsKey(String key) throws MqttPersistenceException {
    try {
      return journal.packet(client, key).isPresent();
    } catch (IOException e) {
      throw new MqttPersistenceException(e);
    }
  }

  private static int packetId(String key) {
    return Integer.parseInt(key.substring(SENT_PREFIX.length()));
  }

  /** A stored packet as Paho reads it back. */
  private record Stored(LineJournal.StoredPacket packet) implements MqttPersistable {
    @Override
    public byte[] getHeaderBytes() {
      return packet.header();
    }

    @Override
    public int getHeaderLength() {
      return packet.header().length;
    }

    @Override
    public int getHeaderOffset() {
      return 0;
    }

    @Override
    public byte[] getPayloadBytes() {
      return packet.payload();
    }

    @Override
    public int getPayloadLength() {
      return packet.payload().length;
    }

    @Override
    public int getPayloadOffset() {
      return 0;
    }
  }
}
