package sgsf.ui.dataset;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.io.workspace.DatasetReference;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;
import sgsf.ui.common.ImageViewer;
import sgsf.ui.common.Overlay;
import sgsf.ui.common.ThumbnailCache;

/**
 * The dataset section: header with the open actions and the summary; a filterable, virtualised
 * thumbnail grid; the selected image with zoom, pan, fit and the ground-truth mask as overlay or
 * contour; and the scan report (counts and skipped files with reasons).
 */
public final class DatasetView {
  static final double THUMB = 112;
  private final DatasetViewModel vm;
  private final ThumbnailCache thumbnails;
  private final BorderPane root = new BorderPane();
  private final GridView<Sample> grid;
  private final ImageViewer viewer = new ImageViewer();
  private final TabPane tabs = new TabPane();

  public DatasetView(DatasetViewModel vm, ThumbnailCache thumbnails) {
    this.vm = vm;
    this.thumbnails = thumbnails;
    root.getStyleClass().add("dataset-view");
    root.setTop(header());
    grid = new GridView<>(vm.visibleSamples());
    grid.setId("dataset-grid");
    grid.setCellWidth(THUMB + 8);
    grid.setCellHeight(THUMB + 26);
    grid.setHorizontalCellSpacing(6);
    grid.setVerticalCellSpacing(6);
    grid.setCellFactory(g -> new SampleCell(vm, thumbnails, THUMB));
    grid.setFocusTraversable(true);
    grid.addEventFilter(KeyEvent.KEY_PRESSED, this::onGridKey);
    SplitPane split = new SplitPane(browser(), detailTabs());
    split.setDividerPositions(0.47);
    root.setCenter(split);
    root.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
          }
          switch (e.getCode()) {
            case M -> vm.maskStyleProperty().set(vm.maskStyleProperty().get().next());
            case F -> viewer.fit();
            case PLUS, EQUALS, ADD -> viewer.zoomBy(1.25);
            case MINUS, SUBTRACT -> viewer.zoomBy(0.8);
            default -> {
              return;
            }
          }
          e.consume();
        });
  }

  public Node node() {
    return root;
  }

  ImageViewer viewer() {
    return viewer;
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private Node header() {
    Label title = new Label("Dataset");
    title.getStyleClass().add("section-title");
    Label summary = new Label();
    summary.setId("dataset-summary");
    summary.getStyleClass().add("muted");
    summary
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  DatasetReference ref = vm.referenceProperty().get();
                  Dataset ds = vm.dataset();
                  if (vm.loadingProperty().get()) {
                    return "Opening…";
                  }
                  if (ref == null || ds == null) {
                    return "No dataset open";
                  }
                  return ds.name() + " — " + vm.summaryProperty().get();
                },
                vm.referenceProperty(),
                vm.datasetProperty(),
                vm.summaryProperty(),
                vm.loadingProperty()));
    summary
        .tooltipProperty()
        .bind(
            Bindings.createObjectBinding(
                () -> {
                  Dataset ds = vm.dataset();
                  return ds == null ? null : new Tooltip(ds.root().toString());
                },
                vm.datasetProperty()));
    VBox titles = new VBox(2, title, summary);

    Button open = new Button("Open folder…", Icons.of(MaterialDesignF.FOLDER_OPEN));
    open.setId("dataset-open");
    open.setTooltip(new Tooltip("Open a dataset folder; its layout is detected (Ctrl+Shift+O)"));
    open.setOnAction(e -> chooseFolder());
    Button folderLayout =
        new Button("Folder layout…", Icons.of(MaterialDesignF.FOLDER_MULTIPLE_IMAGE));
    folderLayout.setTooltip(
        new Tooltip("Open plain folders of normal images, abnormal images and masks"));
    folderLayout.setOnAction(
        e ->
            FolderLayoutDialog.show(window())
                .ifPresent(c -> vm.openFolderLayout(c.normal(), c.abnormal(), c.masks())));
    MenuItem demoObject = new MenuItem("Object (hexagonal nut)");
    demoObject.setOnAction(e -> vm.openDemo("object"));
    MenuItem demoTexture = new MenuItem("Texture (woven fabric)");
    demoTexture.setOnAction(e -> vm.openDemo("texture"));
    MenuButton demo =
        new MenuButton(
            "Demo data", Icons.of(MaterialDesignI.IMAGE_MULTIPLE), demoObject, demoTexture);
    demo.setTooltip(new Tooltip("The built-in demo dataset, generated on first use"));
    Button reload = new Button(null, Icons.of(MaterialDesignR.REFRESH));
    reload.getStyleClass().add(Styles.BUTTON_ICON);
    reload.setTooltip(new Tooltip("Scan the dataset again"));
    reload.setOnAction(e -> vm.reload());
    reload.disableProperty().bind(vm.referenceProperty().isNull().or(vm.loadingProperty()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, titles, spacer, open, folderLayout, demo, reload);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("section-header");
    return bar;
  }

  /** File › Open dataset folder and the header button. */
  public void chooseFolder() {
    Dataset ds = vm.dataset();
    FileDialogs.folder(window(), "Open dataset folder", ds == null ? null : ds.root().getParent())
        .ifPresent(this::openFolder);
  }

  /** Opens a folder; when it holds several datasets, asks which one. */
  void openFolder(Path dir) {
    List<Path> categories = DatasetViewModel.categoriesToChooseFrom(dir);
    if (categories.isEmpty()) {
      vm.openFolder(dir);
      return;
    }
    List<String> names = categories.stream().map(p -> p.getFileName().toString()).toList();
    ChoiceDialog<String> choice = new ChoiceDialog<>(names.get(0), names);
    choice.initOwner(window());
    choice.setTitle("Choose a dataset");
    choice.setHeaderText(dir + " holds " + names.size() + " datasets. Which one?");
    choice.showAndWait().ifPresent(n -> vm.openFolder(dir.resolve(n)));
  }

  private Node browser() {
    ChoiceBox<SplitFilter> split = new ChoiceBox<>();
    split.getItems().setAll(SplitFilter.values());
    split.valueProperty().bindBidirectional(vm.splitFilterProperty());
    split.setId("filter-split");
    split.setTooltip(new Tooltip("Show one split"));
    ComboBox<String> type = new ComboBox<>(vm.typeChoices());
    type.valueProperty().bindBidirectional(vm.typeFilterProperty());
    type.setId("filter-type");
    type.setTooltip(new Tooltip("Show one defect type"));
    type.setPrefWidth(135);
    type.setMinWidth(120);
    split.setMinWidth(Region.USE_PREF_SIZE);
    CustomTextField search = new CustomTextField();
    search.setId("filter-search");
    search.setPromptText("Search (Ctrl+F)");
    search.setTooltip(new Tooltip("Show only images whose file name contains this text"));
    search.setLeft(Icons.of(MaterialDesignM.MAGNIFY));
    search.textProperty().bindBidirectional(vm.searchProperty());
    HBox.setHgrow(search, Priority.ALWAYS);
    search.setMinWidth(110);
    root.sceneProperty()
        .addListener(
            (o, a, scene) -> {
              if (scene != null) {
                scene
                    .getAccelerators()
                    .put(
                        new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        () -> {
                          if (root.isVisible() && root.getParent() != null) {
                            search.requestFocus();
                          }
                        });
              }
            });
    Label count = new Label();
    count.setId("filter-count");
    count.getStyleClass().add("muted");
    count.setMinWidth(Region.USE_PREF_SIZE);
    count
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> vm.visibleSamples().size() + " of " + vm.samples().size(),
                vm.visibleSamples(),
                vm.samples()));
    HBox filters = new HBox(8, split, type, search, count);
    filters.setAlignment(Pos.CENTER_LEFT);
    filters.setPadding(new Insets(8, 8, 8, 10));

    ProgressIndicator busy = new ProgressIndicator();
    busy.setMaxSize(48, 48);
    busy.visibleProperty().bind(vm.loadingProperty());
    Label error = new Label();
    error.getStyleClass().addAll("load-error");
    error.setWrapText(true);
    error.setMaxWidth(420);
    error.setGraphic(
        Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALERT_CIRCLE_OUTLINE, 20));
    error.textProperty().bind(vm.loadErrorProperty());
    error
        .visibleProperty()
        .bind(vm.loadErrorProperty().isNotNull().and(vm.loadingProperty().not()));
    Label empty = new Label("No image matches the filters.");
    empty.getStyleClass().add("muted");
    empty
        .visibleProperty()
        .bind(
            Bindings.isEmpty(vm.visibleSamples())
                .and(Bindings.isNotEmpty(vm.samples()))
                .and(vm.loadingProperty().not()));
    StackPane gridStack = new StackPane(grid, busy, error, empty);
    VBox.setVgrow(gridStack, Priority.ALWAYS);
    VBox box = new VBox(filters, gridStack);
    box.setMinWidth(300);
    return box;
  }

  private Node detailTabs() {
    Tab image = new Tab("Image", imagePane());
    image.setGraphic(Icons.of(MaterialDesignI.IMAGE_OUTLINE));
    Tab report = new Tab("Scan report", reportPane());
    report.setGraphic(Icons.of(MaterialDesignF.FILE_DOCUMENT_OUTLINE));
    report.setId("tab-report");
    tabs.getTabs().setAll(image, report);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setMinWidth(360);
    return tabs;
  }

  /** Shows the scan report tab. */
  void showReport() {
    tabs.getSelectionModel().select(1);
  }

  private Node imagePane() {
    ToggleGroup styles = new ToggleGroup();
    HBox maskButtons = new HBox();
    for (MaskStyle style : MaskStyle.values()) {
      ToggleButton b = new ToggleButton(style.label());
      b.setId("mask-" + style.name().toLowerCase(Locale.ROOT));
      b.setToggleGroup(styles);
      b.setUserData(style);
      b.getStyleClass().add(Styles.SMALL);
      b.setMinWidth(Region.USE_PREF_SIZE);
      b.getStyleClass()
          .add(
              style.ordinal() == 0
                  ? Styles.LEFT_PILL
                  : style.ordinal() == MaskStyle.values().length - 1
                      ? Styles.RIGHT_PILL
                      : Styles.CENTER_PILL);
      b.setSelected(vm.maskStyleProperty().get() == style);
      maskButtons.getChildren().add(b);
    }
    styles
        .selectedToggleProperty()
        .addListener(
            (o, a, t) -> {
              if (t == null) {
                a.setSelected(true);
              } else {
                vm.maskStyleProperty().set((MaskStyle) t.getUserData());
              }
            });
    vm.maskStyleProperty()
        .addListener(
            (o, a, s) ->
                styles.getToggles().stream()
                    .filter(t -> t.getUserData() == s)
                    .findFirst()
                    .ifPresent(t -> t.setSelected(true)));
    Label maskLabel = new Label("Mask");
    maskLabel.setMinWidth(Region.USE_PREF_SIZE);
    maskLabel.setTooltip(new Tooltip("Ground-truth mask: hidden, overlay or contour (M)"));
    Slider opacity = new Slider(0.1, 1, vm.maskOpacityProperty().get());
    opacity.setId("mask-opacity");
    opacity.valueProperty().bindBidirectional(vm.maskOpacityProperty());
    opacity.setPrefWidth(80);
    opacity.setTooltip(new Tooltip("Overlay opacity"));
    opacity.disableProperty().bind(vm.maskStyleProperty().isNotEqualTo(MaskStyle.FILL));
    HBox maskBox = new HBox(6, maskLabel, maskButtons, opacity);
    maskBox.setAlignment(Pos.CENTER_LEFT);
    maskBox
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> vm.detailProperty().get() == null || !vm.detailProperty().get().hasMask(),
                vm.detailProperty()));

    Button zoomOut = iconButton(MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Zoom out (-)");
    zoomOut.setOnAction(e -> viewer.zoomBy(0.8));
    Button zoomIn = iconButton(MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Zoom in (+)");
    zoomIn.setOnAction(e -> viewer.zoomBy(1.25));
    Button actual = iconButton(MaterialDesignM.MAGNIFY, "Actual size, 1:1");
    actual.setOnAction(e -> viewer.actualSize());
    Button fit = iconButton(MaterialDesignF.FIT_TO_PAGE_OUTLINE, "Fit (F, or double-click)");
    fit.setId("viewer-fit");
    fit.setOnAction(e -> viewer.fit());
    Label zoom = new Label();
    zoom.getStyleClass().add("muted");
    zoom.setMinWidth(Region.USE_PREF_SIZE);
    zoom.setPrefWidth(52);
    zoom.setAlignment(Pos.CENTER);
    zoom.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> Math.round(viewer.getScale() * 100) + " %", viewer.scaleProperty()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox tools =
        new HBox(
            6,
            maskBox,
            spacer,
            new Separator(Orientation.VERTICAL),
            zoomOut,
            zoom,
            zoomIn,
            actual,
            fit);
    tools.setAlignment(Pos.CENTER_LEFT);
    tools.setPadding(new Insets(6, 8, 6, 8));

    viewer.setId("dataset-viewer");
    viewer
        .emptyTextProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.detailErrorProperty().get() != null
                        ? "Cannot show this image: " + vm.detailErrorProperty().get()
                        : vm.selectedProperty().get() == null
                            ? "Select an image in the grid"
                            : "Loading…",
                vm.detailErrorProperty(),
                vm.selectedProperty()));
    Runnable refresh = this::refreshViewer;
    vm.detailProperty().addListener((o, a, d) -> refresh.run());
    vm.maskStyleProperty().addListener((o, a, b) -> refresh.run());
    vm.maskOpacityProperty().addListener((o, a, b) -> refresh.run());

    Label info = new Label();
    info.setId("image-info");
    info.getStyleClass().add("muted");
    info.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> describe(vm.detailProperty().get()), vm.detailProperty()));
    info.setPadding(new Insets(4, 8, 6, 8));
    BorderPane pane = new BorderPane(viewer);
    pane.setTop(tools);
    pane.setBottom(info);
    return pane;
  }

  private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip) {
    Button b = new Button(null, Icons.of(icon));
    b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    b.setTooltip(new Tooltip(tip));
    return b;
  }

  private void refreshViewer() {
    ImageDetail d = vm.detailProperty().get();
    if (d == null) {
      viewer.setImage(null);
      viewer.getOverlays().clear();
      return;
    }
    List<Overlay> overlays =
        !d.hasMask()
            ? List.of()
            : switch (vm.maskStyleProperty().get()) {
              case HIDDEN -> List.of();
              case FILL ->
                  List.of(new Overlay.ImageLayer(d.maskOverlay(), vm.maskOpacityProperty().get()));
              case OUTLINE ->
                  List.of(
                      new Overlay.ContourLayer(
                          d.contours(), d.maskWidth(), d.maskHeight(), Color.rgb(255, 64, 64), 2));
            };
    viewer.setImage(d.image());
    viewer.setOverlays(overlays);
  }

  static String describe(ImageDetail d) {
    if (d == null) {
      return "";
    }
    Sample s = d.sample();
    StringBuilder b =
        new StringBuilder()
            .append(s.fileName())
            .append(" · ")
            .append(s.split() == sgsf.engine.data.Split.TRAIN ? "train" : "test")
            .append(" · ")
            .append(s.defectType())
            .append(" · ")
            .append(d.width())
            .append("×")
            .append(d.height())
            .append(d.channels() == 1 ? " grey" : " colour");
    if (d.hasMask()) {
      b.append(String.format(Locale.ROOT, " · defect area %.2f %%", d.defectFraction() * 100));
    }
    return b.toString();
  }

  private void onGridKey(KeyEvent e) {
    int cols =
        Math.max(
            1,
            (int)
                ((grid.getWidth() - 16)
                    / (grid.getCellWidth() + grid.getHorizontalCellSpacing() * 2)));
    switch (e.getCode()) {
      case RIGHT -> vm.step(1);
      case LEFT -> vm.step(-1);
      case DOWN -> vm.step(cols);
      case UP -> vm.step(-cols);
      default -> {
        return;
      }
    }
    e.consume();
  }

  private Node reportPane() {
    Label layout = new Label();
    Label folder = new Label();
    folder.setWrapText(true);
    Label images = new Label();
    Label skippedCount = new Label();
    skippedCount.setId("report-skipped-count");
    Runnable fill =
        () -> {
          Dataset ds = vm.dataset();
          layout.setText(ds == null ? "—" : ds.layout().displayName());
          folder.setText(ds == null ? "—" : ds.root().toString());
          images.setText(ds == null ? "—" : String.valueOf(ds.samples().size()));
          skippedCount.setText(
              ds == null
                  ? "—"
                  : ds.skipped().isEmpty()
                      ? "none"
                      : ds.skipped().size() + " (listed below with the reason)");
        };
    vm.datasetProperty().addListener((o, a, b) -> fill.run());
    fill.run();
    GridPane facts = new GridPane();
    facts.setHgap(12);
    facts.setVgap(4);
    facts.addRow(0, bold("Layout"), layout);
    facts.addRow(1, bold("Folder"), folder);
    facts.addRow(2, bold("Images"), images);
    facts.addRow(3, bold("Skipped files"), skippedCount);

    TableView<Dataset.Count> counts = new TableView<>(vm.counts());
    counts.setId("report-counts");
    counts.getColumns().add(column("Split", c -> c.split().name().toLowerCase(Locale.ROOT), 70));
    counts.getColumns().add(column("Type", Dataset.Count::type, 120));
    counts.getColumns().add(column("Images", Dataset.Count::images, 80));
    counts.getColumns().add(column("Masks", Dataset.Count::masks, 80));
    counts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    counts.setFixedCellSize(26);
    counts
        .prefHeightProperty()
        .bind(
            Bindings.createDoubleBinding(
                () -> 36.0 + 26 * Math.max(2, Math.min(8, vm.counts().size())), vm.counts()));
    counts.minHeightProperty().bind(counts.prefHeightProperty());
    counts.getStyleClass().add(Styles.DENSE);

    TableView<SkippedFile> skipped = new TableView<>(vm.skipped());
    skipped.setId("report-skipped");
    TableColumn<SkippedFile, String> path = new TableColumn<>("File");
    path.setCellValueFactory(
        c -> new javafx.beans.property.SimpleStringProperty(relative(c.getValue().path())));
    path.setPrefWidth(240);
    TableColumn<SkippedFile, String> reason = new TableColumn<>("Why it was skipped");
    reason.setCellValueFactory(
        c -> new javafx.beans.property.SimpleStringProperty(c.getValue().reason()));
    reason.setPrefWidth(300);
    skipped.getColumns().add(path);
    skipped.getColumns().add(reason);
    skipped.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    skipped.setPlaceholder(new Label("Every file was usable: nothing was skipped."));
    skipped.getStyleClass().add(Styles.DENSE);
    VBox.setVgrow(skipped, Priority.ALWAYS);
    Label countsTitle = bold("Images per split and type");
    Label skippedTitle = bold("Skipped files");
    VBox box = new VBox(8, facts, countsTitle, counts, skippedTitle, skipped);
    box.setPadding(new Insets(10));
    return box;
  }

  private String relative(Path p) {
    Dataset ds = vm.dataset();
    if (ds != null && p.startsWith(ds.root())) {
      return ds.root().relativize(p).toString();
    }
    return p.toString();
  }

  private static Label bold(String s) {
    Label l = new Label(s);
    l.getStyleClass().add(Styles.TEXT_BOLD);
    return l;
  }

  private static <T> TableColumn<Dataset.Count, T> column(
      String title, java.util.function.Function<Dataset.Count, T> value, double w) {
    TableColumn<Dataset.Count, T> c = new TableColumn<>(title);
    c.setCellValueFactory(
        cell -> new javafx.beans.property.SimpleObjectProperty<>(value.apply(cell.getValue())));
    c.setPrefWidth(w);
    return c;
  }
}
