package sgsf.ui.evaluation;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.MetricsSummary;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.report.EvaluationReportWriter;
import sgsf.io.workspace.Workspace;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.Lane;

/**
 * The Evaluate view's report export: the shared evaluation at the shared thresholds written as
 * report.html, metrics.json and scores.csv into a folder, in the background.
 */
public final class ReportExport {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final WorkbenchSession session;
  private final EvaluationState state;
  private final ReadOnlyObjectWrapper<Path> lastReport =
      new ReadOnlyObjectWrapper<>(this, "lastReport");

  ReportExport(WorkbenchSession session, EvaluationState state) {
    this.session = session;
    this.state = state;
  }

  /** A fresh report folder in the workspace's runs folder, or null without a workspace. */
  public Path defaultReportFolder() {
    Workspace ws = session.getWorkspace();
    EvaluationResult r = state.getResult();
    if (ws == null) {
      return null;
    }
    String model = r == null ? "model" : r.model().name().replaceAll("\\.(zip|sgsf)$", "");
    return ws.runsDir()
        .resolve(
            ("eval-" + model + "-" + LocalDateTime.now().format(STAMP))
                .replaceAll("[^A-Za-z0-9._-]+", "_"));
  }

  /** The HTML report written last. */
  public ReadOnlyObjectProperty<Path> lastReportProperty() {
    return lastReport.getReadOnlyProperty();
  }

  /**
   * Writes metrics.json, scores.csv and report.html for the current thresholds into {@code folder}.
   */
  public void exportReport(Path folder) {
    EvaluationResult r = state.getResult();
    Thresholds t = state.getThresholds();
    if (r == null || t == null) {
      session.notifier().info("Evaluate a model first.");
      return;
    }
    List<EvaluatedImage> images = r.evaluated();
    if (images.isEmpty()) {
      session.notifier().info("These images have no ground truth: there is nothing to report.");
      return;
    }
    Map<String, Object> run = new LinkedHashMap<>();
    LoadedModel m = r.model();
    run.put("model", m.file() == null ? m.id() : m.file().toAbsolutePath().toString());
    run.put("preset", m.model().config().preset());
    run.put("input_size", m.model().config().inputSize());
    run.put("training_iterations", m.model().provenance().iterationsTrained());
    run.put("data", r.source());
    run.put("thresholds_from", r.thresholdsOrigin());
    String title = "SGSF evaluation: " + m.name() + " on " + r.source();
    session
        .runner()
        .task(
            "Writing the report",
            ctx ->
                EvaluationReportWriter.write(
                        folder,
                        images,
                        MetricsSummary.compute(images, t),
                        EvaluationReportWriter.Options.titled(title, run)
                            .withWarnings(r.warningsByPath()))
                    .html())
        .lane(Lane.IO)
        .onSuccess(
            html -> {
              lastReport.set(html);
              session.notifier().info("Report written: " + html);
            })
        .onFailure(e -> session.notifier().error("Writing the report into " + folder, e))
        .start();
  }
}
