package sgsf.workflow.line;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a line sends its results, parsed from the text the CLI and the workbench take:
 *
 * <ul>
 *   <li>{@code folder:DIR}: per image a JSON file (and the images asked for) plus a CSV per day;
 *   <li>{@code mqtt://HOST:PORT/TOPIC} or {@code mqtts://...} (TLS): one JSON message per image,
 *       QoS 2, exactly once (see {@link MqttSink}); user and password from the environment
 *       variables {@link #MQTT_USER_ENV} and {@link #MQTT_PASSWORD_ENV} when set; for {@code
 *       mqtts}, the broker's certificate authority from the PEM file named by {@link #MQTT_CA_ENV}
 *       when set (else the JVM's trust store);
 *   <li>{@code http://...} or {@code https://...}: a webhook, one POST of the JSON per image;
 *   <li>{@code review}: REVIEW and NG images into the workspace's review inbox.
 * </ul>
 *
 * Options follow a {@code #}, separated by {@code ;}: {@code only=review,ng} (REVIEW, NG and errors
 * only; default all), {@code rate=N} (at most N deliveries per second; the rest waits in the
 * outbox), {@code images=original,overlay,map} (folder sinks: which images to write beside the
 * JSON). Example: {@code folder:/data/out#only=review,ng;images=overlay}.
 *
 * @param kind what kind of sink
 * @param target the folder, broker URI or URL, without options
 * @param onlyAttention true to send only REVIEW, NG and errors
 * @param ratePerSecond at most this many deliveries per second, 0 for no limit
 * @param images the images a folder sink writes
 */
public record SinkSpec(
    Kind kind, String target, boolean onlyAttention, double ratePerSecond, Set<Image> images) {

  /** Environment variable holding the MQTT user name. */
  public static final String MQTT_USER_ENV = "SGSF_MQTT_USER";

  /** Environment variable holding the MQTT password. */
  public static final String MQTT_PASSWORD_ENV = "SGSF_MQTT_PASSWORD";

  /**
   * Environment variable naming a PEM file with the certificate(s) an {@code mqtts} broker's
   * certificate must chain to (a plant's own certificate authority).
   */
  public static final String MQTT_CA_ENV = "SGSF_MQTT_CA";

  /** The kinds of sink. */
  public enum Kind {
    FOLDER,
    MQTT,
    WEBHOOK,
    REVIEW
  }

  /** Images a folder sink can write beside the JSON. */
  public enum Image {
    /** The inspected image as it came. */
    ORIGINAL,
    /** The heatmap over the image. */
    OVERLAY,
    /** The raw anomaly map, 16-bit PNG at the image's size. */
    MAP
  }

  public SinkSpec {
    images = images.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(images));
    if (ratePerSecond < 0 || !Double.isFinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a number >= 0");
    }
  }

  /** The key the sink's outbox rows are filed under: kind and target, without options. */
  public String key() {
    return switch (kind) {
      case FOLDER -> "folder:" + target;
      case REVIEW -> "review";
      default -> target;
    };
  }

  /** Whether this sink takes a result with the given attention flag. */
  public boolean accepts(LineResult r) {
    return !onlyAttention || r.needsAttention();
  }

  /** The same sink sending only REVIEW, NG and errors. */
  public SinkSpec attentionOnly() {
    return new SinkSpec(kind, target, true, ratePerSecond, images);
  }

  /**
   * Parses a sink.
   *
   * @throws IllegalArgumentException with a one-line message naming the text and the problem
   */
  public static SinkSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty sink");
    }
    String spec = text.strip();
    String options = "";
    int hash = spec.indexOf('#');
    if (hash >= 0) {
      options = spec.substring(hash + 1);
      spec = spec.substring(0, hash);
    }
    boolean only = false;
    double rate = 0;
    Set<Image> images = EnumSet.noneOf(Image.class);
    for (String option : options.split(";")) {
      if (option.isBlank()) {
        continue;
      }
      int eq = option.indexOf('=');
      String name = eq < 0 ? option : option.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : option.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
      switch (name) {
        case "only" -> only = parseOnly(text, value);
        case "rate" -> {
          try {
            rate = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            throw bad(text, "rate must be a number of deliveries per second, got '" + value + "'");
          }
          if (!(rate > 0) || !Double.isFinite(rate)) {
            throw bad(text, "rate must be above 0, got '" + value + "'");
          }
        }
        case "images" -> {
          for (String i : value.split(",")) {
            try {
              images.add(Image.valueOf(i.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
              throw bad(text, "images are original, overlay or map, got '" + i.strip() + "'");
            }
          }
        }
        default -> throw bad(text, "unknown option '" + name + "' (only, rate, images)");
      }
    }
    String lower = spec.toLowerCase(Locale.ROOT);
    if (lower.equals("review") || lower.equals("review:")) {
      return new SinkSpec(Kind.REVIEW, "review", only, rate, images);
    }
    if (lower.startsWith("folder:")) {
      String dir = spec.substring("folder:".length());
      if (dir.isBlank()) {
        throw bad(text, "folder: needs a folder, e.g. folder:/data/results");
      }
      return new SinkSpec(
          Kind.FOLDER, Path.of(dir).toAbsolutePath().normalize().toString(), only, rate, images);
    }
    if (!images.isEmpty()) {
      throw bad(text, "images= applies to folder sinks only");
    }
    URI uri;
    try {
      uri = new URI(spec);
    } catch (URISyntaxException e) {
      throw bad(text, "not a URI (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "mqtt", "mqtts" -> {
        if (uri.getHost() == null) {
          throw bad(text, "an MQTT sink needs a host: mqtt://HOST:PORT/TOPIC");
        }
        String topic = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (topic.isEmpty()) {
          throw bad(text, "an MQTT sink needs a topic: mqtt://HOST:PORT/TOPIC");
        }
        if (topic.contains("+") || topic.contains("#")) {
          throw bad(text, "MQTT wildcards (+, #) cannot be published to");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("mqtts") ? 8883 : 1883;
        return new SinkSpec(
            Kind.MQTT,
            scheme + "://" + uri.getHost() + ":" + port + "/" + topic,
            only,
            rate,
            images);
      }
      case "http", "https" -> {
        if (uri.getHost() == null) {
          throw bad(text, "a webhook needs a host: http(s)://HOST[:PORT]/PATH");
        }
        return new SinkSpec(Kind.WEBHOOK, uri.toString(), only, rate, images);
      }
      default ->
          throw bad(
              text,
              "expected folder:DIR, mqtt://HOST:PORT/TOPIC, mqtts://..., http(s)://URL or review");
    }
  }

  /** Parses {@code all} or a list of {@code review}, {@code ng}. */
  public static boolean parseOnly(String where, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (v.equals("all")) {
      return false;
    }
    if (v.equals("review,ng") || v.equals("ng,review")) {
      return true;
    }
    throw bad(where, "only= takes 'all' or 'review,ng', got '" + value + "'");
  }

  private static IllegalArgumentException bad(String text, String problem) {
    return new IllegalArgumentException("malformed sink '" + text + "': " + problem);
  }
}
