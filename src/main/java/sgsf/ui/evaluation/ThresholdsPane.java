package sgsf.ui.evaluation;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import sgsf.engine.metrics.ReviewCounts;
import sgsf.engine.metrics.ThresholdView;
import sgsf.engine.metrics.Thresholds;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;

/**
 * The Evaluate view's analysis tabs: Thresholds (the score histogram with the two draggable image
 * thresholds, the threshold fields, the confusion matrix of the review band, Save, Reset and
 * Report), ROC / PR curves and the Metrics table.
 */
final class ThresholdsPane {
  private final ThresholdsPaneModel vm;
  private final EvaluationState state;
  private final ReportExport report;
  private final EvaluationCharts charts;
  private final Label[][] confusion = new Label[2][3];
  private final Label binaryLine = new Label();
  private final TextField lowerField = new TextField();
  private final TextField upperField = new TextField();
  private final TextField pixelField = new TextField();
  private final TabPane root;

  ThresholdsPane(
      ThresholdsPaneModel vm,
      EvaluationState state,
      ReportExport report,
      BooleanProperty darkTheme) {
    this.vm = vm;
    this.state = state;
    this.report = report;
    charts = new EvaluationCharts(darkTheme.get());
    darkTheme.addListener((o, a, dark) -> charts.setDark(dark));
    charts.onThresholdDrag(vm::setImageLower, vm::setImageUpper, v -> vm.setImageBand(v, v));
    root = analysisTabs();
    state.resultProperty().addListener((o, a, r) -> charts.setResult(r));
    charts.setResult(state.getResult());
  }

  Node node() {
    return root;
  }

  EvaluationCharts charts() {
    return charts;
  }

  private TabPane analysisTabs() {
    Tab thresholds = new Tab("Thresholds", thresholdsPane());
    GridPane curves = new GridPane();
    curves.setHgap(4);
    curves.setVgap(4);
    curves.add(charts.imageRocViewer(), 0, 0);
    curves.add(charts.imagePrViewer(), 1, 0);
    curves.add(charts.pixelRocViewer(), 2, 0);
    curves.add(charts.pixelPrViewer(), 3, 0);
    for (var v :
        List.of(
            charts.imageRocViewer(),
            charts.imagePrViewer(),
            charts.pixelRocViewer(),
            charts.pixelPrViewer())) {
      GridPane.setHgrow(v, Priority.ALWAYS);
      GridPane.setVgrow(v, Priority.ALWAYS);
      v.setPrefSize(220, 220);
    }
    curves.setPadding(new Insets(6));
    Tab curvesTab = new Tab("ROC / PR", curves);
    TableView<MetricLine> metrics = new TableView<>(vm.metrics());
    metrics.setId("evaluate-metrics");
    metrics.getStyleClass().add(Styles.DENSE);
    TableColumn<MetricLine, String> group = new TableColumn<>("Level");
    group.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().group()));
    TableColumn<MetricLine, String> name = new TableColumn<>("Metric");
    name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
    TableColumn<MetricLine, String> value = new TableColumn<>("Value");
    value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value()));
    TableColumn<MetricLine, String> note = new TableColumn<>("Note");
    note.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().note()));
    group.setPrefWidth(140);
    name.setPrefWidth(130);
    value.setPrefWidth(80);
    note.setPrefWidth(360);
    metrics.getColumns().setAll(List.of(group, name, value, note));
    metrics.setPlaceholder(new Label("No evaluation yet"));
    metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Tab metricsTab = new Tab("Metrics", metrics);
    TabPane tabs = new TabPane(thresholds, curvesTab, metricsTab);
    charts.setCurvesShown(false);
    curvesTab.selectedProperty().addListener((o, a, sel) -> charts.setCurvesShown(sel));
    tabs.setId("evaluate-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    return tabs;
  }

  private Node thresholdsPane() {
    var hist = charts.histogramViewer();
    hist.setPrefSize(460, 260);
    HBox.setHgrow(hist, Priority.ALWAYS);

    lowerField.setId("evaluate-lower");
    upperField.setId("evaluate-upper");
    pixelField.setId("evaluate-pixel");
    for (TextField f : new TextField[] {lowerField, upperField, pixelField}) {
      f.setPrefColumnCount(7);
    }
    lowerField.setOnAction(e -> parse(lowerField, vm::setImageLower));
    upperField.setOnAction(e -> parse(upperField, vm::setImageUpper));
    pixelField.setOnAction(e -> parse(pixelField, vm::setPixelThreshold));
    for (TextField f : new TextField[] {lowerField, upperField, pixelField}) {
      f.focusedProperty()
          .addListener(
              (o, was, now) -> {
                if (!now) {
                  f.getOnAction().handle(null);
                }
              });
    }
    GridPane fields = new GridPane();
    fields.setHgap(6);
    fields.setVgap(4);
    fields.addRow(0, new Label("OK below"), lowerField);
    fields.addRow(1, new Label("NG at or above"), upperField);
    fields.addRow(2, new Label("Pixel defect ≥"), pixelField);

    GridPane matrix = new GridPane();
    matrix.setId("evaluate-confusion");
    matrix.setHgap(10);
    matrix.setVgap(3);
    matrix.getStyleClass().add("confusion-matrix");
    matrix.addRow(0, header("truth \\ verdict"), header("OK"), header("REVIEW"), header("NG"));
    String[] truths = {"good", "defective"};
    String[] verdicts = {"ok", "review", "ng"};
    for (int r = 0; r < 2; r++) {
      matrix.add(header(truths[r]), 0, r + 1);
      for (int c = 0; c < 3; c++) {
        Label l = new Label("–");
        l.setId("confusion-" + truths[r] + "-" + verdicts[c]);
        l.getStyleClass().add("confusion-cell");
        boolean right = (r == 0 && c == 0) || (r == 1 && c == 2);
        l.getStyleClass().add(c == 1 ? "cell-review" : right ? "cell-right" : "cell-wrong");
        confusion[r][c] = l;
        matrix.add(l, c + 1, r + 1);
      }
    }
    binaryLine.setId("evaluate-binary");
    binaryLine.getStyleClass().add("muted");
    binaryLine.setWrapText(true);

    Button save = new Button("Save", Icons.of(MaterialDesignC.CONTENT_SAVE_OUTLINE));
    save.setId("evaluate-save-thresholds");
    save.disableProperty().bind(state.resultProperty().isNull().or(vm.thresholdsSavedProperty()));
    save.setOnAction(e -> vm.saveThresholds());
    save.setTooltip(new Tooltip("Save these thresholds into the model file"));
    Button reset = new Button("Reset", Icons.of(MaterialDesignR.RESTORE));
    reset.disableProperty().bind(state.resultProperty().isNull());
    reset.setOnAction(e -> vm.resetThresholds());
    reset.setTooltip(new Tooltip("Back to the thresholds the evaluation started with"));
    Button export = new Button("Report", Icons.of(MaterialDesignF.FILE_CHART_OUTLINE));
    export.setId("evaluate-export");
    export.disableProperty().bind(state.resultProperty().isNull());
    export.setOnAction(e -> exportReport());
    export.setTooltip(
        new Tooltip(
            "Export the HTML report (report.html, metrics.json, scores.csv) into a folder"));
    for (Button b : new Button[] {save, reset, export}) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    binaryLine.setMinHeight(Region.USE_PREF_SIZE);
    binaryLine.setMaxWidth(320);
    HBox buttons = new HBox(6, save, reset, export);
    VBox side = new VBox(8, fields, matrix, binaryLine, buttons);
    side.setPrefWidth(330);
    side.setMinWidth(300);
    side.setPadding(new Insets(6, 8, 6, 4));
    HBox box = new HBox(6, hist, side);
    box.setPadding(new Insets(4));
    return box;
  }

  private static Label header(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("muted");
    return l;
  }

  private javafx.stage.Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private void exportReport() {
    Path def = report.defaultReportFolder();
    FileDialogs.folder(window(), "Folder for the report", def == null ? null : def.getParent())
        .ifPresent(report::exportReport);
  }

  private static void parse(TextField f, DoubleConsumer target) {
    try {
      target.accept(Double.parseDouble(f.getText().strip()));
    } catch (NumberFormatException e) {
      f.getStyleClass().add(Styles.DANGER);
      return;
    }
    f.getStyleClass().remove(Styles.DANGER);
  }

  /** Shows thresholds {@code t} and their view {@code v} in the fields, matrix and charts. */
  void showThresholds(Thresholds t, ThresholdView v) {
    if (t != null) {
      if (!lowerField.isFocused()) {
        lowerField.setText(Thresholds.format(t.imageLower()));
      }
      if (!upperField.isFocused()) {
        upperField.setText(Thresholds.format(t.imageUpper()));
      }
      if (!pixelField.isFocused()) {
        pixelField.setText(Thresholds.format(t.pixelThreshold()));
      }
    }
    charts.setThresholds(t, v);
    if (v == null) {
      for (Label[] row : confusion) {
        for (Label l : row) {
          l.setText("–");
        }
      }
      binaryLine.setText(t == null ? "" : "No ground truth: only verdicts are shown.");
    } else {
      ReviewCounts c = v.review();
      int[][] n = {
        {c.goodOk(), c.goodReview(), c.goodNg()},
        {c.defectiveOk(), c.defectiveReview(), c.defectiveNg()}
      };
      for (int r = 0; r < 2; r++) {
        for (int k = 0; k < 3; k++) {
          confusion[r][k].setText(Integer.toString(n[r][k]));
        }
      }
      var ng = v.imageAtNg();
      binaryLine.setText(
          String.format(
              Locale.ROOT,
              "At NG: TP %d  FP %d  TN %d  FN %d · metrics in %.2f ms",
              ng.tp(),
              ng.fp(),
              ng.tn(),
              ng.fn(),
              vm.lastUpdateNanosProperty().get() / 1e6));
    }
  }
}
