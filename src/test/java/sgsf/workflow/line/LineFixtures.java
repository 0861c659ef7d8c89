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
   * access) over in-memory, telemetry-free defaults; every published payload is added to {@code
   * received}.
   *
   * @param authenticator who may connect, or null for the properties' policy
   */
  static Server startBroker(
      Properties properties, IAuthenticator authenticator, List<String> received)
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
                received.add(m.getPayload().toString(StandardCharsets.UTF_8));
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
    private Server server;

    Broker() throws IOException {
      this.port = freePort();
    }

    Broker start() throws IOException {
      Properties p = new Properties();
      p.setProperty("port", Integer.toString(port));
      p.setProperty("allow_anonymous", "true");
      server = startBroker(p, null, received);
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
