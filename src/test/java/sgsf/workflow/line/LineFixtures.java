package sgsf.workflow.line;

import com.sun.net.httpserver.HttpServer;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.data.Sample;
import sgsf.engine.image.ImageIo;
import sgsf.engine.infer.Predictor;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.task.CancellationToken;
import sgsf.io.ModelBundle;
import sgsf.io.report.ThresholdsJson;
import sgsf.ui.DemoModels;

/**
 * Real components for line tests: a tiny model with thresholds, images, an MQTT broker, a webhook.
 */
final class LineFixtures {
  private LineFixtures() {}

  /**
   * The demo texture model copied to {@code dir}, with a review band between the 40th and 70th
   * percentile of the scores of {@code images} (so that OK, REVIEW and NG all occur).
   */
  static Path modelWithThresholds(Path dir, List<Path> images) throws IOException {
    Path model = Files.copy(DemoModels.textureModel(), dir.resolve("model.sgsf"));
    Predictor p = new Predictor(ModelBundle.load(model).model());
    double[] s = new double[images.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = p.predict(ImageIo.read(images.get(i))).score();
    }
    Arrays.sort(s);
    double lower = s[(int) (0.4 * (s.length - 1))];
    double upper = s[(int) (0.7 * (s.length - 1))];
    ModelBundle.writeThresholds(
        model,
        ThresholdsJson.toJson(
            Thresholds.manual(lower, Math.max(lower, upper), 0.5, s[0], s[s.length - 1], 0, 1)));
    return model;
  }

  /** {@code n} test images of the demo texture category (good and defective, in a fixed order). */
  static List<Path> images(Path dir, int n) throws IOException {
    Path data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.TEXTURE);
    List<Sample> test = DatasetScanner.scan(data).test();
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(test.get((i * 7) % test.size()).image());
    }
    return out;
  }

  /** Copies {@code image} into the hot folder under {@code name} (written beside, renamed in). */
  static Path drop(Path image, Path hot, String name) throws IOException {
    Path tmp = hot.resolve("." + name + ".tmp");
    Files.copy(image, tmp, StandardCopyOption.REPLACE_EXISTING);
    return Files.move(tmp, hot.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Waits up to {@code ms} for the condition. */
  static boolean await(BooleanSupplier c, long ms) throws InterruptedException {
    long end = System.currentTimeMillis() + ms;
    while (System.currentTimeMillis() < end) {
      if (c.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return c.getAsBoolean();
  }

  /**
   * Starts an embedded Moquette broker on 127.0.0.1 with {@code properties} (ports, TLS, anonymous
   * access) over in-memory, telemetry-free defaults; the payload of every publish it passes on to
   * subscribers is added to {@code received}.
   *
   * @param authenticator who may connect, or null for the properties' policy
   */
  static Server startBroker(
      Properties properties, IAuthenticator authenticator, List<String> received)
      throws IOException {
    return startBroker(properties, authenticator, received, new CopyOnWriteArrayList<>());
  }

  /**
   * As {@link #startBroker(Properties, IAuthenticator, List)}; publishes that come again with the
   * DUP flag (a client resuming a QoS 2 flow), which Moquette 0.17 passes on to no subscriber that
   * already had the first copy, go to {@code repeats} instead of {@code received}.
   */
  static Server startBroker(
      Properties properties,
      IAuthenticator authenticator,
      List<String> received,
      List<String> repeats)
      throws IOException {
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("websocket_port", "disabled");
    p.putAll(properties);
    Server server = new Server();
    server.startServer(
        new MemoryConfig(p),
        List.of(
            new AbstractInterceptHandler() {
              @Override
              public String getID() {
                return "line-test";
              }

              @Override
              public void onSessionLoopError(Throwable error) {
                // the test sees the outcome in what arrived
              }

              @Override
              public void onPublish(InterceptPublishMessage m) {
                String payload = m.getPayload().toString(StandardCharsets.UTF_8);
                (m.isDupFlag() ? repeats : received).add(payload);
              }
            }),
        null,
        authenticator,
        null);
    return server;
  }

  /** An embedded Moquette broker on a fixed port that can be stopped and started again. */
  static final class Broker implements AutoCloseable {
    final int port;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> repeats = new CopyOnWriteArrayList<>();
    private Server server;

    Broker() throws IOException {
      this.port = freePort();
    }

    Broker start() throws IOException {
      Properties p = new Properties();
      p.setProperty("port", Integer.toString(port));
      p.setProperty("allow_anonymous", "true");
      server = startBroker(p, null, received, repeats);
      return this;
    }

    void stop() {
      if (server != null) {
        server.stopServer();
        server = null;
      }
    }

    String uri(String topic) {
      return "mqtt://127.0.0.1:" + port + "/" + topic;
    }

    @Override
    public void close() {
      stop();
    }
  }

  /** A JDK HTTP server collecting POSTed bodies; the first {@code failFirst} requests get 503. */
  static final class Webhook implements AutoCloseable {
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    Webhook(int failFirst) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() <= failFirst) {
              ex.sendResponseHeaders(503, -1);
            } else {
              received.add(new String(body, StandardCharsets.UTF_8));
              ex.sendResponseHeaders(204, -1);
            }
            ex.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /**
   * A mosquitto broker (the {@code mosquitto} program, which {@code .ci/run} installs) in a process
   * of its own on 127.0.0.1, anonymous, sessions in memory while it runs. Used where the test needs
   * a broker that follows MQTT 3.1.1 on resumed QoS 2 flows: Moquette 0.17 never answers a QoS 2
   * PUBLISH sent again with DUP while the topic has a subscriber, so a flow resumed after a crash
   * hangs there.
   */
  static final class Mosquitto implements AutoCloseable {
    final int port;
    private final Process process;

    /** The mosquitto program, if installed. */
    static java.util.Optional<Path> program() {
      List<Path> candidates = new ArrayList<>();
      for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        if (!d.isEmpty()) {
          candidates.add(Path.of(d, "mosquitto"));
        }
      }
      candidates.add(Path.of("/usr/sbin/mosquitto"));
      return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    Mosquitto(Path dir) throws IOException, InterruptedException {
      port = freePort();
      Path conf =
          Files.writeString(
              dir.resolve("mosquitto-" + port + ".conf"),
              "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
      Path program = program().orElseThrow(() -> new IOException("mosquitto is not installed"));
      process =
          new ProcessBuilder(program.toString(), "-c", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("mosquitto-" + port + ".log").toFile())
              .start();
      boolean up =
          await(
              () -> {
                try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                  return true;
                } catch (IOException e) {
                  return false;
                }
              },
              10_000);
      if (!up) {
        close();
        throw new IOException("mosquitto did not listen on port " + port + " within 10 s");
      }
    }

    String uri(String topic) {
      return "mqtt://127.0.0.1:" + port + "/" + topic;
    }

    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }

  /**
   * A subscriber to one topic at QoS 2 (Paho, in this JVM): every message the broker passes on is
   * added to {@link #received}, raw, duplicates included; {@link #onMessage} is called after each.
   */
  static final class Subscriber implements AutoCloseable {
    final List<String> received = new CopyOnWriteArrayList<>();
    private final MqttClient client;
    private volatile java.util.function.IntConsumer onMessage = n -> {};

    Subscriber(int port, String topic) throws MqttException {
      client =
          new MqttClient(
              "tcp://127.0.0.1:" + port, "line-test-subscriber", new MemoryPersistence());
      client.setCallback(
          new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
              // the test sees the outcome in what arrived
            }

            @Override
            public void messageArrived(String t, MqttMessage m) {
              received.add(new String(m.getPayload(), StandardCharsets.UTF_8));
              onMessage.accept(received.size());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
          });
      MqttConnectOptions o = new MqttConnectOptions();
      o.setCleanSession(true);
      client.connect(o);
      client.subscribe(topic, 2);
    }

    /** Calls {@code c} with the number of messages received so far, after each message. */
    void onMessage(java.util.function.IntConsumer c) {
      onMessage = c;
    }

    @Override
    public void close() throws MqttException {
      if (client.isConnected()) {
        client.disconnectForcibly(100, 100);
      }
      client.close(true);
    }
  }

  /**
   * A webhook receiver that processes each {@code Idempotency-Key} once, as the webhook sink asks
   * of its receivers: every POST is counted in {@link #keys} (raw), the body of a key seen for the
   * first time is added to {@link #accepted}; answers 204, or 400 to the POSTs {@link #refuse}
   * names by result number. {@link #beforeAnswer} is called with the number of POSTs so far after a
   * POST is recorded and before it is answered.
   */
  static final class DedupWebhook implements AutoCloseable {
    final List<String> keys = new CopyOnWriteArrayList<>();
    final List<String> accepted = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<Long> refuse = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile java.util.function.IntConsumer beforeAnswer = n -> {};
    private final HttpServer server;

    DedupWebhook() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            LineResult r = LineResult.fromJson(body); // the key field is ignored
            if (key == null || refuse.contains(r.seq())) {
              keys.add(String.valueOf(key));
              byte[] answer = "no such part number".getBytes(StandardCharsets.UTF_8);
              ex.sendResponseHeaders(400, answer.length);
              ex.getResponseBody().write(answer);
              ex.close();
              return;
            }
            keys.add(key);
            if (seen.add(key)) {
              accepted.add(body);
            }
            beforeAnswer.accept(keys.size());
            ex.sendResponseHeaders(204, -1);
            ex.close();
          });
      server.start();
    }

    /** Answers 400 to the results with these numbers. */
    DedupWebhook refuse(long... seqs) {
      for (long s : seqs) {
        refuse.add(s);
      }
      return this;
    }

    /** Accepts every result again. */
    void acceptAll() {
      refuse.clear();
    }

    void beforeAnswer(java.util.function.IntConsumer c) {
      beforeAnswer = c;
    }

    /** POSTs that repeated a key already processed. */
    int duplicates() {
      return keys.size() - new java.util.HashSet<>(keys).size();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** The seq numbers of JSON results, in arrival order. */
  static List<Long> seqs(List<String> json) {
    return json.stream().map(j -> LineResult.fromJson(j).seq()).toList();
  }

  /** A line run on a thread of its own until {@link #stop}: what it threw, if anything, is kept. */
  static final class Running {
    private final CancellationToken token = new CancellationToken();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    Running(LineRun run) {
      thread =
          new Thread(
              () -> {
                try {
                  run.run(token);
                } catch (Throwable e) {
                  failure.set(e);
                }
              },
              "line-under-test");
      thread.start();
    }

    /** Stops the run, waits for it (30 s at most) and returns what it threw, null if nothing. */
    Throwable stop() throws InterruptedException {
      token.cancel();
      thread.join(30_000);
      return failure.get();
    }
  }
}
