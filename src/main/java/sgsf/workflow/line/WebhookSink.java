package sgsf.workflow.line;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs each result's JSON to a URL (JDK HttpClient): 5 s to connect, 10 s for the answer; any
 * status outside 2xx counts as not delivered and is retried with backoff. An {@code
 * Idempotency-Key} header ({@code sgsf-line-SEQ-...}) lets the receiver drop a repeat after a
 * crash.
 */
public final class WebhookSink implements LineSink {
  private final SinkSpec spec;
  private final URI uri;
  private final HttpClient http;

  public WebhookSink(SinkSpec spec) {
    this.spec = spec;
    this.uri = URI.create(spec.target());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Override
  public SinkSpec spec() {
    return spec;
  }

  @Override
  public void connect() {
    // a webhook that is down at start only delays delivery: results wait in the outbox
  }

  @Override
  public void deliver(LineResult r, Artifacts a) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(
                "Idempotency-Key",
                "sgsf-line-" + r.seq() + "-" + Integer.toHexString(r.id().hashCode()))
            .POST(HttpRequest.BodyPublishers.ofString(r.toJson()))
            .build();
    HttpResponse<Void> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("webhook " + uri + ": interrupted", e);
    } catch (IOException e) {
      throw new IOException("webhook " + uri + " unreachable (" + e + ")", e);
    }
    if (resp.statusCode() / 100 != 2) {
      throw new IOException("webhook " + uri + " answered HTTP " + resp.statusCode());
    }
  }
}
