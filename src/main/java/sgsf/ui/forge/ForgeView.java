package sgsf.ui.forge;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.RangeSlider;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import sgsf.engine.config.ForgeChoices;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ForgeConfig.SaliencyMethod;
import sgsf.engine.config.ForgeConfig.Strategy;
import sgsf.engine.config.ForgeConfig.TextureSource;
import sgsf.engine.config.ForgeParameters;
import sgsf.engine.data.Sample;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;

/**
 * The forge preview: every forging parameter on the left (the groups the chosen strategy uses), the
 * A | S | G | M | I sheet of the chosen image on the right, recomputed live as a control moves, or
 * a grid of 16 samples over different training images; the sheet exports as PNG.
 */
public final class ForgeView {
  private final ForgeViewModel vm;
  private final BorderPane root = new BorderPane();
  private final HBox panels = new HBox(8);
  private final HBox details = new HBox(8);
  private final TilePane gridPane = new TilePane(6, 6);
  private final javafx.beans.property.DoubleProperty panelWidth =
      new javafx.beans.property.SimpleDoubleProperty(160);

  public ForgeView(ForgeViewModel vm) {
    this.vm = vm;
    root.getStyleClass().add("forge-view");
    root.setTop(header());
    SplitPane split = new SplitPane(controls(), previewArea());
    split.setDividerPositions(0.31);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    root.setCenter(split);
    vm.previewProperty().addListener((o, a, p) -> showPreview(p));
    vm.gridProperty().addListener((o, a, g) -> showGrid(g));
    showPreview(vm.previewProperty().get());
    vm.activeProperty().bind(root.parentProperty().isNotNull());
  }

  public Node node() {
    return root;
  }

  private Node header() {
    Label title = new Label("Forge");
    title.getStyleClass().add("section-title");
    Label subtitle = new Label();
    subtitle.setId("forge-summary");
    subtitle.getStyleClass().add("muted");
    subtitle
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.images().isEmpty()
                        ? "Open a dataset with good training images to preview forging"
                        : "Anomalies forged into good images for training (METHOD.md section 1)",
                vm.images()));
    VBox titles = new VBox(2, title, subtitle);
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(22, 22);
    busy.visibleProperty().bind(vm.busyProperty());
    Button export = new Button("Export sheet…", Icons.of(MaterialDesignE.EXPORT));
    export.setId("forge-export");
    export.setTooltip(new Tooltip("Save the A | S | G | M | I sheet as a PNG"));
    export.disableProperty().bind(vm.previewProperty().isNull());
    export.setOnAction(e -> exportSheet());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(10, titles, spacer, busy, export);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("section-header");
    return bar;
  }

  private void exportSheet() {
    ForgePreview p = vm.previewProperty().get();
    String name =
        p == null
            ? "forge.png"
            : p.request().sample().fileName().replaceFirst("\\.[^.]+$", "")
                + "-"
                + p.request().config().strategy().name().toLowerCase(Locale.ROOT)
                + "-k"
                + p.request().index()
                + ".png";
    FileDialogs.saveFile(
            root.getScene().getWindow(),
            "Export forge sheet",
            null,
            name,
            FileDialogs.Filter.of("PNG image", "*.png"))
        .ifPresent(vm::exportSheet);
  }

  // ------------------------------------------------------------------ controls

  private Node controls() {
    VBox box = new VBox(10);
    box.setPadding(new Insets(10));

    ComboBox<Sample> image = new ComboBox<>(vm.images());
    image.setId("forge-image");
    image.valueProperty().bindBidirectional(vm.imageProperty());
    image.setMaxWidth(Double.MAX_VALUE);
    image.setVisibleRowCount(14);
    StringConverter<Sample> names =
        new StringConverter<>() {
          @Override
          public String toString(Sample s) {
            return s == null ? "" : s.fileName();
          }

          @Override
          public Sample fromString(String s) {
            return null;
          }
        };
    image.setConverter(names);
    image.setCellFactory(l -> new SampleNameCell());
    image.setButtonCell(new SampleNameCell());
    image.setMinWidth(120);
    Button prev = smallButton(MaterialDesignC.CHEVRON_LEFT, "Previous image");
    prev.setOnAction(e -> stepImage(-1));
    Button next = smallButton(MaterialDesignC.CHEVRON_RIGHT, "Next image");
    next.setOnAction(e -> stepImage(1));
    HBox.setHgrow(image, Priority.ALWAYS);
    HBox imageRow = new HBox(4, image, prev, next);
    imageRow.setAlignment(Pos.CENTER_LEFT);

    ChoiceBox<Strategy> strategy = new ChoiceBox<>();
    strategy.setId("forge-strategy");
    strategy.getItems().setAll(Strategy.values());
    strategy.valueProperty().bindBidirectional(vm.strategyProperty());
    strategy.setConverter(enumNames(ForgeChoices.labels(ForgeChoices.STRATEGIES)));
    strategy.setMaxWidth(Double.MAX_VALUE);

    ChoiceBox<Integer> size = new ChoiceBox<>();
    size.getItems().setAll(ForgeViewModel.SIZES);
    size.setValue(vm.sizeProperty().get());
    size.valueProperty().addListener((o, a, b) -> vm.sizeProperty().set(b));
    vm.sizeProperty().addListener((o, a, b) -> size.setValue(b.intValue()));
    size.setTooltip(new Tooltip("Forging size: the model input (lite 128, standard 256)"));
    Spinner<Integer> index =
        new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1_000_000, 0));
    index.setId("forge-index");
    index.setEditable(true);
    index.setPrefWidth(110);
    index.setMinWidth(Region.USE_PREF_SIZE);
    size.setMinWidth(Region.USE_PREF_SIZE);
    index.valueProperty().addListener((o, a, b) -> vm.sampleIndexProperty().set(b.longValue()));
    vm.sampleIndexProperty()
        .addListener((o, a, b) -> index.getValueFactory().setValue((int) Math.min(1_000_000, b)));
    index.setTooltip(new Tooltip("Sample k: each k draws its own noise, threshold, alpha and B"));
    TextField seed = new TextField();
    seed.setId("forge-seed");
    seed.textProperty().bindBidirectional(vm.seedProperty());
    seed.setPrefColumnCount(6);
    Button dice = smallButton(MaterialDesignD.DICE_5, "A new random seed");
    dice.setOnAction(e -> vm.newSeed());

    GridPane top = formGrid();
    top.getColumnConstraints().remove(2);
    int r = 0;
    top.addRow(r++, label("Image"), imageRow);
    top.addRow(r++, label("Strategy"), strategy);
    top.addRow(r++, label("Size · sample k"), new HBox(6, size, index));
    top.addRow(r++, label("Seed"), new HBox(4, seed, dice));
    box.getChildren().add(top);

    Map<ForgeParameters.Group, TitledPane> groups = new EnumMap<>(ForgeParameters.Group.class);
    for (ForgeParameters.Group g : ForgeParameters.Group.values()) {
      GridPane grid = formGrid();
      int row = 0;
      if (g == ForgeParameters.Group.SALIENCY) {
        ChoiceBox<SaliencyMethod> method = new ChoiceBox<>();
        method.getItems().setAll(SaliencyMethod.values());
        method.valueProperty().bindBidirectional(vm.saliencyMethodProperty());
        method.setConverter(enumNames(ForgeChoices.labels(ForgeChoices.SALIENCY_METHODS)));
        method.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, label("Method"), method);
        grid.addRow(
            row++,
            label("ROI mask"),
            pathField(vm.roiMaskProperty(), false, "A fixed region-of-interest mask replaces S"));
      }
      if (g == ForgeParameters.Group.AUXILIARY) {
        ChoiceBox<TextureSource> source = new ChoiceBox<>();
        source.setId("forge-texture-source");
        source.getItems().setAll(TextureSource.values());
        source.valueProperty().bindBidirectional(vm.textureSourceProperty());
        source.setConverter(enumNames(ForgeChoices.labels(ForgeChoices.TEXTURE_SOURCES)));
        source.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, label("Source of B"), source);
        Node folder = pathField(vm.textureFolderProperty(), true, "Any images; DTD works as-is");
        folder
            .disableProperty()
            .bind(vm.textureSourceProperty().isNotEqualTo(TextureSource.USER_FOLDER));
        grid.addRow(row++, label("Texture folder"), folder);
      }
      for (ForgeParam p : vm.params(g)) {
        row = addParam(grid, row, p);
      }
      TitledPane pane = new TitledPane(g.title(), grid);
      pane.setId("group-" + g.name().toLowerCase(Locale.ROOT));
      pane.getStyleClass().add(Styles.DENSE);
      pane.managedProperty().bind(pane.visibleProperty());
      groups.put(g, pane);
      box.getChildren().add(pane);
    }
    Runnable showGroups =
        () -> groups.forEach((g, pane) -> pane.setVisible(g.usedBy(vm.strategyProperty().get())));
    vm.strategyProperty().addListener((o, a, b) -> showGroups.run());
    showGroups.run();

    Button reset = new Button("Reset to defaults", Icons.of(MaterialDesignR.RESTORE));
    reset.setOnAction(
        e -> vm.load(ForgeConfig.defaults().withStrategy(vm.strategyProperty().get())));
    box.getChildren().add(reset);

    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setMinWidth(320);
    scroll.setPrefWidth(390);
    return scroll;
  }

  private static final class SampleNameCell extends ListCell<Sample> {
    @Override
    protected void updateItem(Sample s, boolean empty) {
      super.updateItem(s, empty);
      setText(empty || s == null ? null : s.fileName());
    }
  }

  private void stepImage(int delta) {
    List<Sample> all = vm.images();
    if (all.isEmpty()) {
      return;
    }
    int i = Math.max(0, all.indexOf(vm.imageProperty().get()));
    vm.imageProperty().set(all.get(Math.floorMod(i + delta, all.size())));
  }

  private static GridPane formGrid() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    ColumnConstraints c0 = new ColumnConstraints();
    c0.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints c1 = new ColumnConstraints();
    c1.setHgrow(Priority.ALWAYS);
    c1.setFillWidth(true);
    ColumnConstraints c2 = new ColumnConstraints();
    c2.setMinWidth(58);
    grid.getColumnConstraints().addAll(c0, c1, c2);
    return grid;
  }

  private int addParam(GridPane grid, int row, ForgeParam p) {
    Label l = label(p.label());
    l.setTooltip(new Tooltip(p.tooltip()));
    if (p instanceof ForgeParam.Value v) {
      Slider s = new Slider(v.min(), v.max(), v.value().get());
      s.setId("param-" + v.id());
      s.valueProperty().bindBidirectional(v.value());
      if (v.integer()) {
        s.setMajorTickUnit(1);
        s.setMinorTickCount(0);
        s.setSnapToTicks(true);
        s.setBlockIncrement(1);
      } else {
        s.setBlockIncrement((v.max() - v.min()) / 50);
      }
      s.setTooltip(new Tooltip(p.tooltip()));
      Label value = valueLabel();
      value
          .textProperty()
          .bind(Bindings.createStringBinding(() -> fmt(v.value().get(), v.decimals()), v.value()));
      grid.addRow(row, l, s, value);
    } else if (p instanceof ForgeParam.Range v) {
      RangeSlider s = new RangeSlider(v.min(), v.max(), v.low().get(), v.high().get());
      s.setId("param-" + v.id());
      s.lowValueProperty().bindBidirectional(v.low());
      s.highValueProperty().bindBidirectional(v.high());
      if (v.integer()) {
        s.setMajorTickUnit(1);
        s.setMinorTickCount(0);
        s.setSnapToTicks(true);
        s.setBlockIncrement(1);
      }
      s.setTooltip(new Tooltip(p.tooltip()));
      Label value = valueLabel();
      value
          .textProperty()
          .bind(
              Bindings.createStringBinding(
                  () -> fmt(v.low().get(), v.decimals()) + "–" + fmt(v.high().get(), v.decimals()),
                  v.low(),
                  v.high()));
      grid.addRow(row, l, s, value);
    } else if (p instanceof ForgeParam.Toggle t) {
      CheckBox c = new CheckBox(t.label());
      c.setId("param-" + t.id());
      c.selectedProperty().bindBidirectional(t.value());
      c.setTooltip(new Tooltip(t.tooltip()));
      grid.add(c, 0, row, 3, 1);
    }
    return row + 1;
  }

  private static Label valueLabel() {
    Label l = new Label();
    l.getStyleClass().add("param-value");
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private Node pathField(javafx.beans.property.StringProperty p, boolean folder, String tip) {
    TextField t = new TextField();
    t.textProperty().bindBidirectional(p);
    t.setPromptText(folder ? "folder" : "none");
    t.setTooltip(new Tooltip(tip));
    Button browse =
        smallButton(
            MaterialDesignF.FOLDER_OPEN, folder ? "Choose a folder" : "Choose a mask image");
    browse.setOnAction(
        e -> {
          var window = root.getScene().getWindow();
          (folder
                  ? FileDialogs.folder(window, "Folder", null)
                  : FileDialogs.openFile(window, "Mask image", null, FileDialogs.Filter.IMAGES))
              .ifPresent(f -> p.set(f.toString()));
        });
    HBox.setHgrow(t, Priority.ALWAYS);
    HBox box = new HBox(4, t, browse);
    box.setAlignment(Pos.CENTER_LEFT);
    GridPane.setColumnSpan(box, 2);
    return box;
  }

  private static Button smallButton(org.kordamp.ikonli.Ikon icon, String tip) {
    Button b = new Button(null, Icons.of(icon));
    b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    b.setTooltip(new Tooltip(tip));
    return b;
  }

  private static Label label(String s) {
    Label l = new Label(s);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private static <E> StringConverter<E> enumNames(Map<E, String> names) {
    return new StringConverter<>() {
      @Override
      public String toString(E e) {
        return e == null ? "" : names.getOrDefault(e, e.toString());
      }

      @Override
      public E fromString(String s) {
        return null;
      }
    };
  }

  // ------------------------------------------------------------------ preview

  private Node previewArea() {
    ToggleGroup mode = new ToggleGroup();
    ToggleButton sheet = new ToggleButton("Sheet  A | S | G | M | I");
    sheet.setId("forge-mode-sheet");
    ToggleButton grid = new ToggleButton("16 samples");
    grid.setId("forge-mode-grid");
    sheet.setToggleGroup(mode);
    grid.setToggleGroup(mode);
    sheet.getStyleClass().add(Styles.LEFT_PILL);
    grid.getStyleClass().add(Styles.RIGHT_PILL);
    sheet.setSelected(!vm.showGridProperty().get());
    grid.setSelected(vm.showGridProperty().get());
    mode.selectedToggleProperty()
        .addListener(
            (o, a, t) -> {
              if (t == null) {
                a.setSelected(true);
              } else {
                vm.showGridProperty().set(t == grid);
              }
            });
    HBox modes = new HBox(sheet, grid);

    Label summary = new Label();
    summary.setId("forge-result");
    summary.setWrapText(true);
    summary.getStyleClass().add("muted");
    summary
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  ForgePreview p = vm.previewProperty().get();
                  return p == null
                      ? ""
                      : p.request().sample().fileName()
                          + " · k = "
                          + p.request().index()
                          + " · "
                          + p.summary()
                          + " · "
                          + p.millis()
                          + " ms";
                },
                vm.previewProperty()));
    Label problem = new Label();
    problem.setId("forge-problem");
    problem.setWrapText(true);
    problem.getStyleClass().add("validation-message");
    problem.textProperty().bind(vm.problemProperty());
    problem.visibleProperty().bind(vm.problemProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());

    panels.setId("forge-panels");
    panels.setAlignment(Pos.TOP_LEFT);
    details.setId("forge-details");
    details.setMinWidth(0);
    VBox sheetBox = new VBox(10, panels, summary, details);
    sheetBox.visibleProperty().bind(vm.showGridProperty().not());
    gridPane.setId("forge-grid");
    gridPane.setPrefColumns(8);
    gridPane.setPrefTileWidth(120);
    ScrollPane gridScroll = new ScrollPane(gridPane);
    gridScroll.setFitToWidth(true);
    gridScroll.visibleProperty().bind(vm.showGridProperty());
    StackPane stack = new StackPane(sheetBox, gridScroll);
    StackPane.setAlignment(sheetBox, Pos.TOP_LEFT);
    VBox.setVgrow(stack, Priority.ALWAYS);
    VBox box = new VBox(10, modes, problem, stack);
    box.setPadding(new Insets(10));
    box.setMinWidth(0);
    panels.setMinWidth(0);
    sheetBox.setMinWidth(0);
    stack.setMinWidth(0);
    panelWidth.bind(
        Bindings.createDoubleBinding(
            () -> Math.max(60, Math.min(256, Math.floor((box.getWidth() - 20 - 8 * 4) / 5.0))),
            box.widthProperty()));
    return box;
  }

  private void showPreview(ForgePreview p) {
    panels.getChildren().clear();
    details.getChildren().clear();
    String[] titles = {"A", "S", "G", "M", "I"};
    int n = p == null ? 5 : p.panels().size();
    for (int i = 0; i < n; i++) {
      String title = p == null ? titles[i] : p.panels().get(i).title();
      javafx.scene.image.Image img = p == null ? null : p.panels().get(i).image();
      panels.getChildren().add(panel(title, img, p != null));
    }
    if (p != null) {
      for (ForgePreview.PanelImage d : p.details()) {
        details.getChildren().add(panel(d.title(), d.image(), true));
      }
    }
  }

  private Node panel(String title, javafx.scene.image.Image img, boolean computed) {
    ImageView view = new ImageView(img);
    view.setPreserveRatio(true);
    view.setSmooth(false);
    view.fitWidthProperty().bind(panelWidth);
    StackPane frame = new StackPane(view);
    frame.getStyleClass().add("preview-tile");
    if (img == null) {
      Label na = new Label(computed ? "not used by this strategy" : "");
      na.getStyleClass().add("muted");
      na.setWrapText(true);
      frame.getChildren().add(na);
      frame.minHeightProperty().bind(view.fitWidthProperty());
    }
    frame.prefWidthProperty().bind(view.fitWidthProperty());
    frame.minWidthProperty().bind(view.fitWidthProperty());
    frame.maxWidthProperty().bind(view.fitWidthProperty());
    Label t = new Label(title);
    t.getStyleClass().add(Styles.TEXT_BOLD);
    t.maxWidthProperty().bind(view.fitWidthProperty());
    VBox cell = new VBox(4, t, frame);
    cell.getStyleClass().add("forge-panel");
    return cell;
  }

  private void showGrid(List<ForgeViewModel.GridTile> tiles) {
    gridPane.getChildren().clear();
    for (ForgeViewModel.GridTile tile : tiles) {
      ImageView v = new ImageView(tile.image());
      v.setPreserveRatio(true);
      v.setFitWidth(120);
      v.setSmooth(false);
      Label caption = new Label(tile.caption());
      caption.getStyleClass().add("thumb-name");
      caption.setMaxWidth(120);
      VBox cell = new VBox(2, v, caption);
      gridPane.getChildren().add(cell);
    }
  }
}
