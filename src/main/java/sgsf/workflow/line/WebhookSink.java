package sgsf.workflow.line;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import sgsf.io.Json;

/**
 * POSTs each result's JSON to a URL (JDK HttpClient): 5 s to connect, 10 s for the answer.
 *
 * <p>HTTP cannot be exactly-once on the sender's side alone: a result whose answer was lost (the
 * line was killed, the connection dropped) is POSTed again after the restart. Every POST of a
 * result therefore carries the same {@code Idempotency-Key} header (IETF httpapi draft "The
 * Idempotency-Key HTTP Header Field": a structured-field string, e.g. {@code "sgsf-3f2a...-42"}),
 * made of the sink's stable id in the workspace and the result's number, and the same key,
 * unquoted, in the JSON field {@value #KEY_FIELD}; a receiver that processes each key once gets
 * every result exactly once.
 *
 * <p>Answers: 2xx is delivered; any other 4xx than 408, 409 (the draft's answer while a request
 * with the same key is still in progress), 425 and 429 is a refusal for good ({@link
 * DeliveryRefusedException}: the result is kept as refused and the next one goes); everything else
 * (5xx, those four, no answer) is retried with backoff.
 */
public final class WebhookSink implements LineSink {
  /** The JSON field that repeats the idempotency key. */
  public static final String KEY_FIELD = "idempotencyKey";

  private static final Set<Integer> RETRYABLE_4XX = Set.of(408, 409, 425, 429);

  private final SinkSpec spec;
  private final LineJournal journal;
  private final URI uri;
  private final HttpClient http;

  /** A webhook whose stable id (for idempotency keys) is kept in {@code journal}. */
  public WebhookSink(SinkSpec spec, LineJournal journal) {
    this.spec = spec;
    this.journal = journal;
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

  /** The idempotency key of a result: the same on every attempt, in every run of this workspace. */
  public String idempotencyKey(LineResult r) throws IOException {
    return "sgsf-" + journal.sinkId(spec.key()) + "-" + r.seq();
  }

  /** True for an HTTP status that says sending the same request again cannot succeed. */
  public static boolean refusesForGood(int status) {
    return status / 100 == 4 && !RETRYABLE_4XX.contains(status);
  }

  @Override
  public void deliver(LineResult r, Artifacts a) throws IOException {
    String key = idempotencyKey(r);
    ObjectNode body = Json.mapper().valueToTree(r);
    body.put(KEY_FIELD, key);
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "\"" + key + "\"")
            .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
            .build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("webhook " + uri + ": interrupted", e);
    } catch (IOException e) {
      throw new IOException("webhook " + uri + " unreachable (" + e + ")", e);
    }
    int status = resp.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String answer = oneLine(resp.body());
    String message =
        "webhook " + uri + " answered HTTP " + status + (answer.isEmpty() ? "" : ": " + answer);
    if (refusesForGood(status)) {
      throw new DeliveryRefusedException(message + " (result " + r.seq() + " refused)");
    }
    throw new IOException(message);
  }

  /** The start of a response body on one line, for messages. */
  private static String oneLine(String body) {
    String s = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
