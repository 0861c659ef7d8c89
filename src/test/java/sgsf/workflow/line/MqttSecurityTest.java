package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moquette.broker.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code mqtts://} sink against a real broker (embedded Moquette) that speaks only TLS with a
 * self-signed certificate and accepts one user: the plant's certificate authority given by {@link
 * SinkSpec#MQTT_CA_ENV}, user and password from the environment, and one-line errors naming the
 * broker or the file when any of them is wrong.
 */
class MqttSecurityTest {
  private static final String USER = "line-7";
  private static final String PASSWORD = "s3cret;pass";

  @TempDir static Path dir;
  private static Server server;
  private static int port;
  private static Path caPem;
  private static final List<String> received = new CopyOnWriteArrayList<>();
  private static LineJournal journal;

  @BeforeAll
  static void tlsBrokerWithOneUser() throws Exception {
    Path keystore = dir.resolve("broker.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    caPem = dir.resolve("plant-ca.pem");
    run(
        keytool.toString(),
        "-genkeypair",
        "-alias",
        "broker",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    run(
        keytool.toString(),
        "-exportcert",
        "-rfc",
        "-alias",
        "broker",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        caPem.toString());
    port = LineFixtures.freePort();
    Properties p = new Properties();
    p.setProperty("port", "disabled");
    p.setProperty("ssl_port", Integer.toString(port));
    p.setProperty("jks_path", keystore.toString());
    p.setProperty("key_store_type", "pkcs12");
    p.setProperty("key_store_password", "changeit");
    p.setProperty("key_manager_password", "changeit");
    p.setProperty("allow_anonymous", "false");
    server =
        LineFixtures.startBroker(
            p,
            (clientId, user, password) ->
                USER.equals(user)
                    && password != null
                    && Arrays.equals(password, PASSWORD.getBytes(StandardCharsets.UTF_8)),
            received);
  }

  @AfterAll
  static void stop() throws IOException {
    if (journal != null) {
      journal.close();
    }
    if (server != null) {
      server.stopServer();
    }
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  private static SinkSpec spec() {
    return SinkSpec.parse("mqtts://localhost:" + port + "/line/results");
  }

  private static synchronized LineJournal journal() throws IOException {
    if (journal == null) {
      journal = LineJournal.open(dir.resolve("line").resolve(LineJournal.FILE_NAME));
    }
    return journal;
  }

  private static MqttSink sink(Map<String, String> env) {
    try {
      return new MqttSink(spec(), journal(), env::get);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A result journalled and waiting in the sink's outbox, as the line hands it to the sink. */
  private static LineResult journalled(String id) throws IOException {
    long seq = journal().claim(id, id, 0).seq();
    LineResult r = result(seq);
    r =
        new LineResult(
            seq,
            id,
            r.source(),
            r.time(),
            r.verdict(),
            r.score(),
            r.normalisedScore(),
            r.model(),
            r.modelId(),
            r.inferenceMs(),
            r.appearedAtMs(),
            r.error());
    journal().complete(r, List.of(spec().key()));
    return r;
  }

  private static LineResult result(long seq) {
    return new LineResult(
        seq,
        "id-" + seq,
        "part" + seq + ".png",
        "2026-12-03T20:00:00Z",
        "NG",
        0.9,
        0.8,
        "m.zip",
        "abc",
        12.5,
        0L,
        null);
  }

  @Test
  void withThePlantsCertificateAuthorityAndTheRightUserAResultArrives() throws Exception {
    try (MqttSink s =
        sink(
            Map.of(
                SinkSpec.MQTT_CA_ENV, caPem.toString(),
                SinkSpec.MQTT_USER_ENV, USER,
                SinkSpec.MQTT_PASSWORD_ENV, PASSWORD))) {
      LineResult r = journalled("id-41");
      s.deliver(r, null);
      assertThat(journal().isWaiting(spec().key(), r.seq())).as("delivered").isFalse();
      long end = System.currentTimeMillis() + 10_000;
      while (received.stream().noneMatch(m -> m.contains("\"id-41\""))
          && System.currentTimeMillis() < end) {
        Thread.sleep(20);
      }
      assertThat(received).anySatisfy(m -> assertThat(LineResult.fromJson(m)).isEqualTo(r));
    }
  }

  @Test
  void aWrongPasswordIsRefusedInOneLineNamingTheBroker() {
    try (MqttSink s =
        sink(
            Map.of(
                SinkSpec.MQTT_CA_ENV,
                caPem.toString(),
                SinkSpec.MQTT_USER_ENV,
                USER,
                SinkSpec.MQTT_PASSWORD_ENV,
                "wrong"))) {
      assertThatThrownBy(() -> s.deliver(result(1), null))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("mqtts://localhost:" + port + "/line/results")
          .hasMessageContaining("user name or password")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void withoutTheCertificateAuthorityTheSelfSignedBrokerIsNotTrusted() {
    try (MqttSink s =
        sink(Map.of(SinkSpec.MQTT_USER_ENV, USER, SinkSpec.MQTT_PASSWORD_ENV, PASSWORD))) {
      assertThatThrownBy(s::connect)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("mqtts://localhost:" + port)
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void aMissingOrForeignCertificateFileIsNamed() throws Exception {
    Path missing = dir.resolve("no-such-ca.pem");
    try (MqttSink s = sink(Map.of(SinkSpec.MQTT_CA_ENV, missing.toString()))) {
      assertThatThrownBy(s::connect)
          .isInstanceOf(IOException.class)
          .hasMessageContaining(missing.toString())
          .hasMessageContaining("no such file");
    }
    Path text = Files.writeString(dir.resolve("notes.pem"), "not a certificate\n");
    try (MqttSink s = sink(Map.of(SinkSpec.MQTT_CA_ENV, text.toString()))) {
      assertThatThrownBy(s::connect)
          .isInstanceOf(IOException.class)
          .hasMessageContaining(text.toString())
          .hasMessageContaining(SinkSpec.MQTT_CA_ENV);
    }
  }
}
