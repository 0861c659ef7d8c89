package sgsf.workflow.line;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * Publishes each result as one JSON message to a topic, exactly once, with the Eclipse Paho client:
 * QoS 2, a persistent session ({@code cleanSession=false}) under a client id that is stable per
 * workspace and sink ({@code sgsf-} and the sink's id in the journal), and the client's persistence
 * in the line journal ({@link JournalMqttPersistence}): handing a result to the client and the
 * client's record of the publish are one transaction, written before the packet can go on the wire;
 * a handed result is never published again, the client finishes its QoS 2 flow after a reconnect or
 * a restart (PUBLISH again with DUP, or PUBREL), the broker drops the repeat, and the broker's
 * PUBCOMP clears the outbox row. This relies on the broker keeping the session's QoS 2 state as
 * MQTT 3.1.1 (4.3.3) requires.
 *
 * <p>{@code mqtts://} connects with TLS, trusting the certificates of the PEM file named by {@link
 * SinkSpec#MQTT_CA_ENV} when set, else the JVM's trust store, and checking the broker's host name.
 * User and password come from {@link SinkSpec#MQTT_USER_ENV} and {@link SinkSpec#MQTT_PASSWORD_ENV}
 * when set. MQTT 3.1.1 has no negative acknowledgement of a publish, so nothing this sink sends is
 * ever classified as refused: a broker that ignores a publish leaves it in flight, and the sink's
 * health says it waits for the broker.
 */
public final class MqttSink implements LineSink {
  private static final int TIMEOUT_SECONDS = 5;

  private final SinkSpec spec;
  private final LineJournal journal;
  private final String serverUri;
  private final String topic;
  private final UnaryOperator<String> environment;
  private MqttAsyncClient client;
  private JournalMqttPersistence persistence;

  /** A sink whose outbox and client state live in {@code journal}. */
  public MqttSink(SinkSpec spec, LineJournal journal) {
    this(spec, journal, System::getenv);
  }

  /** A sink reading its user, password and certificate authority from {@code environment}. */
  MqttSink(SinkSpec spec, LineJournal journal, UnaryOperator<String> environment) {
    this.spec = spec;
    this.journal = journal;
    this.environment = environment;
    URI u = URI.create(spec.target());
    this.serverUri =
        (u.getScheme().equals("mqtts") ? "ssl://" : "tcp://") + u.getHost() + ":" + u.getPort();
    this.topic = u.getPath().substring(1);
  }

  @Override
  public SinkSpec spec() {
    return spec;
  }

  /** The MQTT client id of this sink in its workspace (the same after every restart). */
  public String clientId() throws IOException {
    return "sgsf-" + journal.sinkId(spec.key());
  }

  @Override
  public synchronized void connect() throws IOException {
    if (client != null && client.isConnected()) {
      return;
    }
    try {
      if (client == null) {
        String id = clientId();
        persistence = new JournalMqttPersistence(journal, spec.key(), id);
        client = new MqttAsyncClient(serverUri, id, persistence);
      }
      client.connect(options()).waitForCompletion(TIMEOUT_SECONDS * 1000L);
    } catch (MqttException e) {
      throw new IOException(
          "MQTT broker " + spec.target() + " unreachable (" + describe(e) + ")", e);
    }
  }

  private MqttConnectOptions options() throws IOException {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setAutomaticReconnect(false);
    o.setConnectionTimeout(TIMEOUT_SECONDS);
    o.setKeepAliveInterval(30);
    String user = environment.apply(SinkSpec.MQTT_USER_ENV);
    if (user != null && !user.isEmpty()) {
      o.setUserName(user);
      String password = environment.apply(SinkSpec.MQTT_PASSWORD_ENV);
      if (password != null) {
        o.setPassword(password.toCharArray());
      }
    }
    String ca = environment.apply(SinkSpec.MQTT_CA_ENV);
    if (serverUri.startsWith("ssl://") && ca != null && !ca.isEmpty()) {
      o.setSocketFactory(trusting(Path.of(ca)));
    }
    o.setHttpsHostnameVerificationEnabled(true);
    return o;
  }

  /**
   * Publishes the result unless it was handed to the client before (then the client is finishing
   * its flow), and waits up to 5 s for the broker's PUBCOMP.
   *
   * @throws IOException when the broker is unreachable or has not completed the flow in time (the
   *     result stays in the outbox; a handed one is not published again)
   */
  @Override
  public synchronized void deliver(LineResult r, Artifacts a) throws IOException {
    connect();
    if (!journal.isHanded(spec.key(), r.seq())) {
      MqttMessage m = new MqttMessage(r.toJson().getBytes(StandardCharsets.UTF_8));
      m.setQos(2);
      m.setRetained(false);
      persistence.handing(r.seq());
      try {
        client.publish(topic, m);
      } catch (MqttException e) {
        disconnectQuietly();
        throw new IOException(
            "MQTT publish to " + spec.target() + " failed (" + describe(e) + ")", e);
      } finally {
        persistence.handed();
      }
    }
    try {
      if (!persistence.awaitDelivered(r.seq(), TIMEOUT_SECONDS * 1000L)) {
        throw new IOException(
            "MQTT broker "
                + spec.target()
                + " has not confirmed result "
                + r.seq()
                + " within "
                + TIMEOUT_SECONDS
                + " s (it stays in flight and is not published twice)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("MQTT publish to " + spec.target() + ": interrupted", e);
    }
  }

  /** A TLS socket factory that trusts exactly the certificates of the PEM file {@code caFile}. */
  static SSLSocketFactory trusting(Path caFile) throws IOException {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int n = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trusted.setCertificateEntry("ca-" + n++, cert);
      }
      if (n == 0) {
        throw new IOException(caFile + " (" + SinkSpec.MQTT_CA_ENV + "): no PEM certificate in it");
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return tls.getSocketFactory();
    } catch (NoSuchFileException e) {
      throw new IOException(caFile + " (" + SinkSpec.MQTT_CA_ENV + "): no such file", e);
    } catch (GeneralSecurityException e) {
      throw new IOException(
          caFile
              + " ("
              + SinkSpec.MQTT_CA_ENV
              + "): not a PEM certificate ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static String describe(MqttException e) {
    Throwable cause = e.getCause();
    return e.getMessage() + (cause == null ? "" : ": " + cause.getMessage());
  }

  /** Drops the connection; the client and its in-flight state stay for the next connect. */
  private void disconnectQuietly() {
    MqttAsyncClient c = client;
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnectForcibly(100, 100);
      }
    } catch (MqttException ignored) {
      // dropping the connection anyway
    }
  }

  @Override
  public synchronized void close() {
    disconnectQuietly();
    MqttAsyncClient c = client;
    client = null;
    if (c != null) {
      try {
        c.close(true);
      } catch (MqttException ignored) {
        // closing on the way out
      }
    }
  }
}
