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
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes each result as one JSON message to a topic, QoS 1 (the broker acknowledges every
 * message), with the Eclipse Paho client; {@code mqtts://} connects with TLS, trusting the
 * certificates of the PEM file named by {@link SinkSpec#MQTT_CA_ENV} when set, else the JVM's trust
 * store, and checking the broker's host name. User and password come from {@link
 * SinkSpec#MQTT_USER_ENV} and {@link SinkSpec#MQTT_PASSWORD_ENV} when set. QoS 1 is at-least-once:
 * if the process dies between the broker's acknowledgement and the outbox update, the message is
 * published again after the restart with the same {@code seq} and {@code id}, by which a subscriber
 * recognises it.
 */
public final class MqttSink implements LineSink {
  private static final int TIMEOUT_SECONDS = 5;

  private final SinkSpec spec;
  private final String serverUri;
  private final String topic;
  private final UnaryOperator<String> environment;
  private MqttClient client;

  public MqttSink(SinkSpec spec) {
    this(spec, System::getenv);
  }

  /** A sink reading its user, password and certificate authority from {@code environment}. */
  MqttSink(SinkSpec spec, UnaryOperator<String> environment) {
    this.spec = spec;
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

  @Override
  public synchronized void connect() throws IOException {
    if (client != null && client.isConnected()) {
      return;
    }
    disconnectQuietly();
    try {
      MqttClient c =
          new MqttClient(
              serverUri,
              "sgsf-line-" + UUID.randomUUID().toString().substring(0, 8),
              new MemoryPersistence());
      c.setTimeToWait(TIMEOUT_SECONDS * 1000L);
      MqttConnectOptions o = new MqttConnectOptions();
      o.setCleanSession(true);
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
      c.connect(o);
      client = c;
    } catch (MqttException e) {
      throw new IOException(
          "MQTT broker " + spec.target() + " unreachable (" + describe(e) + ")", e);
    }
  }

  @Override
  public synchronized void deliver(LineResult r, Artifacts a) throws IOException {
    connect();
    try {
      MqttMessage m = new MqttMessage(r.toJson().getBytes(StandardCharsets.UTF_8));
      m.setQos(1);
      m.setRetained(false);
      client.publish(topic, m);
    } catch (MqttException e) {
      disconnectQuietly();
      throw new IOException(
          "MQTT publish to " + spec.target() + " failed (" + describe(e) + ")", e);
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

  private void disconnectQuietly() {
    MqttClient c = client;
    client = null;
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
    try {
      c.close(true);
    } catch (MqttException ignored) {
      // dropping the connection anyway
    }
  }

  @Override
  public synchronized void close() {
    disconnectQuietly();
  }
}
