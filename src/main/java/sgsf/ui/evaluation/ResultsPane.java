package sgsf.ui.evaluation;

import atlantafx.base.theme.Styles;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import sgsf.engine.metrics.Verdict;
import sgsf.ui.common.Icons;

/**
 * The Evaluate view's results table: the filters (name, type, verdict) above a sortable table of
 * the images (warnings, name, truth, score, verdict, outcome) and the count of rows shown.
 */
final class ResultsPane {
  private final ResultsPaneModel vm;
  private final TableView<ResultRow> table = new TableView<>();
  private final VBox root;

  ResultsPane(ResultsPaneModel vm) {
    this.vm = vm;
    root = build();
  }

  Node node() {
    return root;
  }

  private VBox build() {
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
    name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
    name.setPrefWidth(100);
    TableColumn<ResultRow, String> truth = new TableColumn<>("Truth");
    truth.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().groundTruth()));
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
    warnings.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().result().warnings()));
    warnings.setCellFactory(c -> new WarningsCell());
    warnings.setComparator(Comparator.comparingInt(List::size));
    warnings.setPrefWidth(34);
    warnings.setMinWidth(34);
    warnings.setMaxWidth(34);
    table.getColumns().setAll(List.of(warnings, name, truth, score, verdictCol, outcome));
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
}
