package sgsf.workflow.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.OpenCv;
import sgsf.engine.task.CancellationToken;

/** Video file and MJPEG-over-HTTP sources, through a real line run. */
class LineSourcesTest {
  @TempDir Path dir;

  /** Collects results as the folder sink would get them. */
  private static final class Collect implements LineListener {
    final List<LineResult> results = new CopyOnWriteArrayList<>();
    final List<FloatImage> images = new CopyOnWriteArrayList<>();

    @Override
    public void inspected(LineResult r, FloatImage image, FloatImage map, double latencyMs) {
      results.add(r);
      images.add(image);
    }
  }

  @Test
  void videoFileEveryOtherFrameInOrderAndNotAgainAfterARestart() throws Exception {
    OpenCv.ensureLoaded();
    List<Path> images = LineFixtures.images(dir, 10);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    Path video = dir.resolve("parts.avi");
    VideoWriter w =
        new VideoWriter(
            video.toString(),
            Videoio.CAP_OPENCV_MJPEG,
            VideoWriter.fourcc('M', 'J', 'P', 'G'),
            10,
            new Size(64, 48),
            true);
    assertThat(w.isOpened()).isTrue();
    for (Path p : images) {
      Mat m = Imgcodecs.imread(p.toString());
      Imgproc.resize(m, m, new Size(64, 48));
      w.write(m);
      m.release();
    }
    w.release();
    Path out = dir.resolve("out");
    try (LineWorkspace ws = LineWorkspace.open(dir.resolve("ws"))) {
      for (int round = 0; round < 2; round++) {
        Collect c = new Collect();
        try (VideoSource src = VideoSource.file(video, new FramePacer(2, 0))) {
          LineSink folder = ws.sink(SinkSpec.parse("folder:" + out));
          folder.connect();
          ws.run(LineModel.load(model), src, List.of(folder))
              .listen(c)
              .run(CancellationToken.none());
        }
        if (round == 0) {
          assertThat(c.results.stream().map(LineResult::source))
              .containsExactly(
                  "video:" + video + " frame 0",
                  "video:" + video + " frame 2",
                  "video:" + video + " frame 4",
                  "video:" + video + " frame 6",
                  "video:" + video + " frame 8");
          assertThat(c.results).allSatisfy(r -> assertThat(r.error()).isNull());
          assertThat(c.images.get(0).width()).isEqualTo(64);
          assertThat(c.images.get(0).height()).isEqualTo(48);
        } else {
          assertThat(c.results).as("a replayed video skips the frames already done").isEmpty();
        }
      }
      assertThat(ws.journal().doneCount()).isEqualTo(5);
    }
    assertThatThrownBy(() -> VideoSource.file(dir.resolve("none.mp4"), FramePacer.all()))
        .hasMessage(dir.resolve("none.mp4") + ": video file not found");
  }

  @Test
  void mjpegOverHttpFramesWithADamagedOneReportedAndSkipped() throws Exception {
    OpenCv.ensureLoaded();
    List<Path> images = LineFixtures.images(dir, 6);
    Path model = LineFixtures.modelWithThresholds(dir, images);
    AtomicInteger connections = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/mjpeg",
        ex -> {
          if (connections.incrementAndGet() > 1) {
            ex.sendResponseHeaders(503, -1);
            ex.close();
            return;
          }
          ex.getResponseHeaders().add("Content-Type", "multipart/x-mixed-replace; boundary=frame");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream o = ex.getResponseBody()) {
            for (int i = 0; i < 5; i++) {
              byte[] jpeg = jpeg(images.get(i));
              if (i == 3) {
                jpeg = "not a JPEG at all".getBytes(StandardCharsets.US_ASCII);
              }
              String head =
                  "--frame\r\nContent-Type: image/jpeg\r\n"
                      + (i % 2 == 0 || i == 3 ? "Content-Length: " + jpeg.length + "\r\n" : "")
                      + "\r\n";
              o.write(head.getBytes(StandardCharsets.US_ASCII));
              o.write(jpeg);
              o.write("\r\n".getBytes(StandardCharsets.US_ASCII));
              o.flush();
            }
          }
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/mjpeg";
    try (LineWorkspace ws = LineWorkspace.open(dir.resolve("ws"))) {
      Collect c = new Collect();
      CancellationToken stop = new CancellationToken();
      LineSink folder = ws.sink(SinkSpec.parse("folder:" + dir.resolve("out")));
      folder.connect();
      try (MjpegSource src = new MjpegSource(URI.create(url), FramePacer.all())) {
        LineRun run = ws.run(LineModel.load(model), src, List.of(folder)).listen(c);
        Thread t =
            new Thread(
                () -> {
                  try {
                    run.run(stop);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        t.start();
        // frames 1 and 3 come without a length: the reader finds the JPEG's end marker
        assertThat(LineFixtures.await(() -> c.results.size() >= 5, 30_000)).isTrue();
        stop.cancel();
        t.join(10_000);
      }
      assertThat(c.results.stream().map(LineResult::source))
          .startsWith(url.replace("http", "url:http") + " frame 0");
      assertThat(c.results).hasSize(5);
      assertThat(c.results.get(1).error()).isNull();
      assertThat(c.results.stream().filter(r -> r.error() != null))
          .singleElement()
          .satisfies(r -> assertThat(r.error()).contains("not a decodable image"));
    } finally {
      server.stop(0);
    }
    assertThatThrownBy(
            () -> new MjpegSource(URI.create("rtsp://127.0.0.1/stream"), FramePacer.all()))
        .hasMessageStartingWith("rtsp://127.0.0.1/stream: only MJPEG over HTTP(S) can be read");
  }

  private static byte[] jpeg(Path image) throws IOException {
    Mat m = Imgcodecs.imread(image.toString());
    MatOfByte b = new MatOfByte();
    Imgcodecs.imencode(".jpg", m, b);
    m.release();
    return b.toArray();
  }
}
