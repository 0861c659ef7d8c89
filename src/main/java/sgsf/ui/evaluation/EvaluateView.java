package sgsf.ui.evaluation;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import sgsf.engine.metrics.ReviewCounts;
import sgsf.engine.metrics.ThresholdView;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;
import sgsf.ui.common.ImageViewer;

/**
 * The Evaluate section: model and data on top; the results table on the left; on the right the
 * selected image with its heatmap beside the raw map, and below the score histogram with the two
 * draggable thresholds, the confusion matrix of the review band, ROC and PR curves and every
 * metric.
 */
public final class EvaluateView {
  /** The stylesheet of the Evaluate, Neighbours and Review views. */
  public static final String STYLESHEET =
      java.util.Objects.requireNonNull(EvaluateView.class.getResource("/sgsf/ui/inspection.css"))
          .toExternalForm();

  private final EvaluateViewModel vm;
  private final BorderPane root = new BorderPane();
  private final EvaluationCharts charts;
  private final DetailPane detail;
  private final Label[][] confusion = new Label[2][3];
  private final Label binaryLine = new Label();
  private final TextField lowerField = new TextField();
  private final TextField upperField = new TextField();
  private final TextField pixelField = new TextField();
  private final TableView<ResultRow> table = new TableView<>();
  private long refreshPendingSince;
  private double lastRefreshMillis = Double.NaN;

  public EvaluateView(EvaluateViewModel vm, BooleanProperty darkTheme) {
    this.vm = vm;
    detail = new DetailPane(vm.detailPane());
    charts = new EvaluationCharts(darkTheme.get());
    darkTheme.addListener((o, a, dark) -> charts.setDark(dark));
    charts.onThresholdDrag(vm::setImageLower, vm::setImageUpper, v -> vm.setImageBand(v, v));
    root.getStyleClass().add("evaluate-view");
    root.getStylesheets().add(STYLESHEET);
    root.setTop(header());
    SplitPane split = new SplitPane(left(), right());
    split.setDividerPositions(0.35);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    root.setCenter(split);
    vm.state().resultProperty().addListener((o, a, r) -> charts.setResult(r));
    charts.setResult(vm.state().getResult());
    vm.thresholdViewProperty().addListener((o, a, v) -> scheduleThresholds());
    vm.thresholdsProperty().addListener((o, a, t) -> scheduleThresholds());
    thresholdsShown();
  }

  public Node node() {
    return root;
  }

  EvaluationCharts charts() {
    return charts;
  }

  // ------------------------------------------------------------------ header

  private Node header() {
    Label title = new Label("Evaluate");
    title.getStyleClass().add("section-title");
    Label status = new Label();
    status.setId("evaluate-status");
    status.getStyleClass().add("muted");
    status.textProperty().bind(vm.statusProperty());
    VBox titles = new VBox(2, title, status);

    ComboBox<Path> models = new ComboBox<>(vm.models());
    models.setId("evaluate-model");
    models.setPromptText("No model in this workspace");
    models.setPrefWidth(260);
    models.valueProperty().bindBidirectional(vm.modelFileProperty());
    models.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Path p) {
            return p == null ? "" : p.getFileName().toString();
          }

          @Override
          public Path fromString(String s) {
            return null;
          }
        });
    models.setTooltip(new Tooltip("Models in the workspace's models folder, newest first"));
    Button open = new Button(null, Icons.of(MaterialDesignF.FOLDER_OPEN_OUTLINE));
    open.setTooltip(new Tooltip("Open a model file…"));
    open.setOnAction(e -> chooseModel());
    Button refresh = new Button(null, Icons.of(MaterialDesignR.REFRESH));
    refresh.setTooltip(new Tooltip("List the workspace's models again"));
    refresh.setOnAction(e -> vm.refreshModels());

    ToggleGroup source = new ToggleGroup();
    RadioButton testSplit = new RadioButton("Test split");
    testSplit.setId("evaluate-source-test");
    RadioButton folder = new RadioButton("Folder…");
    folder.setId("evaluate-source-folder");
    testSplit.setToggleGroup(source);
    folder.setToggleGroup(source);
    testSplit.setSelected(vm.folderProperty().get() == null);
    folder.setSelected(vm.folderProperty().get() != null);
    testSplit.setOnAction(e -> vm.folderProperty().set(null));
    folder.setOnAction(
        e -> {
          FileDialogs.folder(window(), "Folder of images to evaluate", vm.folderProperty().get())
              .ifPresent(vm.folderProperty()::set);
          testSplit.setSelected(vm.folderProperty().get() == null);
          folder.setSelected(vm.folderProperty().get() != null);
        });
    Tooltip sourceTip = new Tooltip();
    sourceTip
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                vm::sourceDescription, vm.folderProperty(), vm.session().datasetProperty()));
    testSplit.setTooltip(sourceTip);
    folder.setTooltip(sourceTip);

    Button run = new Button("Run", Icons.of(MaterialDesignP.PLAY));
    run.setId("evaluate-run");
    run.getStyleClass().add(Styles.ACCENT);
    run.disableProperty().bind(vm.canRunProperty().not());
    run.setOnAction(e -> vm.run());
    Button cancel = new Button("Cancel", Icons.of(MaterialDesignS.STOP));
    cancel.setId("evaluate-cancel");
    cancel.getStyleClass().add(Styles.DANGER);
    cancel.disableProperty().bind(vm.runningProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    ProgressBar bar = new ProgressBar();
    bar.setId("evaluate-progress");
    bar.setPrefWidth(120);
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty().bind(vm.runningProperty());

    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    for (Button b : new Button[] {run, cancel}) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    status.setMinWidth(0);
    titles.setMinWidth(0);
    Button spark = SparkSubmitDialog.button(vm.modelFileProperty(), vm.folderProperty());
    HBox top = new HBox(8, titles, grow, bar, run, cancel, spark);
    top.setAlignment(Pos.CENTER_LEFT);
    Label sourceLabel = new Label();
    sourceLabel.getStyleClass().add("muted");
    sourceLabel.textProperty().bind(sourceTip.textProperty());
    HBox.setHgrow(sourceLabel, Priority.ALWAYS);
    sourceLabel.setMinWidth(80);
    HBox tools =
        new HBox(
            8,
            new Label("Model"),
            models,
            open,
            refresh,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            new Label("Data"),
            testSplit,
            folder,
            sourceLabel);
    tools.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, top, tools);
    box.getStyleClass().add("section-header");
    return box;
  }

  private void chooseModel() {
    Path current = vm.modelFileProperty().get();
    var f =
        FileDialogs.openFile(
            window(),
            "Open a model",
            current == null ? null : current.getParent(),
            FileDialogs.Filter.MODELS);
    if (f.isPresent()) {
      Path p = f.get();
      if (!vm.models().contains(p)) {
        vm.models().add(0, p);
      }
      vm.modelFileProperty().set(p);
    }
  }

  // ------------------------------------------------------------------ table

  private Node left() {
    TextField search = new TextField();
    search.setId("evaluate-search");
    search.setPromptText("Filter by name");
    search.textProperty().bindBidirectional(vm.filterTextProperty());
    HBox.setHgrow(search, Priority.ALWAYS);
    ChoiceBox<String> type = new ChoiceBox<>(vm.typeChoices());
    type.setId("evaluate-type-filter");
    type.valueProperty().bindBidirectional(vm.typeFilterProperty());
    ChoiceBox<Verdict> verdict = new ChoiceBox<>();
    verdict.setId("evaluate-verdict-filter");
    verdict.getItems().add(null);
    verdict.getItems().addAll(Verdict.values());
    verdict.valueProperty().bindBidirectional(vm.verdictFilterProperty());
    verdict.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Verdict v) {
            return v == null ? "All verdicts" : v.name();
          }

          @Override
          public Verdict fromString(String s) {
            return null;
          }
        });
    type.setMinWidth(Region.USE_PREF_SIZE);
    verdict.setMinWidth(Region.USE_PREF_SIZE);
    search.setMinWidth(60);
    HBox filters = new HBox(6, search, type, verdict);
    filters.setAlignment(Pos.CENTER_LEFT);

    table.setId("evaluate-table");
    table.getStyleClass().add(Styles.DENSE);
    TableColumn<ResultRow, String> name = new TableColumn<>("Image");
    name.setCellValueFactory(
        c -> new javafx.beans.property.SimpleStringProperty(c.getValue().name()));
    name.setPrefWidth(100);
    TableColumn<ResultRow, String> truth = new TableColumn<>("Truth");
    truth.setCellValueFactory(
        c -> new javafx.beans.property.SimpleStringProperty(c.getValue().groundTruth()));
    truth.setPrefWidth(70);
    // normalised so the NG threshold is 0.5; the raw score is in the caption of the selected image
    TableColumn<ResultRow, Number> score = new TableColumn<>("Score");
    score.setId("col-score");
    score.setCellValueFactory(c -> c.getValue().normalisedScoreProperty());
    score.setCellFactory(c -> new NumberCell("%.3f"));
    score.setPrefWidth(70);
    TableColumn<ResultRow, Verdict> verdictCol = new TableColumn<>("Verdict");
    verdictCol.setCellValueFactory(c -> c.getValue().verdictProperty());
    verdictCol.setCellFactory(c -> new VerdictCell());
    verdictCol.setPrefWidth(76);
    TableColumn<ResultRow, String> outcome = new TableColumn<>("Outcome");
    outcome.setCellValueFactory(
        c ->
            Bindings.createStringBinding(
                () -> c.getValue().outcome(), c.getValue().verdictProperty()));
    outcome.setPrefWidth(90);
    TableColumn<ResultRow, List<String>> warnings = new TableColumn<>();
    warnings.setId("col-warnings");
    warnings.setGraphic(Icons.of(MaterialDesignA.ALERT_OUTLINE));
    Tooltip.install(warnings.getGraphic(), new Tooltip("Image warnings (point at a row's icon)"));
    warnings.setCellValueFactory(
        c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue().result().warnings()));
    warnings.setCellFactory(c -> new WarningsCell());
    warnings.setComparator(java.util.Comparator.comparingInt(List::size));
    warnings.setPrefWidth(34);
    warnings.setMinWidth(34);
    warnings.setMaxWidth(34);
    List<TableColumn<ResultRow, ?>> cols =
        new ArrayList<>(List.of(warnings, name, truth, score, verdictCol, outcome));
    table.getColumns().setAll(cols);
    SortedList<ResultRow> sorted = new SortedList<>(vm.filteredRows());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table.setPlaceholder(new Label("Run an evaluation to see its results"));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, row) -> vm.selectedRowProperty().set(row));
    vm.selectedRowProperty()
        .addListener(
            (o, a, row) -> {
              if (row != table.getSelectionModel().getSelectedItem()) {
                if (row == null) {
                  table.getSelectionModel().clearSelection();
                } else {
                  table.getSelectionModel().select(row);
                  table.scrollTo(row);
                }
              }
            });
    VBox.setVgrow(table, Priority.ALWAYS);
    Label count = new Label();
    count.getStyleClass().add("muted");
    count
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> vm.filteredRows().size() + " of " + vm.rows().size() + " images",
                vm.filteredRows(),
                vm.rows()));
    VBox box = new VBox(6, filters, table, count);
    box.setPadding(new Insets(8));
    box.setMinWidth(300);
    return box;
  }

  /** A right-aligned number with a fixed format; empty for NaN. */
  static final class NumberCell extends TableCell<ResultRow, Number> {
    private final String format;

    NumberCell(String format) {
      this.format = format;
      getStyleClass().add("number-cell");
    }

    @Override
    protected void updateItem(Number v, boolean empty) {
      super.updateItem(v, empty);
      setText(
          empty || v == null || Double.isNaN(v.doubleValue())
              ? null
              : String.format(Locale.ROOT, format, v.doubleValue()));
    }
  }

  /**
   * A warning icon for an image whose score may mislead ({@link ImageResult#warnings()}), the
   * warnings in its tooltip; empty otherwise.
   */
  static final class WarningsCell extends TableCell<ResultRow, List<String>> {
    @Override
    protected void updateItem(List<String> w, boolean empty) {
      super.updateItem(w, empty);
      setText(null);
      if (empty || w == null || w.isEmpty()) {
        setGraphic(null);
        setTooltip(null);
        setAccessibleText(null);
        return;
      }
      var icon = Icons.of(MaterialDesignA.ALERT_OUTLINE);
      icon.getStyleClass().add("warning-icon");
      setGraphic(icon);
      setAlignment(Pos.CENTER);
      String text = String.join("\n", w);
      setTooltip(new Tooltip(text));
      setAccessibleText(text);
    }
  }

  /** Verdict text coloured OK green, REVIEW amber, NG red. */
  static final class VerdictCell extends TableCell<ResultRow, Verdict> {
    @Override
    protected void updateItem(Verdict v, boolean empty) {
      super.updateItem(v, empty);
      getStyleClass().removeAll("verdict-ok", "verdict-review", "verdict-ng");
      if (empty || v == null) {
        setText(null);
        return;
      }
      setText(v.name());
      getStyleClass().add("verdict-" + v.name().toLowerCase(Locale.ROOT));
    }
  }

  // ------------------------------------------------------------------ right side

  private Node right() {
    SplitPane split = new SplitPane(detail.node(), analysisTabs());
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(0.44);
    return split;
  }

  private Node analysisTabs() {
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
    group.setCellValueFactory(
        c -> new javafx.beans.property.SimpleStringProperty(c.getValue().group()));
    TableColumn<MetricLine, String> name = new TableColumn<>("Metric");
    name.setCellValueFactory(
        c -> new javafx.beans.property.SimpleStringProperty(c.getValue().name()));
    TableColumn<MetricLine, String> value = new TableColumn<>("Value");
    value.setCellValueFactory(
        c -> new javafx.beans.property.SimpleStringProperty(c.getValue().value()));
    TableColumn<MetricLine, String> note = new TableColumn<>("Note");
    note.setCellValueFactory(
        c -> new javafx.beans.property.SimpleStringProperty(c.getValue().note()));
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
    save.disableProperty()
        .bind(vm.state().resultProperty().isNull().or(vm.thresholdsSavedProperty()));
    save.setOnAction(e -> vm.saveThresholds());
    save.setTooltip(new Tooltip("Save these thresholds into the model file"));
    Button reset = new Button("Reset", Icons.of(MaterialDesignR.RESTORE));
    reset.disableProperty().bind(vm.state().resultProperty().isNull());
    reset.setOnAction(e -> vm.resetThresholds());
    reset.setTooltip(new Tooltip("Back to the thresholds the evaluation started with"));
    Button export = new Button("Report", Icons.of(MaterialDesignF.FILE_CHART_OUTLINE));
    export.setId("evaluate-export");
    export.disableProperty().bind(vm.state().resultProperty().isNull());
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
    Path def = vm.defaultReportFolder();
    FileDialogs.folder(window(), "Folder for the report", def == null ? null : def.getParent())
        .ifPresent(vm::exportReport);
  }

  private static void parse(TextField f, java.util.function.DoubleConsumer target) {
    try {
      target.accept(Double.parseDouble(f.getText().strip()));
    } catch (NumberFormatException e) {
      f.getStyleClass().add(Styles.DANGER);
      return;
    }
    f.getStyleClass().remove(Styles.DANGER);
  }

  /**
   * Coalesces the updates of one change (thresholds and view both fire) and of fast drags into one
   * refresh of fields, matrix, charts and overlays, run after the events already queued.
   */
  private void scheduleThresholds() {
    if (refreshPendingSince == 0) {
      refreshPendingSince = System.nanoTime();
      javafx.application.Platform.runLater(this::thresholdsShown);
    }
  }

  /** Time from a threshold change to the end of the refresh it caused, for the last change (ms). */
  double lastRefreshMillis() {
    return lastRefreshMillis;
  }

  private void thresholdsShown() {
    long since = refreshPendingSince;
    refreshPendingSince = 0;
    Thresholds t = vm.thresholdsProperty().get();
    ThresholdView v = vm.thresholdViewProperty().get();
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
    detail.thresholdsChanged();
    if (since != 0) {
      lastRefreshMillis = (System.nanoTime() - since) / 1e6;
    }
  }

  ImageViewer overlayViewer() {
    return detail.overlayViewer();
  }

  Label confusionCell(int truthRow, int verdictColumn) {
    return confusion[truthRow][verdictColumn];
  }

  TableView<ResultRow> table() {
    return table;
  }
}
