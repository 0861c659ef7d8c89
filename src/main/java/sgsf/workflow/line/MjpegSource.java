package sgsf.workflow.line;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IP camera serving MJPEG over HTTP ({@code multipart/x-mixed-replace}, one JPEG per part), read
 * with the JDK's HttpClient; each part's JPEG is decoded when inspected (a damaged frame becomes an
 * error result). Parts with a {@code Content-Length} header are read by length, others up to the
 * JPEG end marker. A dropped stream is reopened (after 1 s). Anything else (RTSP, H.264) is refused
 * with a message naming the URL: this build's OpenCV has no FFMPEG or GStreamer.
 */
public final class MjpegSource implements LineSource {
  private static final Logger LOG = LoggerFactory.getLogger(MjpegSource.class);

  private final URI uri;
  private final FramePacer pacer;
  private final HttpClient http;
  private final String keyPrefix;
  private InputStream stream;
  private long frameIndex = -1;
  private long lastTakenMs;
  private long reopenAt;

  /**
   * Connects to the stream.
   *
   * @throws IOException naming the URL when it is not HTTP(S), cannot be reached or is not MJPEG
   */
  public MjpegSource(URI uri, FramePacer pacer) throws IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IOException(
          uri
              + ": only MJPEG over HTTP(S) can be read (this build's OpenCV has no FFMPEG or"
              + " GStreamer, so no RTSP or H.264); set the camera to serve MJPEG over HTTP");
    }
    this.uri = uri;
    this.pacer = pacer;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.keyPrefix = "url:" + uri + "@" + System.currentTimeMillis() + "#";
    this.stream = open();
  }

  private InputStream open() throws IOException {
    HttpResponse<InputStream> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(uri + ": interrupted while connecting", e);
    } catch (IOException e) {
      throw new IOException(uri + ": camera stream unreachable (" + e + ")", e);
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (r.statusCode() != 200 || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      r.body().close();
      throw new IOException(
          uri
              + ": not an MJPEG stream (HTTP "
              + r.statusCode()
              + ", Content-Type '"
              + type
              + "'); only multipart JPEG over HTTP can be read");
    }
    return r.body();
  }

  @Override
  public String describe() {
    return "url:" + uri;
  }

  @Override
  public SourceItem next(long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      if (stream == null) {
        if (System.currentTimeMillis() < reopenAt) {
          Thread.sleep(Math.max(1, Math.min(reopenAt, deadline) - System.currentTimeMillis()));
          continue;
        }
        try {
          stream = open();
        } catch (IOException e) {
          LOG.warn("{}", e.getMessage());
          reopenAt = System.currentTimeMillis() + 1000;
          continue;
        }
      }
      byte[] jpeg;
      try {
        jpeg = readPart(stream);
      } catch (IOException e) {
        jpeg = null;
      }
      if (jpeg == null) {
        closeStream();
        reopenAt = System.currentTimeMillis() + 1000;
        continue;
      }
      frameIndex++;
      if (!pacer.triggered(frameIndex)) {
        continue;
      }
      long now = System.currentTimeMillis();
      if (now - lastTakenMs < pacer.minIntervalMs()) {
        continue; // a live stream drops what comes too early
      }
      lastTakenMs = now;
      return SourceItem.encoded(
          keyPrefix + frameIndex, describe() + " frame " + frameIndex, now, jpeg, "jpg");
    }
    return null;
  }

  /** The next part's body, or null at the end of the stream. */
  static byte[] readPart(InputStream in) throws IOException {
    int length = -1;
    boolean inHeaders = false;
    while (true) {
      String line = readLine(in);
      if (line == null) {
        return null;
      }
      if (line.startsWith("--")) {
        inHeaders = true;
        continue;
      }
      if (!inHeaders) {
        continue;
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Length")) {
        try {
          length = Integer.parseInt(line.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
          length = -1;
        }
      }
    }
    if (length >= 0) {
      byte[] b = in.readNBytes(length);
      return b.length == length ? b : null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int prev = -1;
    int c;
    while ((c = in.read()) >= 0) {
      out.write(c);
      if (prev == 0xFF && c == 0xD9) {
        return out.toByteArray();
      }
      prev = c;
    }
    return null;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
      if (b.size() > 8192) {
        throw new IOException("a multipart header line longer than 8 KiB");
      }
    }
    return null;
  }

  private void closeStream() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException ignored) {
        // reopening anyway
      }
      stream = null;
    }
  }

  @Override
  public void close() {
    closeStream();
  }
}
