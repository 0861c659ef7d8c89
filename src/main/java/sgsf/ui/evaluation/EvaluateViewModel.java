package sgsf.ui.evaluation;

import java.nio.file.Path;
import sgsf.ui.WorkbenchSession;

/**
 * The Evaluate section, composed of its panes around the shared {@link EvaluationState}: the run
 * controls (model, data, run and cancel), the results table, the selected image's detail, the
 * thresholds and metrics, and the report export. A finished run is published to the state; every
 * pane follows the state, and the row selected in the table is the image the detail pane shows.
 */
public final class EvaluateViewModel {
  private final WorkbenchSession session;
  private final EvaluationState state;
  private final ModelChooser chooser;
  private final RunPaneModel runPane;
  private final ResultsPaneModel resultsPane;
  private final ThresholdsPaneModel thresholdsPane;
  private final DetailPaneModel detailPane;
  private final ReportExport report;

  public EvaluateViewModel(WorkbenchSession session, EvaluationState state) {
    this.session = session;
    this.state = state;
    chooser = new ModelChooser(session);
    detailPane = new DetailPaneModel(session, state);
    resultsPane = new ResultsPaneModel(state);
    runPane = new RunPaneModel(session, state, chooser);
    thresholdsPane = new ThresholdsPaneModel(session, state, chooser);
    report = new ReportExport(session, state);
    resultsPane
        .selectedRowProperty()
        .addListener((o, a, row) -> detailPane.show(row == null ? null : row.result()));
    chooser.refresh();
  }

  /** The model pane: which model is evaluated. */
  public ModelChooser modelChooser() {
    return chooser;
  }

  /** A training run saved {@code file}: list it first and select it. */
  public void modelSaved(Path file) {
    chooser.modelSaved(file);
  }

  /** The run controls: data source, run, cancel, progress and status. */
  public RunPaneModel runPane() {
    return runPane;
  }

  /** The results table: rows, filters and the selected row. */
  public ResultsPaneModel resultsPane() {
    return resultsPane;
  }

  /** The thresholds and every metric at them. */
  public ThresholdsPaneModel thresholdsPane() {
    return thresholdsPane;
  }

  /** The detail pane: the selected image and how its heatmap is drawn. */
  public DetailPaneModel detailPane() {
    return detailPane;
  }

  /** The HTML report export. */
  public ReportExport report() {
    return report;
  }

  public WorkbenchSession session() {
    return session;
  }

  public EvaluationState state() {
    return state;
  }
}
