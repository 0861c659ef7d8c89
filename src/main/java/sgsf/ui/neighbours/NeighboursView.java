package sgsf.ui.neighbours;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import sgsf.engine.model.FeatureBank;
import sgsf.engine.model.SgsfModel;
import sgsf.ui.common.ColorMap;
import sgsf.ui.common.FxImages;
import sgsf.ui.common.ImageViewer;
import sgsf.ui.common.Overlay;
import sgsf.ui.evaluation.EvaluateView;
import sgsf.ui.evaluation.HeatLayers;
import sgsf.ui.evaluation.ImageResult;

/**
 * The Neighbours section: the selected image with its heatmap beside the good training image that
 * guided it and the raw map; the most similar training images with their similarities; the training
 * images least like the others; test images that nearly duplicate training images.
 */
public final class NeighboursView {
  static final double THUMB = 92;

  private final NeighboursViewModel vm;
  private final BorderPane root = new BorderPane();
  private final ImageViewer imageViewer = new ImageViewer();
  private final ImageViewer guideViewer = new ImageViewer();
  private final ImageViewer mapViewer = new ImageViewer();
  private final Label guideCaption = new Label();
  private final HBox strip = new HBox(8);
  private final FlowPane typical = new FlowPane(8, 8);
  private final HBox pairView = new HBox(8);

  public NeighboursView(NeighboursViewModel vm) {
    this.vm = vm;
    root.getStyleClass().add("neighbours-view");
    root.getStylesheets().add(EvaluateView.STYLESHEET);
    root.setTop(header());
    SplitPane split = new SplitPane(top(), bottom());
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.62);
    root.setCenter(split);
    vm.neighboursProperty().addListener((o, a, n) -> showNeighbours());
    vm.leastTypical()
        .addListener(
            (javafx.collections.ListChangeListener<NeighbourAnalysis.Typicality>)
                c -> showTypical());
    root.sceneProperty().addListener((o, a, s) -> vm.setActive(s != null));
    showNeighbours();
    showTypical();
  }

  public Node node() {
    return root;
  }

  private Node header() {
    Label title = new Label("Neighbours");
    title.getStyleClass().add("section-title");
    Label sub =
        new Label(
            "The good training images the model compared against (cosine similarity of the"
                + " autoencoder's bottleneck features)");
    sub.getStyleClass().add("muted");
    sub.setMinWidth(0);
    VBox titles = new VBox(2, title, sub);
    titles.setMinWidth(0);
    HBox.setHgrow(titles, Priority.ALWAYS);
    ComboBox<ImageResult> image = new ComboBox<>(vm.images());
    image.setId("neighbours-image");
    image.setPrefWidth(280);
    image.setPromptText("Evaluate a model, then choose an image");
    image.valueProperty().bindBidirectional(vm.selectedProperty());
    image.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(ImageResult r) {
            return r == null
                ? ""
                : String.format(
                    Locale.ROOT, "%s · %s · %.3f", r.fileName(), r.groundTruth(), r.score());
          }

          @Override
          public ImageResult fromString(String s) {
            return null;
          }
        });
    Spinner<Integer> count = new Spinner<>(1, 32, vm.countProperty().get());
    count.setPrefWidth(80);
    count.valueProperty().addListener((o, a, v) -> vm.countProperty().set(v));
    count.setTooltip(new Tooltip("How many similar training images to show"));
    Label countLabel = new Label("Show");
    countLabel.setMinWidth(Region.USE_PREF_SIZE);
    HBox box = new HBox(8, titles, image, countLabel, count);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("section-header");
    return box;
  }

  private Node top() {
    imageViewer.setId("neighbours-overlay");
    guideViewer.setId("neighbours-guide");
    mapViewer.setId("neighbours-map");
    imageViewer.emptyTextProperty().set("Choose an image");
    guideViewer.emptyTextProperty().set("Guiding training image");
    mapViewer.emptyTextProperty().set("Anomaly map");
    Label a = new Label("Image with heatmap");
    Label c = new Label("Anomaly map");
    guideCaption.setText("Training image that guided the map");
    for (Label l : new Label[] {a, guideCaption, c}) {
      l.getStyleClass().add(Styles.TEXT_BOLD);
      l.setMinWidth(0);
    }
    HBox panels =
        new HBox(8, panel(a, imageViewer), panel(guideCaption, guideViewer), panel(c, mapViewer));
    VBox.setVgrow(panels, Priority.ALWAYS);
    Label stripTitle = new Label("Most similar training images (the first guided the map)");
    stripTitle.getStyleClass().add("muted");
    strip.setId("neighbours-strip");
    strip.setPadding(new Insets(2));
    ScrollPane stripScroll = new ScrollPane(strip);
    stripScroll.setFitToHeight(true);
    stripScroll.setMinHeight(THUMB + 56);
    stripScroll.setPrefHeight(THUMB + 56);
    stripScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox box = new VBox(6, panels, stripTitle, stripScroll);
    box.setPadding(new Insets(8));
    return box;
  }

  private static Node panel(Label title, ImageViewer viewer) {
    viewer.setPrefSize(260, 200);
    viewer.setMinSize(100, 100);
    VBox.setVgrow(viewer, Priority.ALWAYS);
    VBox box = new VBox(4, title, viewer);
    HBox.setHgrow(box, Priority.ALWAYS);
    box.setMinWidth(100);
    return box;
  }

  private Node bottom() {
    typical.setId("neighbours-typical");
    typical.setPadding(new Insets(8));
    ScrollPane typicalScroll = new ScrollPane(typical);
    typicalScroll.setFitToWidth(true);
    Label typicalNote =
        new Label(
            "Least typical first: mean similarity to their "
                + NeighboursViewModel.TYPICALITY_K
                + " most similar other training images. Low values are unusual, perhaps"
                + " mislabelled, good parts.");
    typicalNote.getStyleClass().add("muted");
    typicalNote.setWrapText(true);
    VBox typicalBox = new VBox(4, typicalNote, typicalScroll);
    VBox.setVgrow(typicalScroll, Priority.ALWAYS);
    typicalBox.setPadding(new Insets(6));
    Tab typicalTab = new Tab("Least typical training images", typicalBox);

    Slider threshold =
        new Slider(
            NeighboursViewModel.MIN_DUPLICATE_THRESHOLD,
            1.0,
            vm.duplicateThresholdProperty().get());
    threshold.setId("neighbours-duplicate-threshold");
    threshold.valueProperty().bindBidirectional(vm.duplicateThresholdProperty());
    threshold.setPrefWidth(200);
    Label thresholdLabel = new Label();
    thresholdLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    NeighboursViewModel.duplicatesLine(
                        vm.duplicateThresholdProperty().get(),
                        vm.duplicates().size(),
                        vm.bestTestSimilarityProperty().get()),
                vm.duplicateThresholdProperty(),
                vm.duplicates(),
                vm.bestTestSimilarityProperty()));
    ProgressBar scan = new ProgressBar();
    scan.progressProperty().bind(vm.scanProgressProperty());
    scan.visibleProperty().bind(vm.scanningProperty());
    scan.setPrefWidth(100);
    HBox controls = new HBox(8, new Label("Near-duplicate at"), threshold, thresholdLabel, scan);
    controls.setAlignment(Pos.CENTER_LEFT);
    TableView<NearDuplicateRow> table = new TableView<>(vm.duplicates());
    table.setId("neighbours-duplicates");
    table.getStyleClass().add(Styles.DENSE);
    TableColumn<NearDuplicateRow, String> test = new TableColumn<>("Test image");
    test.setCellValueFactory(
        r ->
            new javafx.beans.property.SimpleStringProperty(
                r.getValue().test().fileName() + " (" + r.getValue().test().groundTruth() + ")"));
    TableColumn<NearDuplicateRow, String> train = new TableColumn<>("Training image");
    train.setCellValueFactory(
        r -> new javafx.beans.property.SimpleStringProperty(shortName(r.getValue().trainId())));
    TableColumn<NearDuplicateRow, String> sim = new TableColumn<>("Similarity");
    sim.setCellValueFactory(
        r ->
            new javafx.beans.property.SimpleStringProperty(
                String.format(Locale.ROOT, "%.5f", r.getValue().similarity())));
    table.getColumns().setAll(List.of(test, train, sim));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No test image is that similar to a training image"));
    table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showPair(row));
    HBox.setHgrow(table, Priority.ALWAYS);
    pairView.setMinWidth(2 * THUMB + 16);
    HBox dupBody = new HBox(8, table, pairView);
    VBox.setVgrow(dupBody, Priority.ALWAYS);
    VBox dupBox = new VBox(6, controls, dupBody);
    dupBox.setPadding(new Insets(6));
    Tab dupTab = new Tab("Near-duplicates train / test", dupBox);
    TabPane tabs = new TabPane(typicalTab, dupTab);
    tabs.setId("neighbours-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    return tabs;
  }

  static String shortName(String id) {
    Path p = Path.of(id);
    Path parent = p.getParent();
    return parent == null ? id : parent.getFileName() + "/" + p.getFileName();
  }

  private void showNeighbours() {
    NeighbourSet set = vm.neighboursProperty().get();
    SgsfModel m = vm.model();
    strip.getChildren().clear();
    if (set == null || m == null) {
      imageViewer.setImage(null);
      imageViewer.getOverlays().clear();
      guideViewer.setImage(null);
      mapViewer.setImage(null);
      return;
    }
    var t = vm.thresholds();
    Image heat = HeatLayers.map(set.result().map(), ColorMap.INFERNO, t);
    imageViewer.setImage(FxImages.toImage(set.image()));
    imageViewer.setOverlays(
        List.of(
            new Overlay.ImageLayer(
                HeatLayers.overlay(set.result().map(), ColorMap.INFERNO, t), 0.7)));
    mapViewer.setImage(heat);
    FeatureBank bank = m.bank();
    FeatureBank.Neighbour g = set.guiding();
    if (g == null) {
      guideViewer.setImage(null);
      guideCaption.setText("This model is not guided by training images");
    } else {
      guideViewer.setImage(FxImages.toImage(bank.image(g.index())));
      guideCaption.setText(
          String.format(
              Locale.ROOT, "Guided by %s (similarity %.4f)", shortName(g.id()), g.similarity()));
    }
    boolean first = true;
    for (FeatureBank.Neighbour n : set.neighbours()) {
      VBox card =
          card(
              FxImages.toImage(bank.image(n.index())),
              String.format(Locale.ROOT, "%.4f", n.similarity()),
              shortName(n.id()));
      if (first) {
        card.getStyleClass().add("guiding");
        first = false;
      }
      strip.getChildren().add(card);
    }
  }

  private void showTypical() {
    typical.getChildren().clear();
    SgsfModel m = vm.model();
    if (m == null) {
      return;
    }
    int shown = Math.min(24, vm.leastTypical().size());
    for (int i = 0; i < shown; i++) {
      NeighbourAnalysis.Typicality t = vm.leastTypical().get(i);
      VBox card =
          card(
              FxImages.toImage(m.bank().image(t.index())),
              String.format(Locale.ROOT, "%.4f", t.typicality()),
              shortName(t.id()));
      Tooltip.install(
          card,
          new Tooltip(
              t.id()
                  + String.format(
                      Locale.ROOT,
                      "\nmean similarity to its %d nearest: %.4f\nnearest: %s (%.4f)",
                      NeighboursViewModel.TYPICALITY_K,
                      t.typicality(),
                      shortName(m.bank().id(t.nearestIndex())),
                      t.nearestSimilarity())));
      typical.getChildren().add(card);
    }
  }

  private void showPair(NearDuplicateRow row) {
    pairView.getChildren().clear();
    SgsfModel m = vm.model();
    if (row == null || m == null) {
      return;
    }
    VBox train =
        card(FxImages.toImage(m.bank().image(row.bankIndex())), "train", shortName(row.trainId()));
    vm.loadImage(
        row.test(),
        img -> {
          if (pairView.getChildren().size() == 1 && pairView.getChildren().get(0) == train) {
            pairView
                .getChildren()
                .add(0, card(FxImages.toImage(img), "test", row.test().fileName()));
          }
        });
    pairView.getChildren().add(train);
  }

  private static VBox card(Image img, String value, String name) {
    ImageView v = new ImageView(img);
    v.setFitWidth(THUMB);
    v.setFitHeight(THUMB);
    v.setPreserveRatio(true);
    v.setSmooth(true);
    Label val = new Label(value);
    val.getStyleClass().add(Styles.TEXT_BOLD);
    Label n = new Label(name);
    n.getStyleClass().add("muted");
    n.setMaxWidth(THUMB);
    VBox box = new VBox(2, v, val, n);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("thumb-card");
    return box;
  }
}
