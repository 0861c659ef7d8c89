package sgsf.ui.evaluation;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.workspace.Workspace;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.Lane;
import sgsf.workflow.EvaluationWorkflow;

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
    LoadedModel m = r.model();
    boolean asStarted = t.equals(r.thresholds());
    EvaluationWorkflow.RunInfo run =
        EvaluationWorkflow.RunInfo.of(
            m.file() == null ? m.id() : m.file().toAbsolutePath().toString(),
            m.model(),
            r.source(),
            asStarted
                ? EvaluationWorkflow.THRESHOLDS_FROM_MODEL
                : EvaluationWorkflow.THRESHOLDS_FROM_EVALUATE_VIEW,
            asStarted
                ? r.thresholdsOrigin()
                : "moved by hand from the starting thresholds (" + r.thresholdsOrigin() + ")");
    EvaluationWorkflow.ReportRequest request =
        new EvaluationWorkflow.ReportRequest(
            folder,
            EvaluationWorkflow.ReportRequest.title(m.name(), r.source()),
            run,
            images,
            t,
            r.warningsByPath());
    session
        .runner()
        .task("Writing the report", ctx -> EvaluationWorkflow.writeReport(request).files().html())
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
