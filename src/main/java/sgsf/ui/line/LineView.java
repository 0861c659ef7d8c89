package sgsf.ui.line;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;
import sgsf.ui.common.ImageViewer;

/**
 * The Line section: set-up row (model, source, sinks, REVIEW/NG only, Start/Stop), the latest image
 * with its heatmap beside its verdict in large type and the counters, the last REVIEW/NG images
 * (click one to show it large), throughput and latency charts and the sinks' health.
 */
public final class LineView {
  private final LineViewModel vm;
  private final BorderPane root = new BorderPane();
  // held here: a bidirectional binding keeps only weak references to an asObject() wrapper
  private final javafx.beans.property.ObjectProperty<Integer> captureEveryObject;

  public LineView(LineViewModel vm) {
    this.vm = vm;
    this.captureEveryObject = vm.captureEveryProperty().asObject();
    root.setId("line-view");
    root.setPadding(new Insets(10));
    root.setTop(setup());
    root.setCenter(live());
    root.setBottom(strip());
  }

  public Node node() {
    return root;
  }

  private Node setup() {
    TextField model = new TextField();
    model.setId("line-model");
    model.setPromptText("model.zip");
    model.textProperty().bindBidirectional(vm.modelProperty());
    Button browse = new Button(null, Icons.of(MaterialDesignF.FOLDER_OPEN));
    browse.setTooltip(new Tooltip("Choose the model"));
    browse.setOnAction(
        e -> {
          FileDialogs.openFile(
                  root.getScene().getWindow(), "Model", null, FileDialogs.Filter.MODELS)
              .ifPresent(f -> vm.modelProperty().set(f.toAbsolutePath().toString()));
        });
    TextField source = new TextField();
    source.setId("line-source");
    source.setPromptText("folder:DIR  video:FILE  camera:0  url:http://…");
    source.textProperty().bindBidirectional(vm.sourceProperty());
    TextArea sinks = new TextArea();
    sinks.setId("line-sinks");
    sinks.setPrefRowCount(3);
    sinks.setPromptText(
        "one sink per line: folder:DIR  mqtt://HOST:PORT/TOPIC  https://…  review\n"
            + "options after #: only=review,ng;rate=5;images=overlay,map");
    sinks.textProperty().bindBidirectional(vm.sinksProperty());
    CheckBox only = new CheckBox("Only REVIEW and NG");
    only.selectedProperty().bindBidirectional(vm.attentionOnlyProperty());
    Button start = new Button("Start", Icons.of(MaterialDesignP.PLAY));
    start.setId("line-start");
    start.getStyleClass().add(Styles.SUCCESS);
    start.setDefaultButton(false);
    start.setOnAction(e -> vm.start());
    start.disableProperty().bind(vm.runningProperty());
    Button stop = new Button("Stop", Icons.of(MaterialDesignS.STOP));
    stop.setId("line-stop");
    stop.getStyleClass().add(Styles.DANGER);
    stop.setOnAction(e -> vm.stop());
    stop.disableProperty().bind(vm.runningProperty().not());
    for (javafx.scene.control.Control c :
        new javafx.scene.control.Control[] {model, source, sinks, only, browse}) {
      c.disableProperty().bind(vm.runningProperty());
    }
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.add(new Label("Model"), 0, 0);
    g.add(new HBox(4, model, browse), 1, 0);
    HBox.setHgrow(model, Priority.ALWAYS);
    g.add(new Label("Source"), 0, 1);
    g.add(source, 1, 1);
    g.add(new Label("Sinks"), 2, 0);
    g.add(sinks, 3, 0, 1, 2);
    VBox buttons = new VBox(6, new HBox(6, start, stop), only);
    g.add(buttons, 4, 0, 1, 2);
    ColumnConstraints grow = new ColumnConstraints();
    grow.setHgrow(Priority.ALWAYS);
    g.getColumnConstraints()
        .addAll(
            new ColumnConstraints(), grow, new ColumnConstraints(), grow, new ColumnConstraints());
    TextField captureFolder = new TextField();
    captureFolder.setId("line-capture-folder");
    captureFolder.setPrefColumnCount(22);
    captureFolder.textProperty().bindBidirectional(vm.captureFolderProperty());
    captureFolder.disableProperty().bind(vm.runningProperty());
    javafx.scene.control.Spinner<Integer> every = new javafx.scene.control.Spinner<>(0, 10_000, 0);
    every.setId("line-capture-every");
    every.setPrefWidth(90);
    every.setEditable(true);
    every.getValueFactory().valueProperty().bindBidirectional(captureEveryObject);
    every.disableProperty().bind(vm.runningProperty());
    Button saveCurrent = new Button("Capture current", Icons.of(MaterialDesignC.CAMERA));
    saveCurrent.setId("line-capture-now");
    saveCurrent.disableProperty().bind(vm.runningProperty().not());
    saveCurrent.setOnAction(e -> vm.saveCurrent());
    Label everyHint =
        new Label("(0: only \"Capture current\"; with no model the line only captures)");
    everyHint.getStyleClass().add(Styles.TEXT_MUTED);
    HBox captureRow =
        new HBox(
            8,
            new Label("Capture into"),
            captureFolder,
            new Label("every"),
            every,
            everyHint,
            saveCurrent);
    captureRow.setAlignment(Pos.CENTER_LEFT);
    Label status = new Label();
    status.setId("line-status");
    status.textProperty().bind(vm.statusProperty());
    status.getStyleClass().add(Styles.TEXT_MUTED);
    VBox top = new VBox(6, g, captureRow, status);
    top.setPadding(new Insets(0, 0, 10, 0));
    return top;
  }

  private Node live() {
    ImageViewer viewer = new ImageViewer();
    viewer.setId("line-latest");
    viewer.emptyTextProperty().set("The latest image appears here.");
    viewer.imageProperty().bind(vm.latestProperty());
    vm.latestProperty().addListener((o, a, b) -> viewer.fit());
    viewer.setMinSize(200, 200);

    Label verdict = new Label();
    verdict.setId("line-verdict");
    verdict.textProperty().bind(vm.verdictProperty());
    verdict.setFont(Font.font(null, FontWeight.BOLD, 72));
    verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    verdict
        .textFillProperty()
        .bind(
            Bindings.createObjectBinding(
                () -> colour(vm.verdictProperty().get()), vm.verdictProperty()));
    Label caption = new Label();
    caption.textProperty().bind(vm.latestCaptionProperty());
    caption.setWrapText(true);

    GridPane counters = new GridPane();
    counters.setHgap(16);
    counters.setVgap(2);
    counters.setId("line-counters");
    addCounter(counters, 0, "images", Bindings.convert(vm.imagesProperty()), null);
    addCounter(counters, 1, "OK", Bindings.convert(vm.okProperty()), colour("OK"));
    addCounter(counters, 2, "REVIEW", Bindings.convert(vm.reviewProperty()), colour("REVIEW"));
    addCounter(counters, 3, "NG", Bindings.convert(vm.ngProperty()), colour("NG"));
    addCounter(counters, 4, "errors", Bindings.convert(vm.errorsProperty()), null);
    addCounter(
        counters,
        5,
        "images/s",
        Bindings.createStringBinding(
            () -> String.format(Locale.ROOT, "%.1f", vm.rateProperty().get()), vm.rateProperty()),
        null);
    addCounter(
        counters,
        6,
        "p95 latency",
        Bindings.createStringBinding(
            () ->
                Double.isNaN(vm.p95Property().get())
                    ? "–"
                    : Math.round(vm.p95Property().get()) + " ms",
            vm.p95Property()),
        null);

    NumberAxis x = new NumberAxis();
    x.setLabel("seconds since start");
    x.setForceZeroInRange(false);
    NumberAxis y = new NumberAxis();
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setId("line-chart");
    chart.setCreateSymbols(false);
    chart.setAnimated(false);
    chart.setTitle(null); // the legend names both series: room for it in the line's height
    chart.getData().add(vm.rateSeries());
    chart.getData().add(vm.latencySeries());
    chart.setPrefHeight(150);
    chart.setMinHeight(140);
    chart.setLegendVisible(true);
    chart.setLegendSide(javafx.geometry.Side.RIGHT); // beside the plot: the height is scarce

    TableView<LineViewModel.SinkRow> table = new TableView<>(vm.sinkRows());
    table.setId("line-sinks-table");
    table.setPlaceholder(new Label("Sinks appear here once the line runs."));
    table.getColumns().add(column("Sink", LineViewModel.SinkRow::sink, 150));
    table.getColumns().add(fixed(column("State", LineViewModel.SinkRow::state, 90)));
    table.getColumns().add(fixed(column("Queued", r -> Integer.toString(r.queued()), 90)));
    table.getColumns().add(fixed(column("Delivered", r -> Long.toString(r.delivered()), 105)));
    table.getColumns().add(column("Last error", LineViewModel.SinkRow::lastError, 120));
    table.setFixedCellSize(28);
    table.setPrefHeight(120);
    table.setMinHeight(100); // the header and two sinks
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    VBox right = new VBox(6, verdict, caption, counters, chart, table);
    right.setPadding(new Insets(0, 0, 0, 12));
    right.setPrefWidth(560);
    right.setMinWidth(420);
    VBox.setVgrow(table, Priority.ALWAYS);
    HBox center = new HBox(viewer, right);
    HBox.setHgrow(viewer, Priority.ALWAYS);
    return center;
  }

  private static void addCounter(
      GridPane g,
      int col,
      String name,
      javafx.beans.value.ObservableValue<String> value,
      Color colour) {
    Label v = new Label();
    v.textProperty().bind(value);
    v.setFont(Font.font(null, FontWeight.BOLD, 28));
    v.setId("line-count-" + name.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT));
    if (colour != null) {
      v.setTextFill(colour);
    }
    Label n = new Label(name);
    n.getStyleClass().add(Styles.TEXT_MUTED);
    g.add(v, col, 0);
    g.add(n, col, 1);
  }

  private static TableColumn<LineViewModel.SinkRow, String> column(
      String title,
      java.util.function.Function<LineViewModel.SinkRow, String> value,
      double width) {
    TableColumn<LineViewModel.SinkRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(
        d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setMinWidth(Math.min(width, 70));
    return c;
  }

  /** A column that keeps its width (its title and values are short). */
  private static TableColumn<LineViewModel.SinkRow, String> fixed(
      TableColumn<LineViewModel.SinkRow, String> c) {
    c.setMinWidth(c.getPrefWidth());
    return c;
  }

  private Node strip() {
    HBox box = new HBox(8);
    box.setId("line-strip");
    box.setPadding(new Insets(6));
    box.setAlignment(Pos.CENTER_LEFT);
    Label empty =
        new Label(
            "The last REVIEW and NG images appear here: click to show one, double-click to review it.");
    empty.getStyleClass().add(Styles.TEXT_MUTED);
    Runnable rebuild =
        () -> {
          box.getChildren().clear();
          if (vm.strip().isEmpty()) {
            box.getChildren().add(empty);
          }
          for (LineViewModel.StripItem item : vm.strip()) {
            ImageView iv = new ImageView(item.thumbnail());
            iv.setPreserveRatio(true);
            iv.setFitHeight(80);
            StackPane tile = new StackPane(iv);
            tile.setPadding(new Insets(3));
            tile.setStyle(
                "-fx-background-color: "
                    + web(colour(item.result().verdict()))
                    + "; -fx-background-radius: 4; -fx-cursor: hand;");
            Tooltip.install(
                tile,
                new Tooltip(
                    item.result().verdict()
                        + "  #"
                        + item.result().seq()
                        + "\n"
                        + item.result().source()
                        + "\nDouble-click to review it"));
            tile.setOnMouseClicked(
                e -> {
                  if (e.getClickCount() == 2) {
                    vm.openInReview(item);
                  } else {
                    vm.show(item);
                  }
                });
            box.getChildren().add(tile);
          }
        };
    vm.strip()
        .addListener(
            (javafx.collections.ListChangeListener<LineViewModel.StripItem>) c -> rebuild.run());
    rebuild.run();
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToHeight(true);
    scroll.setPrefHeight(104);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    Label title = new Label("Last REVIEW / NG");
    title.getStyleClass().add(Styles.TEXT_BOLD);
    VBox v = new VBox(4, title, scroll);
    v.setPadding(new Insets(10, 0, 0, 0));
    return v;
  }

  private static Color colour(String verdict) {
    if (verdict == null) {
      return Color.GRAY;
    }
    return switch (verdict) {
      case "OK" -> Color.web("#1a7f37");
      case "REVIEW" -> Color.web("#bf8700");
      case "NG" -> Color.web("#cf222e");
      default -> Color.GRAY;
    };
  }

  private static String web(Color c) {
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(c.getRed() * 255),
        Math.round(c.getGreen() * 255),
        Math.round(c.getBlue() * 255));
  }
}
