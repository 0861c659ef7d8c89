package sgsf.ui.review;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import sgsf.engine.image.FloatImage;
import sgsf.engine.metrics.Thresholds;
import sgsf.io.review.Review;
import sgsf.io.review.ReviewHistoryEntry;
import sgsf.io.review.ReviewVerdict;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;
import sgsf.ui.evaluation.EvaluateView;
import sgsf.ui.evaluation.HeatLayers;

/**
 * The Review section: the queue with progress on the left, the image with the editable defect mask
 * in the middle, verdict, tools, type, note and history on the right. Keyboard: Right/N next,
 * Left/P previous, 1/2/3 verdict (saved at once, then next), B brush, E eraser, [ and ] brush size,
 * Ctrl+Z undo, Ctrl+S save, H heatmap on/off.
 */
public final class ReviewView {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final ReviewViewModel vm;
  private final BorderPane root = new BorderPane();
  private final MaskEditor editor;
  private final ListView<ReviewQueue.Item> list = new ListView<>();
  private final ToggleGroup verdictGroup = new ToggleGroup();
  private final ToggleGroup toolGroup = new ToggleGroup();
  private final CheckBox showHeatmap = new CheckBox("Heatmap");
  private final Label caption = new Label();

  public ReviewView(ReviewViewModel vm) {
    this.vm = vm;
    editor = new MaskEditor(vm);
    root.getStyleClass().add("review-view");
    root.getStylesheets().add(EvaluateView.STYLESHEET);
    root.setTop(header());
    SplitPane split = new SplitPane(queuePane(), center(), side());
    split.setDividerPositions(0.24, 0.74);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    SplitPane.setResizableWithParent(split.getItems().get(2), false);
    root.setCenter(split);
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    root.sceneProperty()
        .addListener(
            (o, a, scene) -> {
              if (scene != null) {
                vm.activate();
                javafx.application.Platform.runLater(editor::requestFocus);
              }
            });
    editor.setFocusTraversable(true);
    editor.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> editor.requestFocus());
    vm.loadedProperty().addListener((o, a, v) -> showLoaded());
    showHeatmap.selectedProperty().addListener((o, a, b) -> showLoaded());
    vm.currentProperty().addListener((o, a, c) -> caption());
    vm.currentProperty().addListener((o, a, c) -> list.refresh());
    vm.reviews()
        .addListener((javafx.collections.MapChangeListener<String, Review>) c -> list.refresh());
    showLoaded();
    if (vm.indexProperty().get() >= 0) {
      list.getSelectionModel().select(vm.indexProperty().get());
    }
  }

  public Node node() {
    return root;
  }

  MaskEditor editor() {
    return editor;
  }

  // ---------------------------------------------------------------- header

  private Node header() {
    Label title = new Label("Review");
    title.getStyleClass().add("section-title");
    Label hint =
        new Label(
            "→/N next · ←/P previous · 1 true defect · 2 false alarm · 3 unsure · B brush · E"
                + " eraser · [ ] size · Ctrl+Z undo · H heatmap");
    hint.getStyleClass().add("key-hint");
    hint.setMinWidth(0);
    VBox titles = new VBox(2, title, hint);
    titles.setMinWidth(0);
    HBox.setHgrow(titles, Priority.ALWAYS);

    Label progress = new Label();
    progress.setId("review-progress");
    progress.getStyleClass().add("review-progress-label");
    progress.textProperty().bind(vm.progressTextProperty());
    progress.setMinWidth(Region.USE_PREF_SIZE);
    ProgressBar bar = new ProgressBar();
    bar.setPrefWidth(140);
    bar.progressProperty()
        .bind(
            Bindings.createDoubleBinding(
                () ->
                    vm.queue().isEmpty()
                        ? 0
                        : vm.reviewedInQueueProperty().get() / (double) vm.queue().size(),
                vm.reviewedInQueueProperty(),
                vm.queue()));
    TextField who = new TextField();
    who.setId("review-reviewer");
    who.setPrefColumnCount(9);
    who.textProperty().bindBidirectional(vm.reviewerProperty());
    who.setTooltip(new Tooltip("Reviewer name stored with each review"));
    MenuButton export = new MenuButton("Export", Icons.of(MaterialDesignE.EXPORT));
    export.setId("review-export");
    MenuItem csv = new MenuItem("Reviews as CSV…");
    csv.setOnAction(e -> exportFile(ReviewViewModel.Export.CSV, "reviews.csv", "*.csv"));
    MenuItem json = new MenuItem("Reviews as JSON…");
    json.setOnAction(e -> exportFile(ReviewViewModel.Export.JSON, "reviews.json", "*.json"));
    MenuItem masks = new MenuItem("Corrected masks (MVTec layout)…");
    masks.setOnAction(e -> exportMasks());
    export.getItems().addAll(csv, json, masks);
    export.setMinWidth(Region.USE_PREF_SIZE);
    Label whoLabel = new Label("Reviewer");
    whoLabel.setMinWidth(Region.USE_PREF_SIZE);
    bar.setMinWidth(80);
    HBox box = new HBox(10, titles, progress, bar, whoLabel, who, export);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("section-header");
    return box;
  }

  private void exportFile(ReviewViewModel.Export what, String name, String pattern) {
    FileDialogs.saveFile(
            window(), "Export reviews", null, name, FileDialogs.Filter.of(what.name(), pattern))
        .ifPresent(f -> vm.export(what, f));
  }

  private void exportMasks() {
    FileDialogs.folder(window(), "Folder for the corrected masks", null)
        .ifPresent(f -> vm.export(ReviewViewModel.Export.MASKS, f));
  }

  private javafx.stage.Window window() {
    Scene s = root.getScene();
    return s == null ? null : s.getWindow();
  }

  // ---------------------------------------------------------------- queue

  private Node queuePane() {
    list.setId("review-queue");
    list.setItems(vm.queue());
    list.setCellFactory(l -> new QueueCell());
    list.setPlaceholder(new Label("Nothing to review.\nEvaluate a model first."));
    list.setFocusTraversable(false);
    list.getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, a, i) -> {
              if (i.intValue() >= 0 && i.intValue() != vm.indexProperty().get()) {
                vm.go(i.intValue());
              }
            });
    vm.indexProperty().addListener((o, a, i) -> showCurrent());
    vm.queue()
        .addListener((javafx.collections.ListChangeListener<ReviewQueue.Item>) c -> showCurrent());
    list.sceneProperty().addListener((o, a, scene) -> showCurrent());
    VBox.setVgrow(list, Priority.ALWAYS);
    CheckBox ok = new CheckBox("Include OK images");
    ok.selectedProperty().bindBidirectional(vm.includeOkProperty());
    ok.setTooltip(new Tooltip("Also queue the images the model passed (to find misses)"));
    Button rebuild = new Button("Rebuild", Icons.of(MaterialDesignU.UPDATE));
    rebuild.setTooltip(new Tooltip("Queue again at the current thresholds"));
    rebuild.setOnAction(e -> vm.rebuildQueue());
    Button line = new Button();
    line.textProperty()
        .bind(Bindings.concat("Line findings (", vm.lineFindingsProperty().asString(), ")"));
    line.setTooltip(
        new Tooltip("Queue the REVIEW and NG images the line's review sink filed (Line section)"));
    line.setOnAction(e -> vm.openLineFindings());
    line.setMaxWidth(Double.MAX_VALUE); // a row of its own: beside the others it was cut short
    HBox tools = new HBox(8, ok, rebuild);
    tools.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(6, list, tools, line);
    box.setPadding(new Insets(8));
    box.setMinWidth(220);
    return box;
  }

  /**
   * Selects, scrolls to and marks the current image in the queue (also after the queue was rebuilt,
   * and when the view is shown), so the list always shows where the review stands.
   */
  private void showCurrent() {
    int i = vm.indexProperty().get();
    if (i >= 0 && i < list.getItems().size()) {
      list.getSelectionModel().select(i);
      list.scrollTo(Math.max(0, i - 3));
    } else {
      list.getSelectionModel().clearSelection();
    }
    list.refresh();
  }

  /** Pseudo-class of the queue cell of the image under review (styled whether focused or not). */
  static final javafx.css.PseudoClass CURRENT = javafx.css.PseudoClass.getPseudoClass("current");

  /** A queued image: name, model verdict and score, and the stored review if any. */
  final class QueueCell extends ListCell<ReviewQueue.Item> {
    @Override
    protected void updateItem(ReviewQueue.Item item, boolean empty) {
      super.updateItem(item, empty);
      pseudoClassStateChanged(
          CURRENT, !empty && item != null && item == vm.currentProperty().get());
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      Label name = new Label(item.result().fileName() + "  ·  " + item.result().groundTruth());
      Label model = new Label(item.verdict().name());
      model.getStyleClass().add("verdict-" + item.verdict().name().toLowerCase(Locale.ROOT));
      Label score = new Label(scoreText(item.result().score(), vm.thresholds()));
      score.getStyleClass().add("muted");
      Review r = vm.reviewOf(item);
      Label reviewed = new Label(r == null ? "" : "✓ " + shortLabel(r.verdict()));
      reviewed.getStyleClass().add("muted");
      Region grow = new Region();
      HBox.setHgrow(grow, Priority.ALWAYS);
      HBox line = new HBox(6, model, score, grow, reviewed);
      setGraphic(new VBox(1, name, line));
      setText(null);
    }
  }

  static String shortLabel(ReviewVerdict v) {
    return switch (v) {
      case TRUE_DEFECT -> "defect";
      case FALSE_ALARM -> "good";
      case UNSURE -> "unsure";
    };
  }

  // ---------------------------------------------------------------- centre

  private Node center() {
    caption.setId("review-caption");
    caption.getStyleClass().add("muted");
    showHeatmap.setTooltip(new Tooltip("Show the anomaly map under the mask (H)"));
    Button prev = new Button(null, Icons.of(MaterialDesignA.ARROW_LEFT));
    prev.setId("review-prev");
    prev.setTooltip(new Tooltip("Previous (← or P)"));
    prev.setOnAction(e -> vm.previous());
    Button next = new Button(null, Icons.of(MaterialDesignA.ARROW_RIGHT));
    next.setId("review-next");
    next.setTooltip(new Tooltip("Next (→ or N)"));
    next.setOnAction(e -> vm.next());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    caption.setMinWidth(0);
    HBox bar = new HBox(8, prev, next, caption, grow, showHeatmap);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox.setVgrow(editor, Priority.ALWAYS);
    editor.setMinSize(200, 200);
    VBox box = new VBox(6, bar, editor);
    box.setPadding(new Insets(8));
    return box;
  }

  private void caption() {
    ReviewQueue.Item item = vm.currentProperty().get();
    caption.setText(
        item == null
            ? ""
            : String.format(
                Locale.ROOT,
                "%s · truth %s · score %s · model %s",
                item.result().fileName(),
                item.result().groundTruth(),
                scoreText(item.result().score(), vm.thresholds()),
                item.verdict().name()));
  }

  /** The normalised score (as in the Evaluate table) with the raw one, or the raw one alone. */
  static String scoreText(double score, Thresholds t) {
    return t == null
        ? String.format(Locale.ROOT, "%.4f", score)
        : String.format(Locale.ROOT, "%.3f (raw %.4f)", t.imageNormalisation().apply(score), score);
  }

  private void showLoaded() {
    ReviewItemView v = vm.loadedProperty().get();
    caption();
    if (v == null || !showHeatmap.isSelected()) {
      editor.setHeatmap(null, 0);
      return;
    }
    FloatImage map = v.item().result().map();
    editor.setHeatmap(
        HeatLayers.overlay(map, vm.heatmap().colorMapProperty().get(), vm.thresholds()),
        vm.heatmap().opacityProperty().get());
  }

  // ---------------------------------------------------------------- side

  private Node side() {
    ToggleButton defect =
        verdictButton("1  True defect", ReviewVerdict.TRUE_DEFECT, "review-defect");
    ToggleButton good = verdictButton("2  False alarm", ReviewVerdict.FALSE_ALARM, "review-good");
    ToggleButton unsure = verdictButton("3  Unsure", ReviewVerdict.UNSURE, "review-unsure");
    defect.getStyleClass().add(Styles.DANGER);
    good.getStyleClass().add(Styles.SUCCESS);
    good.setTooltip(
        new Tooltip(
            "The image is good. Images confirmed good are listed in the workspace's"
                + " reviews/confirmed-good.txt and join the next training run."));
    vm.verdictProperty()
        .addListener(
            (o, a, v) -> {
              for (var t : verdictGroup.getToggles()) {
                t.setSelected(t.getUserData() == v);
              }
            });
    VBox verdicts = new VBox(4, defect, good, unsure);

    ToggleButton brush = new ToggleButton("Brush (B)", Icons.of(MaterialDesignB.BRUSH));
    brush.setId("review-brush");
    brush.setUserData(ReviewTool.BRUSH);
    ToggleButton eraser = new ToggleButton("Eraser (E)", Icons.of(MaterialDesignE.ERASER));
    eraser.setId("review-eraser");
    eraser.setUserData(ReviewTool.ERASER);
    brush.setToggleGroup(toolGroup);
    eraser.setToggleGroup(toolGroup);
    toolGroup.selectToggle(vm.toolProperty().get() == ReviewTool.BRUSH ? brush : eraser);
    toolGroup
        .selectedToggleProperty()
        .addListener(
            (o, a, t) -> {
              if (t == null) {
                toolGroup.selectToggle(a);
              } else {
                vm.toolProperty().set((ReviewTool) t.getUserData());
              }
            });
    vm.toolProperty()
        .addListener((o, a, t) -> toolGroup.selectToggle(t == ReviewTool.BRUSH ? brush : eraser));
    HBox tools = new HBox(4, brush, eraser);
    Slider size =
        new Slider(
            ReviewViewModel.MIN_BRUSH, ReviewViewModel.MAX_BRUSH, vm.brushRadiusProperty().get());
    size.setId("review-brush-size");
    size.valueProperty().bindBidirectional(vm.brushRadiusProperty());
    Label sizeLabel = new Label();
    sizeLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "radius %.0f px", vm.brushRadiusProperty().get()),
                vm.brushRadiusProperty()));
    sizeLabel.getStyleClass().add("muted");
    Button undo = new Button("Undo", Icons.of(MaterialDesignU.UNDO));
    undo.setOnAction(e -> vm.undo());
    Button clear = new Button("Clear", Icons.of(MaterialDesignE.ERASER_VARIANT));
    clear.setOnAction(e -> vm.clearMask());
    Button reset = new Button("Model", Icons.of(MaterialDesignR.RESTORE));
    reset.setTooltip(new Tooltip("Start again from the model's region"));
    reset.setOnAction(e -> vm.resetMaskToPrediction());
    HBox maskButtons = new HBox(4, undo, clear, reset);

    ComboBox<String> type = new ComboBox<>(vm.defectTypes());
    type.setId("review-type");
    type.setEditable(true);
    type.valueProperty().bindBidirectional(vm.defectTypeProperty());
    type.setMaxWidth(Double.MAX_VALUE);
    TextArea note = new TextArea();
    note.setId("review-note");
    note.setPromptText("Note");
    note.setWrapText(true);
    note.setPrefRowCount(3);
    note.textProperty().bindBidirectional(vm.noteProperty());
    Button save = new Button("Save (Ctrl+S)", Icons.of(MaterialDesignC.CONTENT_SAVE_OUTLINE));
    save.setId("review-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.setOnAction(e -> vm.save());
    save.setMaxWidth(Double.MAX_VALUE);

    ListView<ReviewHistoryEntry> history = new ListView<>(vm.history());
    history.setId("review-history");
    history.setPrefHeight(110);
    history.setFocusTraversable(false);
    history.setPlaceholder(new Label("Not reviewed yet"));
    history.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(ReviewHistoryEntry h, boolean empty) {
                super.updateItem(h, empty);
                setText(
                    empty || h == null
                        ? null
                        : WHEN.format(h.at())
                            + "  "
                            + h.reviewer()
                            + ": "
                            + (h.verdict() == null ? "deleted" : h.verdict().label()));
              }
            });
    VBox.setVgrow(history, Priority.ALWAYS);

    VBox box =
        new VBox(
            7,
            heading("Verdict"),
            verdicts,
            heading("Mask"),
            tools,
            size,
            sizeLabel,
            maskButtons,
            heading("Defect type"),
            type,
            note,
            save,
            heading("History"),
            history);
    box.setPadding(new Insets(8));
    box.setMinWidth(230);
    return box;
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TEXT_BOLD);
    return l;
  }

  private ToggleButton verdictButton(String text, ReviewVerdict v, String id) {
    ToggleButton b = new ToggleButton(text);
    b.setId(id);
    b.setUserData(v);
    b.setToggleGroup(verdictGroup);
    b.setMaxWidth(Double.MAX_VALUE);
    b.setAlignment(Pos.CENTER_LEFT);
    b.setOnAction(
        e -> {
          b.setSelected(vm.verdictProperty().get() == v);
          vm.decide(v);
        });
    b.setSelected(vm.verdictProperty().get() == v);
    return b;
  }

  // ---------------------------------------------------------------- keys

  private void key(KeyEvent e) {
    if (e.getTarget() instanceof TextInputControl && !e.isShortcutDown()) {
      return;
    }
    boolean handled = true;
    if (e.isShortcutDown()) {
      switch (e.getCode()) {
        case Z -> vm.undo();
        case S -> vm.save();
        default -> handled = false;
      }
    } else {
      switch (e.getCode()) {
        case RIGHT, N, PAGE_DOWN -> vm.next();
        case LEFT, P, PAGE_UP -> vm.previous();
        case DIGIT1, NUMPAD1 -> vm.decide(ReviewVerdict.TRUE_DEFECT);
        case DIGIT2, NUMPAD2 -> vm.decide(ReviewVerdict.FALSE_ALARM);
        case DIGIT3, NUMPAD3 -> vm.decide(ReviewVerdict.UNSURE);
        case B -> vm.toolProperty().set(ReviewTool.BRUSH);
        case E -> vm.toolProperty().set(ReviewTool.ERASER);
        case OPEN_BRACKET -> vm.scaleBrush(0.8);
        case CLOSE_BRACKET -> vm.scaleBrush(1.25);
        case H -> showHeatmap.setSelected(!showHeatmap.isSelected());
        default -> handled = false;
      }
    }
    if (handled) {
      e.consume();
    }
  }

  /** The corrected mask of the shown image as an image (for tests). */
  FloatImage maskImage() {
    BrushMask m = vm.maskProperty().get();
    return m == null ? null : m.toImage();
  }
}
