package sgsf.ui.line;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.scene.image.Image;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.task.CancellationToken;
import sgsf.io.review.ReviewRequest;
import sgsf.io.review.ReviewStore;
import sgsf.io.workspace.Workspace;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.FxImages;
import sgsf.ui.evaluation.EvaluationResult;
import sgsf.ui.evaluation.LoadedModel;
import sgsf.ui.review.LineFindings;
import sgsf.workflow.line.Capture;
import sgsf.workflow.line.FolderSource;
import sgsf.workflow.line.FramePacer;
import sgsf.workflow.line.LineJournal;
import sgsf.workflow.line.LineListener;
import sgsf.workflow.line.LineModel;
import sgsf.workflow.line.LineResult;
import sgsf.workflow.line.LineRun;
import sgsf.workflow.line.LineSettings;
import sgsf.workflow.line.LineSink;
import sgsf.workflow.line.LineSource;
import sgsf.workflow.line.LineStats;
import sgsf.workflow.line.LineWorkspace;
import sgsf.workflow.line.SinkHealth;
import sgsf.workflow.line.SinkSpec;
import sgsf.workflow.line.SourceSpec;

/**
 * The Line section's state and commands: the set-up (model, source, sinks, saved in the workspace),
 * Start/Stop, and what the running line reports (latest image and verdict, counters, last REVIEW/NG
 * images, throughput and latency over time, sink health).
 */
public final class LineViewModel {
  /** How many REVIEW/NG images the strip keeps. */
  public static final int STRIP = 12;

  /** How many seconds the charts show. */
  public static final int CHART_SECONDS = 120;

  /**
   * One image of the REVIEW/NG strip.
   *
   * @param result the result
   * @param thumbnail the heatmap overlay, small
   * @param overlay the heatmap overlay at full size
   */
  public record StripItem(LineResult result, Image thumbnail, Image overlay) {}

  /**
   * One row of the sink table.
   *
   * @param sink the sink's key
   * @param state "connected", "down" or "idle"
   * @param queued results waiting in its outbox
   * @param delivered delivered in this run
   * @param lastError the last failure, or ""
   */
  public record SinkRow(String sink, String state, int queued, long delivered, String lastError) {}

  private final WorkbenchSession session;
  private final BiConsumer<EvaluationResult, Path> openInReview;
  private final StringProperty model = new SimpleStringProperty("");
  private final StringProperty source = new SimpleStringProperty("");
  private final StringProperty sinks = new SimpleStringProperty("");
  private final BooleanProperty attentionOnly = new SimpleBooleanProperty();
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final StringProperty status = new SimpleStringProperty("Stopped.");
  private final StringProperty verdict = new SimpleStringProperty("");
  private final StringProperty latestCaption = new SimpleStringProperty("");
  private final ObjectProperty<Image> latest = new SimpleObjectProperty<>();
  private final LongProperty images = new SimpleLongProperty();
  private final LongProperty ok = new SimpleLongProperty();
  private final LongProperty review = new SimpleLongProperty();
  private final LongProperty ng = new SimpleLongProperty();
  private final LongProperty errors = new SimpleLongProperty();
  private final DoubleProperty rate = new SimpleDoubleProperty();
  private final DoubleProperty p95 = new SimpleDoubleProperty(Double.NaN);
  private final ObservableList<StripItem> strip = FXCollections.observableArrayList();
  private final ObservableList<SinkRow> sinkRows = FXCollections.observableArrayList();
  private final XYChart.Series<Number, Number> rateSeries = new XYChart.Series<>();
  private final XYChart.Series<Number, Number> latencySeries = new XYChart.Series<>();
  private volatile CancellationToken stop = CancellationToken.none();
  private final AtomicReference<Runnable> pendingLatest = new AtomicReference<>();
  private Thread thread;
  private final StringProperty captureFolder =
      new SimpleStringProperty(LineSettings.DEFAULT_CAPTURE_FOLDER);
  private final javafx.beans.property.IntegerProperty captureEvery =
      new javafx.beans.property.SimpleIntegerProperty(0);
  private final AtomicReference<Capture> capture = new AtomicReference<>();
  private long startedAt;

  /**
   * @param openInReview shows a result in the Review section: publishes it as the evaluation the
   *     Review section queues and selects the given image
   */
  public LineViewModel(WorkbenchSession session, BiConsumer<EvaluationResult, Path> openInReview) {
    this.session = session;
    this.openInReview = openInReview;
    rateSeries.setName("images/s");
    latencySeries.setName("p95 latency (s)");
    session.workspaceProperty().addListener((o, a, ws) -> restore(ws));
    restore(session.getWorkspace());
  }

  private void restore(Workspace ws) {
    if (ws == null || running.get()) {
      return;
    }
    try {
      LineSettings.load(ws.dir())
          .ifPresent(
              s -> {
                model.set(s.model());
                source.set(s.source());
                sinks.set(String.join("\n", s.sinks()));
                attentionOnly.set(s.attentionOnly());
                captureFolder.set(s.captureFolder());
                captureEvery.set(s.captureEvery());
              });
    } catch (IOException e) {
      session.notifier().error("Reading the line settings", e);
    }
  }

  public StringProperty modelProperty() {
    return model;
  }

  public StringProperty sourceProperty() {
    return source;
  }

  /** One sink per line. */
  public StringProperty sinksProperty() {
    return sinks;
  }

  public BooleanProperty attentionOnlyProperty() {
    return attentionOnly;
  }

  /** Where captured images go, relative to the workspace (or absolute). */
  public StringProperty captureFolderProperty() {
    return captureFolder;
  }

  /** Capture every N-th image while running; 0 only with {@link #saveCurrent()}. */
  public javafx.beans.property.IntegerProperty captureEveryProperty() {
    return captureEvery;
  }

  /** Saves the current image into the capture folder (while running). */
  public void saveCurrent() {
    Capture c = capture.get();
    if (c == null) {
      status.set("Start the line (with or without a model) to capture images.");
      return;
    }
    Thread t =
        new Thread(
            () -> {
              String msg;
              try {
                Path f = c.saveCurrent();
                msg = f == null ? "No image to capture yet." : "Captured " + f;
              } catch (IOException e) {
                msg = "Cannot capture: " + e.getMessage();
              }
              String m = msg;
              Platform.runLater(() -> status.set(m));
            },
            "line-capture");
    t.setDaemon(true);
    t.start();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running;
  }

  /** A one-line status or the reason the line stopped. */
  public StringProperty statusProperty() {
    return status;
  }

  /** OK, REVIEW, NG or ERROR of the latest image ("" before the first). */
  public StringProperty verdictProperty() {
    return verdict;
  }

  /** The latest image's name and score. */
  public StringProperty latestCaptionProperty() {
    return latestCaption;
  }

  /** The latest image with its heatmap. */
  public ObjectProperty<Image> latestProperty() {
    return latest;
  }

  public LongProperty imagesProperty() {
    return images;
  }

  public LongProperty okProperty() {
    return ok;
  }

  public LongProperty reviewProperty() {
    return review;
  }

  public LongProperty ngProperty() {
    return ng;
  }

  public LongProperty errorsProperty() {
    return errors;
  }

  public DoubleProperty rateProperty() {
    return rate;
  }

  public DoubleProperty p95Property() {
    return p95;
  }

  /** The last REVIEW/NG images, newest first. */
  public ObservableList<StripItem> strip() {
    return strip;
  }

  public ObservableList<SinkRow> sinkRows() {
    return sinkRows;
  }

  public XYChart.Series<Number, Number> rateSeries() {
    return rateSeries;
  }

  public XYChart.Series<Number, Number> latencySeries() {
    return latencySeries;
  }

  /** Shows a strip image as the large image. */
  public void show(StripItem item) {
    latest.set(item.overlay());
    verdict.set(item.result().verdict());
    latestCaption.set(caption(item.result()));
  }

  /**
   * Opens the review inbox (the REVIEW and NG images the review sink filed in the workspace's
   * review database) in the Review section, at the given image; a message in {@link
   * #statusProperty()} when it was not filed (no review sink, or not yet delivered).
   */
  public void openInReview(StripItem item) {
    Workspace ws = session.getWorkspace();
    String modelFile = model.get().strip();
    if (ws == null || modelFile.isEmpty()) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                List<LineJournal.ReviewEntry> inbox;
                List<ReviewRequest> requests;
                try (LineWorkspace lws = LineWorkspace.open(ws.dir());
                    ReviewStore store = ReviewStore.open(lws.reviewStoreFile())) {
                  inbox = lws.journal().reviewInbox();
                  requests = store.requests();
                }
                Path image = null;
                for (LineJournal.ReviewEntry e : inbox) {
                  if (e.seq() == item.result().seq()) {
                    image = e.image();
                  }
                }
                if (image == null) {
                  Platform.runLater(
                      () ->
                          status.set(
                              "Image #"
                                  + item.result().seq()
                                  + " is not in the review inbox: add the 'review' sink to review"
                                  + " line images."));
                  return;
                }
                EvaluationResult r =
                    LineFindings.result(LoadedModel.load(Path.of(modelFile)), requests);
                Path selected = image;
                Platform.runLater(() -> openInReview.accept(r, selected));
              } catch (IOException | RuntimeException e) {
                Platform.runLater(
                    () -> status.set("Cannot open the review inbox: " + e.getMessage()));
              }
            },
            "line-review-inbox");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Starts the line: checks the set-up (a one-line message in {@link #statusProperty()} if it is
   * wrong), saves it in the workspace, loads the model and runs on its own thread.
   */
  public void start() {
    if (running.get()) {
      return;
    }
    Workspace ws = session.getWorkspace();
    if (ws == null) {
      status.set("Open a workspace first: the line keeps its journal there.");
      return;
    }
    SourceSpec sourceSpec;
    List<SinkSpec> specs = new ArrayList<>();
    List<String> sinkTexts = new ArrayList<>();
    try {
      if (captureEvery.get() < 0) {
        throw new IllegalArgumentException("capture every N must be >= 0");
      }
      sourceSpec = SourceSpec.parse(source.get());
      for (String line : sinks.get().split("\\R")) {
        if (!line.isBlank()) {
          SinkSpec s = SinkSpec.parse(line);
          specs.add(attentionOnly.get() ? s.attentionOnly() : s);
          sinkTexts.add(line.strip());
        }
      }
      if (specs.isEmpty() && !model.get().isBlank()) {
        throw new IllegalArgumentException("add at least one sink");
      }
    } catch (IllegalArgumentException e) {
      status.set("Cannot start: " + e.getMessage());
      return;
    }
    LineSettings settings =
        new LineSettings(
            model.get().strip(),
            source.get().strip(),
            sinkTexts,
            attentionOnly.get(),
            captureFolder.get().strip(),
            captureEvery.get());
    Path modelFile = settings.model().isEmpty() ? null : Path.of(settings.model());
    reset();
    running.set(true);
    stop = new CancellationToken();
    status.set("Starting…");
    startedAt = System.currentTimeMillis();
    thread =
        new Thread(() -> runLine(ws.dir(), settings, modelFile, sourceSpec, specs), "line-section");
    thread.setDaemon(true);
    thread.start();
  }

  private void runLine(
      Path wsDir,
      LineSettings settings,
      Path modelFile,
      SourceSpec sourceSpec,
      List<SinkSpec> specs) {
    String outcome = "Stopped.";
    List<LineSink> opened = new ArrayList<>();
    try {
      settings.save(wsDir);
      Capture c = new Capture(wsDir.resolve(settings.captureFolder()), settings.captureEvery());
      capture.set(c);
      if (modelFile == null) {
        captureOnly(wsDir, sourceSpec, c);
      } else {
        runModel(wsDir, modelFile, sourceSpec, specs, opened, c);
      }
    } catch (IOException | RuntimeException e) {
      outcome = "Stopped: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      capture.set(null);
      for (LineSink s : opened) {
        try {
          s.close();
        } catch (Exception e) {
          // closing on the way out
        }
      }
    }
    finish(outcome);
  }

  private void runModel(
      Path wsDir,
      Path modelFile,
      SourceSpec sourceSpec,
      List<SinkSpec> specs,
      List<LineSink> opened,
      Capture c)
      throws IOException, InterruptedException {
    LineModel m = LineModel.load(modelFile);
    try (LineWorkspace lws = LineWorkspace.open(wsDir);
        LineSource src = open(sourceSpec)) {
      for (SinkSpec s : specs) {
        LineSink sink = lws.sink(s);
        opened.add(sink);
        sink.connect();
      }
      LineStats stats = new LineStats();
      LineRun run = lws.run(m, src, opened).listen(stats).listen(new ToView(m)).listen(c);
      Thread ticker = ticker(stats, lws);
      Platform.runLater(
          () ->
              status.set(
                  "Running: "
                      + src.describe()
                      + " → "
                      + specs.size()
                      + " sink(s), thresholds "
                      + m.thresholdOrigin()));
      try {
        run.run(stop);
      } finally {
        ticker.interrupt();
      }
    }
  }

  private static LineSource open(SourceSpec spec) throws IOException {
    return spec.open(
        new FolderSource.Options(false, true, 150, 25, FolderSource.After.KEEP, null),
        FramePacer.all());
  }

  /** No model: the source's images only go to the capture folder. */
  private void captureOnly(Path wsDir, SourceSpec spec, Capture c)
      throws IOException, InterruptedException {
    try (LineWorkspace lws = LineWorkspace.open(wsDir);
        LineSource src = open(spec)) {
      src.attach(lws.journal());
      Thread ticker =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  long n = c.saved();
                  Platform.runLater(
                      () ->
                          status.set(
                              "Capturing without a model: "
                                  + src.describe()
                                  + " → "
                                  + c.folder()
                                  + ", "
                                  + n
                                  + " saved"));
                  try {
                    Thread.sleep(1000);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "line-capture-ticker");
      ticker.setDaemon(true);
      ticker.start();
      try {
        c.run(src, stop);
      } finally {
        ticker.interrupt();
      }
    }
  }

  private void finish(String outcome) {
    String o = outcome;
    Platform.runLater(
        () -> {
          running.set(false);
          status.set(o);
        });
  }

  /** Asks the line to stop; it finishes the image in hand. */
  public void stop() {
    stop.cancel();
  }

  /** Waits for the line's thread to end (tests, shutdown). */
  public void awaitStopped(long ms) throws InterruptedException {
    Thread t = thread;
    if (t != null) {
      t.join(ms);
    }
  }

  private void reset() {
    images.set(0);
    ok.set(0);
    review.set(0);
    ng.set(0);
    errors.set(0);
    rate.set(0);
    p95.set(Double.NaN);
    strip.clear();
    rateSeries.getData().clear();
    latencySeries.getData().clear();
    sinkRows.clear();
    latest.set(null);
    verdict.set("");
    latestCaption.set("");
  }

  static String caption(LineResult r) {
    String name = shortName(r.source());
    if (r.error() != null) {
      return name + ": " + r.error();
    }
    return String.format(
        Locale.ROOT, "%s   score %.4f (normalised %.2f)", name, r.score(), r.normalisedScore());
  }

  /** A source's image without its folders (the hot folder is in the status line). */
  static String shortName(String source) {
    int cut = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return cut >= 0 && cut < source.length() - 1 ? source.substring(cut + 1) : source;
  }

  private Thread ticker(LineStats stats, LineWorkspace lws) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
                LineStats.Snapshot s = stats.snapshot();
                Map<String, Integer> queued;
                try {
                  queued = lws.journal().outboxSizes();
                } catch (IOException e) {
                  queued = Map.of();
                }
                Map<String, Integer> q = queued;
                double seconds = (System.currentTimeMillis() - startedAt) / 1000.0;
                Platform.runLater(() -> tick(s, q, seconds));
              }
            },
            "line-section-ticker");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void tick(LineStats.Snapshot s, Map<String, Integer> queued, double seconds) {
    images.set(s.images());
    ok.set(s.ok());
    review.set(s.review());
    ng.set(s.ng());
    errors.set(s.errors());
    rate.set(s.imagesPerSecond());
    p95.set(s.p95Ms());
    add(rateSeries, seconds, s.imagesPerSecond());
    if (!Double.isNaN(s.p95Ms())) {
      add(latencySeries, seconds, s.p95Ms() / 1000.0);
    }
    List<SinkRow> rows = new ArrayList<>();
    for (SinkHealth h : s.sinks().values()) {
      rows.add(
          new SinkRow(
              h.sink(),
              h.connected() ? "connected" : "down",
              queued.getOrDefault(h.sink(), 0),
              h.delivered(),
              errorText(h)));
    }
    sinkRows.setAll(rows);
  }

  /** The last error, and how many results the sink refused for good (with the last refusal). */
  static String errorText(SinkHealth h) {
    String error = h.lastError() == null ? "" : h.lastError();
    if (h.refused() == 0) {
      return error;
    }
    String refused = "refused " + h.refused() + " (last: " + h.lastRefusal() + ")";
    return error.isEmpty() || error.equals(h.lastRefusal()) ? refused : error + "; " + refused;
  }

  private static void add(XYChart.Series<Number, Number> series, double x, double y) {
    series.getData().add(new XYChart.Data<>(x, y));
    if (series.getData().size() > CHART_SECONDS) {
      series.getData().remove(0);
    }
  }

  /** Turns results into images for the view, off the FX thread, at most one pending update. */
  private final class ToView implements LineListener {
    private final LineModel model;

    ToView(LineModel model) {
      this.model = model;
    }

    @Override
    public void inspected(LineResult r, FloatImage image, FloatImage map, double latencyMs) {
      boolean attention = r.needsAttention();
      if (pendingLatest.get() != null && !attention) {
        return; // the view has not caught up: skip this OK image
      }
      Image overlay = null;
      Image thumb = null;
      if (image != null && map != null) {
        FloatImage o = LineRun.overlayOf(model, image, map);
        overlay = FxImages.toImage(o);
        if (attention) {
          double scale = 96.0 / Math.max(o.width(), o.height());
          thumb =
              FxImages.toImage(
                  ImageIo.resize(
                      o,
                      Math.max(1, (int) Math.round(o.height() * scale)),
                      Math.max(1, (int) Math.round(o.width() * scale))));
        }
      }
      Image big = overlay;
      Image small = thumb;
      Runnable update =
          () -> {
            pendingLatest.set(null);
            latest.set(big);
            verdict.set(r.error() != null ? "ERROR" : r.verdict());
            latestCaption.set(caption(r));
            if (attention && small != null) {
              strip.add(0, new StripItem(r, small, big));
              if (strip.size() > STRIP) {
                strip.remove(STRIP, strip.size());
              }
            }
          };
      pendingLatest.set(update);
      Platform.runLater(update);
    }
  }
}
