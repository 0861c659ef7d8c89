package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.ui.DemoModels;

/** {@code sgsf line}: bad configuration gets one clear line; a good one inspects and stops. */
class LineCommandTest {
  @TempDir Path dir;

  /** {@code sgsf line} with each sink after {@code --sink}; {@code --options} pass with a value. */
  private Sgsf.Run line(String model, String source, String... sinksAndOptions) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "line",
                "--model",
                model,
                "--source",
                source,
                "--workspace",
                dir.resolve("ws").toString()));
    for (String s : sinksAndOptions) {
      if (!s.startsWith("--") && !args.get(args.size() - 1).startsWith("--")) {
        args.add("--sink"); // a sink, not an option's value
      }
      args.add(s);
    }
    args.add("--max-images");
    args.add("2");
    return Sgsf.run(args.toArray(String[]::new));
  }

  @Test
  void badConfigurationGetsOneLineNamingIt() throws Exception {
    Path model = DemoModels.textureModel();
    Path hot = Files.createDirectories(dir.resolve("hot"));
    String out = "folder:" + dir.resolve("out");

    Sgsf.Run r = line(dir.resolve("missing.zip").toString(), "folder:" + hot, out);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo("error: " + dir.resolve("missing.zip") + ": model file not found");

    r = line(model.toString(), "folder:" + dir.resolve("nope"), out);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(dir.resolve("nope") + ": hot folder not found")
        .doesNotContain("\tat ");

    r = line(model.toString(), "folder:" + hot, "mqtt://127.0.0.1:1883");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: malformed sink 'mqtt://127.0.0.1:1883': an MQTT sink needs a topic:"
                + " mqtt://HOST:PORT/TOPIC");

    r = line(model.toString(), "camera", out);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: malformed source 'camera'");

    int closed = sgsf.workflow.line.LineFixturesAccess.freePort();
    r = line(model.toString(), "folder:" + hot, "mqtt://127.0.0.1:" + closed + "/t");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("error: MQTT broker mqtt://127.0.0.1:" + closed + "/t unreachable")
        .doesNotContain("\tat ");
  }

  @Test
  void inspectsTheHotFolderAndStops() throws Exception {
    Path hot = Files.createDirectories(dir.resolve("hot"));
    Path img = sgsf.workflow.line.LineFixturesAccess.images(dir, 2).get(0);
    Files.copy(img, hot.resolve("one.png"));
    Files.copy(img, hot.resolve("two.png"));
    Sgsf.Run r =
        line(DemoModels.textureModel().toString(), "folder:" + hot, "folder:" + dir.resolve("out"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("has no thresholds");
    assertThat(r.out()).contains("stopped: images 2 |").contains("outbox 0");
    try (Stream<Path> s = Files.walk(dir.resolve("out"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(2);
    }
  }

  @Test
  void theStatusLineCountsRefusedResultsAndRetryRefusedSendsThemAgain() throws Exception {
    java.util.List<String> posts = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          posts.add(new String(ex.getRequestBody().readAllBytes(), "UTF-8"));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.start();
    try {
      String hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
      String key = sgsf.workflow.line.SinkSpec.parse(hook).key();
      try (sgsf.workflow.line.LineWorkspace ws =
          sgsf.workflow.line.LineWorkspace.open(dir.resolve("ws"))) {
        long seq = ws.journal().claim("earlier", "earlier.png", 0).seq();
        ws.journal()
            .complete(
                new sgsf.workflow.line.LineResult(
                    seq,
                    "earlier",
                    "earlier.png",
                    "2026-12-07T00:00:00Z",
                    "NG",
                    0.9,
                    0.8,
                    "m",
                    "m@1",
                    1,
                    0,
                    null),
                java.util.List.of(key));
        ws.journal().refuse(key, seq, "webhook answered HTTP 400");
      }
      Path hot = Files.createDirectories(dir.resolve("hot"));
      java.util.List<Path> images = sgsf.workflow.line.LineFixturesAccess.images(dir, 4);
      Files.copy(images.get(0), hot.resolve("one.png"));
      Files.copy(images.get(1), hot.resolve("two.png"));
      Sgsf.Run kept = line(DemoModels.textureModel().toString(), "folder:" + hot, hook);
      assertThat(kept.code()).as(kept.err()).isZero();
      assertThat(kept.out()).contains("| refused 1 " + key);
      assertThat(posts).hasSize(2);

      Files.copy(images.get(2), hot.resolve("three.png"));
      Files.copy(images.get(3), hot.resolve("four.png"));
      Sgsf.Run retried =
          line(DemoModels.textureModel().toString(), "folder:" + hot, hook, "--retry-refused");
      assertThat(retried.code()).as(retried.err()).isZero();
      assertThat(retried.out())
          .contains("retrying 1 refused result(s)")
          .doesNotContain("refused 1");
      assertThat(posts).hasSize(5);
      assertThat(posts.get(2)).contains("\"earlier\"");
    } finally {
      server.stop(0);
    }
  }
}
