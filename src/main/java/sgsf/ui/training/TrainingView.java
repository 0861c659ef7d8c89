package sgsf.ui.training;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.train.IterationStats;
import sgsf.ui.common.Icons;
import sgsf.ui.concurrent.FxStallMonitor;

/**
 * The training section: the configuration form with its validation messages and the run's
 * checkpoints on the left; progress, live charts and the current batch on the right. An FX stall
 * monitor runs while training and logs the longest pause of the FX thread.
 */
public final class TrainingView {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingView.class);
  static final double PREVIEW_SIZE = 92;
  private final TrainingViewModel vm;
  private final BorderPane root = new BorderPane();
  private final TrainingCharts charts;
  private final FxStallMonitor stallMonitor = new FxStallMonitor("training");
  private final GridPane previewGrid = new GridPane();
  private double lastMaxStallMillis = Double.NaN;

  /** Chart points wait here and are drawn at most four times a second. */
  private final List<IterationStats> pendingChart = new ArrayList<>();

  private final javafx.animation.PauseTransition chartTimer =
      new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));

  public TrainingView(TrainingViewModel vm, BooleanProperty darkTheme) {
    this.vm = vm;
    charts = new TrainingCharts(darkTheme.get());
    darkTheme.addListener((o, a, dark) -> charts.setDark(dark));
    root.getStyleClass().add("training-view");
    root.setTop(header());
    SplitPane split = new SplitPane(left(), right());
    split.setDividerPositions(0.29);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    root.setCenter(split);
    vm.history()
        .addListener(
            (ListChangeListener<IterationStats>)
                c -> {
                  List<IterationStats> added = new ArrayList<>();
                  boolean cleared = false;
                  while (c.next()) {
                    if (c.wasRemoved()) {
                      cleared = true;
                    }
                    if (c.wasAdded()) {
                      added.addAll(c.getAddedSubList());
                    }
                  }
                  if (cleared) {
                    charts.clear();
                    pendingChart.clear();
                  }
                  pendingChart.addAll(added);
                  if (!chartTimer.getStatus().equals(javafx.animation.Animation.Status.RUNNING)) {
                    chartTimer.playFromStart();
                  }
                });
    chartTimer.setOnFinished(
        e -> {
          charts.append(new ArrayList<>(pendingChart));
          pendingChart.clear();
        });
    vm.stateProperty()
        .addListener(
            (o, a, s) -> {
              if (s.isActive() && !stallMonitor.isRunning()) {
                stallMonitor.start();
              } else if (!s.isActive() && stallMonitor.isRunning()) {
                stallMonitor.stop();
                lastMaxStallMillis = stallMonitor.maxStallMillis();
              }
            });
    vm.previewProperty().addListener((o, a, p) -> showPreview(p));
    showPreview(null);
  }

  public Node node() {
    return root;
  }

  /** The longest FX-thread pause measured during the last finished run (ms), NaN before. */
  public double lastMaxStallMillis() {
    return lastMaxStallMillis;
  }

  FxStallMonitor stallMonitor() {
    return stallMonitor;
  }

  TrainingCharts charts() {
    return charts;
  }

  private Node header() {
    Label title = new Label("Train");
    title.getStyleClass().add("section-title");
    Label status = new Label();
    status.setId("training-state");
    status.getStyleClass().add("muted");
    status
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  String s = vm.stateProperty().get().label();
                  String b = vm.backendTextProperty().get();
                  return b.isEmpty() ? s : s + " — " + b;
                },
                vm.stateProperty(),
                vm.backendTextProperty()));
    VBox titles = new VBox(2, title, status);

    Button start = new Button("Start", Icons.of(MaterialDesignP.PLAY));
    start.setId("train-start");
    start.getStyleClass().add(Styles.ACCENT);
    start.disableProperty().bind(vm.canStartProperty().not());
    start.setOnAction(e -> vm.start());
    Tooltip startTip = new Tooltip();
    startTip
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  String why = vm.startBlockedReason();
                  return why == null ? "Start training (Ctrl+Enter)" : why;
                },
                vm.canStartProperty()));
    start.setTooltip(startTip);
    Button pause = new Button("Pause", Icons.of(MaterialDesignP.PAUSE));
    pause.setId("train-pause");
    pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.RUNNING));
    pause.setOnAction(e -> vm.pause());
    pause.setTooltip(new Tooltip("Pause after the current iteration (Ctrl+P)"));
    Button resume = new Button("Resume", Icons.of(MaterialDesignP.PLAY_PAUSE));
    resume.setId("train-resume");
    resume.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.PAUSED));
    resume.setOnAction(e -> vm.resume());
    Button cancel = new Button("Cancel", Icons.of(MaterialDesignS.STOP));
    cancel.setId("train-cancel");
    cancel.getStyleClass().add(Styles.DANGER);
    cancel
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    !vm.stateProperty().get().isActive()
                        || vm.stateProperty().get() == RunState.CANCELLING,
                vm.stateProperty()));
    cancel.setOnAction(e -> vm.cancel());
    cancel.setTooltip(
        new Tooltip("Stop within one iteration; the last checkpoint stays resumable"));
    root.sceneProperty()
        .addListener(
            (o, a, scene) -> {
              if (scene != null) {
                scene
                    .getAccelerators()
                    .put(
                        new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                        () -> {
                          if (root.getParent() != null && vm.canStartProperty().get()) {
                            vm.start();
                          }
                        });
                scene
                    .getAccelerators()
                    .put(
                        new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                        () -> {
                          if (root.getParent() == null) {
                            return;
                          }
                          if (vm.stateProperty().get() == RunState.RUNNING) {
                            vm.pause();
                          } else if (vm.stateProperty().get() == RunState.PAUSED) {
                            vm.resume();
                          }
                        });
              }
            });
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, titles, spacer, start, pause, resume, cancel);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("section-header");
    return bar;
  }

  private Node left() {
    TrainingForm f = vm.form();
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setFillWidth(true);
    grid.getColumnConstraints().addAll(labels, fields);
    int row = 0;
    ChoiceBox<String> preset = new ChoiceBox<>();
    preset.getItems().setAll(TrainingForm.PRESETS);
    preset.valueProperty().bindBidirectional(f.presetProperty());
    preset.setId("form-preset");
    preset.setMaxWidth(Double.MAX_VALUE);
    preset.setTooltip(
        new Tooltip(
            "lite: 128×128, width 16 (CPU laptops)\n"
                + "standard: 256×256, width 32 (CPU workstations)\n"
                + "paper: 256×256, width 64 (GPU)\n"
                + "custom: your own input size and width"));
    grid.addRow(row++, label("Preset"), preset);
    TextField size =
        field(f.inputSizeProperty(), "form-size", "Square input side in pixels, a multiple of 16");
    TextField width =
        field(
            f.baseWidthProperty(),
            "form-width",
            "Channels at the first scale (doubling per scale)");
    size.setPrefColumnCount(4);
    width.setPrefColumnCount(3);
    Label times = new Label("width");
    times.setMinWidth(Region.USE_PREF_SIZE);
    HBox sizeRow = new HBox(6, size, times, width);
    sizeRow.setAlignment(Pos.CENTER_LEFT);
    grid.addRow(row++, label("Input size"), sizeRow);
    ChoiceBox<GuidanceMode> guidance = new ChoiceBox<>();
    guidance.setId("form-guidance");
    guidance.getItems().setAll(GuidanceMode.values());
    guidance.valueProperty().bindBidirectional(f.guidanceProperty());
    guidance.setMaxWidth(Double.MAX_VALUE);
    guidance.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(GuidanceMode m) {
            return m == null
                ? ""
                : m.name().charAt(0) + m.name().substring(1).toLowerCase(java.util.Locale.ROOT);
          }

          @Override
          public GuidanceMode fromString(String s) {
            return GuidanceMode.valueOf(s.toUpperCase(java.util.Locale.ROOT));
          }
        });
    Label guidanceHint = new Label();
    guidanceHint.setId("form-guidance-hint");
    guidanceHint.getStyleClass().add("hint");
    guidanceHint.setWrapText(true);
    guidanceHint
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> f.guidanceProperty().get() == null ? "" : f.guidanceProperty().get().hint(),
                f.guidanceProperty()));
    StringBuilder allHints = new StringBuilder();
    for (GuidanceMode m : GuidanceMode.values()) {
      allHints.append(allHints.length() == 0 ? "" : "\n").append(m).append(": ").append(m.hint());
    }
    guidance.setTooltip(new Tooltip(allHints.toString()));
    grid.addRow(row++, label("Guidance"), guidance);
    grid.add(guidanceHint, 1, row++);
    ChoiceBox<ForgeConfig.Strategy> strategy = new ChoiceBox<>();
    strategy.setId("form-strategy");
    strategy.getItems().setAll(ForgeConfig.Strategy.values());
    strategy.valueProperty().bindBidirectional(vm.strategyProperty());
    strategy.setMaxWidth(Double.MAX_VALUE);
    strategy.setTooltip(
        new Tooltip(
            "How anomalies are forged; the other forging parameters are those set in Forge"));
    grid.addRow(row++, label("Forging"), strategy);
    CheckBox flip = new CheckBox("Flip and turn");
    flip.setId("form-flip-good");
    flip.selectedProperty().bindBidirectional(f.flipGoodProperty());
    flip.setTooltip(
        new Tooltip(
            "Each training image is mirrored and turned by a multiple of 90° at random:"
                + " more variety for textures, where orientation means nothing; off for objects"));
    grid.addRow(row++, label("Augment"), flip);

    ToggleGroup budget = new ToggleGroup();
    RadioButton byIterations = new RadioButton("Iterations");
    RadioButton byMinutes = new RadioButton("Minutes");
    byIterations.setToggleGroup(budget);
    byMinutes.setToggleGroup(budget);
    byMinutes.setId("form-budget-minutes");
    byMinutes.setMinWidth(Region.USE_PREF_SIZE);
    byIterations.setMinWidth(Region.USE_PREF_SIZE);
    byMinutes.setSelected(f.timeBudgetProperty().get());
    byIterations.setSelected(!f.timeBudgetProperty().get());
    byMinutes.selectedProperty().bindBidirectional(f.timeBudgetProperty());
    f.timeBudgetProperty().addListener((o, a, b) -> byIterations.setSelected(!b));
    grid.addRow(row++, label("Budget"), new HBox(12, byIterations, byMinutes));
    grid.addRow(
        row++,
        label("Iterations"),
        field(
            f.iterationsProperty(),
            "form-iterations",
            "Main-phase iterations (upper bound under a time budget)"));
    TextField minutes =
        field(f.minutesProperty(), "form-minutes", "Wall-clock budget for the whole run");
    minutes.disableProperty().bind(f.timeBudgetProperty().not());
    grid.addRow(row++, label("Minutes"), minutes);
    grid.addRow(
        row++,
        label("Warm-up"),
        field(
            f.warmupProperty(),
            "form-warmup",
            "Autoencoder-only iterations before the contrast sets"));
    grid.addRow(
        row++,
        label("Batch size"),
        field(f.batchSizeProperty(), "form-batch", "Images per batch (the paper: 16)"));
    grid.addRow(
        row++,
        label("Learning rate"),
        field(
            f.learningRateProperty(),
            "form-lr",
            "Adam's rate (the paper: 1e-4); ×0.1 at 50/70/90 %"));
    grid.addRow(
        row++,
        label("Lambda λ"),
        field(
            f.lambdaProperty(),
            "form-lambda",
            "Weight of L_self in L = λ·L_self + L_seg (the paper: 1)"));
    grid.addRow(
        row++,
        label("Contrast set n"),
        field(
            f.contrastSetSizeProperty(),
            "form-contrast",
            "Most similar good images per image, Eq. (4) (best: 4)"));
    grid.addRow(
        row++,
        label("Checkpoint every"),
        field(
            f.checkpointEveryProperty(),
            "form-checkpoint",
            "Iterations between checkpoints (0: only at the end)"));
    grid.addRow(
        row++,
        label("Seed"),
        field(f.seedProperty(), "form-seed", "Seed of everything random in the run"));
    grid.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> vm.stateProperty().get().isActive(), vm.stateProperty()));

    Label problems = new Label();
    problems.setId("form-problems");
    problems.getStyleClass().add("validation-message");
    problems.setWrapText(true);
    problems
        .textProperty()
        .bind(Bindings.createStringBinding(() -> String.join("\n", f.problems()), f.problems()));
    problems.visibleProperty().bind(Bindings.isNotEmpty(f.problems()));
    problems.managedProperty().bind(problems.visibleProperty());

    Label ckTitle = new Label("Checkpoints");
    ckTitle.getStyleClass().add(Styles.TEXT_BOLD);
    ListView<CheckpointEntry> list = new ListView<>(vm.checkpoints());
    list.setId("checkpoint-list");
    list.setPlaceholder(new Label("No checkpoint yet in this run"));
    list.setPrefHeight(130);
    list.getStyleClass().add(Styles.DENSE);
    Button resumeFrom = new Button("Resume from checkpoint", Icons.of(MaterialDesignR.RESTORE));
    resumeFrom.setId("checkpoint-resume");
    resumeFrom.setMaxWidth(Double.MAX_VALUE);
    resumeFrom
        .disableProperty()
        .bind(
            list.getSelectionModel()
                .selectedItemProperty()
                .isNull()
                .or(vm.canStartProperty().not()));
    resumeFrom.setOnAction(e -> vm.resumeFrom(list.getSelectionModel().getSelectedItem()));
    Label model = new Label();
    model.setId("saved-model");
    model.setWrapText(true);
    model.getStyleClass().add("muted");
    model
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.savedModelProperty().get() == null
                        ? ""
                        : "Saved model: " + vm.savedModelProperty().get(),
                vm.savedModelProperty()));
    VBox box = new VBox(10, grid, problems, ckTitle, list, resumeFrom, model);
    box.setPadding(new Insets(10));
    list.setMinHeight(110);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setMinWidth(300);
    scroll.setPrefWidth(360);
    return scroll;
  }

  private static Label label(String s) {
    Label l = new Label(s);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private static TextField field(javafx.beans.property.StringProperty p, String id, String tip) {
    TextField t = new TextField();
    t.setId(id);
    t.textProperty().bindBidirectional(p);
    t.setTooltip(new Tooltip(tip));
    t.setPrefColumnCount(8);
    return t;
  }

  private Node right() {
    ProgressBar bar = new ProgressBar();
    bar.setId("train-progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> vm.stateProperty().get() != RunState.IDLE, vm.stateProperty()));
    Label progress = new Label();
    progress.setId("train-progress-text");
    progress.textProperty().bind(vm.progressTextProperty());
    Label eta = new Label();
    eta.setId("train-eta");
    eta.getStyleClass().add("muted");
    eta.textProperty().bind(vm.etaTextProperty());
    Label phase = new Label();
    phase.setId("train-phase");
    phase.getStyleClass().add("muted");
    phase.textProperty().bind(vm.phaseTextProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    progress.setMinWidth(Region.USE_PREF_SIZE);
    eta.setMinWidth(Region.USE_PREF_SIZE);
    HBox line = new HBox(12, progress, spacer, eta);
    line.setAlignment(Pos.CENTER_LEFT);
    VBox lines = new VBox(2, line, phase);
    Label outcome = new Label();
    outcome.setId("train-outcome");
    outcome.setWrapText(true);
    outcome.textProperty().bind(vm.outcomeTextProperty());
    outcome.visibleProperty().bind(vm.outcomeTextProperty().isNotEmpty());
    outcome.managedProperty().bind(outcome.visibleProperty());

    HBox chartBox = new HBox(8, charts.lossViewer(), charts.speedViewer());
    HBox.setHgrow(charts.lossViewer(), Priority.ALWAYS);
    HBox.setHgrow(charts.speedViewer(), Priority.ALWAYS);
    chartBox.setMinHeight(160);
    chartBox.setPrefHeight(250);
    VBox.setVgrow(chartBox, Priority.ALWAYS);

    Label previewTitle = new Label();
    previewTitle.getStyleClass().add(Styles.TEXT_BOLD);
    previewTitle
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.previewProperty().get() == null
                        ? "Current batch"
                        : "Current batch — iteration " + vm.previewProperty().get().iteration(),
                vm.previewProperty()));
    previewGrid.setId("train-preview");
    previewGrid.setHgap(6);
    previewGrid.setVgap(6);
    VBox previewBox = new VBox(6, previewTitle, previewGrid);
    VBox box = new VBox(8, bar, lines, outcome, chartBox, previewBox);
    box.setPadding(new Insets(10));
    return box;
  }

  private void showPreview(PreviewImages p) {
    previewGrid.getChildren().clear();
    String[] rows = {"Forged input", "Mask M", "Prediction"};
    for (int r = 0; r < rows.length; r++) {
      Label l = new Label(rows[r]);
      l.getStyleClass().add("muted");
      l.setMinWidth(Region.USE_PREF_SIZE);
      previewGrid.add(l, 0, r);
    }
    int n = p == null ? 4 : p.size();
    for (int i = 0; i < n; i++) {
      previewGrid.add(tile(p == null ? null : p.inputs().get(i)), i + 1, 0);
      previewGrid.add(tile(p == null ? null : p.masks().get(i)), i + 1, 1);
      previewGrid.add(tile(p == null ? null : p.predictions().get(i)), i + 1, 2);
    }
  }

  private static Node tile(Image img) {
    ImageView v = new ImageView(img);
    v.setFitWidth(PREVIEW_SIZE);
    v.setFitHeight(PREVIEW_SIZE);
    v.setPreserveRatio(true);
    StackPane frame = new StackPane(v);
    frame.getStyleClass().add("preview-tile");
    frame.setMinSize(PREVIEW_SIZE, PREVIEW_SIZE);
    frame.setPrefSize(PREVIEW_SIZE, PREVIEW_SIZE);
    return frame;
  }

  void logStall() {
    LOG.info("max FX stall during the last run: {} ms", lastMaxStallMillis);
  }
}
