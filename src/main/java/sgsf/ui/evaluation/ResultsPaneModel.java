package sgsf.ui.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;

/**
 * The Evaluate view's results table: one row per image of the shared evaluation, whose verdicts
 * follow the shared thresholds, the filters (name, type, verdict) and the selected row, which is
 * the shared selected image.
 */
public final class ResultsPaneModel {
  /** The type filter that shows every image. */
  public static final String ALL_TYPES = "All types";

  private final EvaluationState state;
  private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
  private final FilteredList<ResultRow> filtered = new FilteredList<>(rows, r -> true);
  private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
  private final ObjectProperty<String> typeFilter =
      new SimpleObjectProperty<>(this, "typeFilter", ALL_TYPES);
  private final ObjectProperty<Verdict> verdictFilter =
      new SimpleObjectProperty<>(this, "verdictFilter");
  private final ObservableList<String> typeChoices = FXCollections.observableArrayList(ALL_TYPES);
  private final ObjectProperty<ResultRow> selectedRow =
      new SimpleObjectProperty<>(this, "selectedRow");

  ResultsPaneModel(EvaluationState state) {
    this.state = state;
    state.resultProperty().addListener((o, a, r) -> showResult(r));
    state.thresholdsProperty().addListener((o, a, t) -> thresholdsChanged(t));
    filterText.addListener(o -> refilter());
    typeFilter.addListener(o -> refilter());
    verdictFilter.addListener(o -> refilter());
    selectedRow.addListener(
        (o, a, row) -> state.selectedProperty().set(row == null ? null : row.result()));
  }

  /** Every image of the shown evaluation, in its order. */
  public ObservableList<ResultRow> rows() {
    return rows;
  }

  /** The rows that pass the filters (the table sorts them). */
  public FilteredList<ResultRow> filteredRows() {
    return filtered;
  }

  /** Text the image name must contain (case-insensitive). */
  public StringProperty filterTextProperty() {
    return filterText;
  }

  /** {@link #ALL_TYPES}, "good", a defect type or "unknown". */
  public ObjectProperty<String> typeFilterProperty() {
    return typeFilter;
  }

  /** {@link #ALL_TYPES} and the ground-truth types of the shown images, sorted. */
  public ObservableList<String> typeChoices() {
    return typeChoices;
  }

  /** Only rows with this verdict, or null for all. */
  public ObjectProperty<Verdict> verdictFilterProperty() {
    return verdictFilter;
  }

  /** The row selected in the table; its image is the shared selected image. */
  public ObjectProperty<ResultRow> selectedRowProperty() {
    return selectedRow;
  }

  /** Selects the row of {@code result} (e.g. chosen in another view); false if it is not shown. */
  public boolean select(ImageResult result) {
    for (ResultRow r : rows) {
      if (r.result() == result) {
        selectedRow.set(r);
        return true;
      }
    }
    return false;
  }

  private void showResult(EvaluationResult r) {
    selectedRow.set(null);
    List<ResultRow> list = new ArrayList<>();
    TreeSet<String> types = new TreeSet<>();
    if (r != null) {
      Thresholds t = state.getThresholds();
      for (ImageResult i : r.images()) {
        list.add(new ResultRow(i, t));
        types.add(i.groundTruth());
      }
    }
    rows.setAll(list);
    List<String> choices = new ArrayList<>();
    choices.add(ALL_TYPES);
    choices.addAll(types);
    typeChoices.setAll(choices);
    if (!choices.contains(typeFilter.get())) {
      typeFilter.set(ALL_TYPES);
    }
    thresholdsChanged(state.getThresholds());
  }

  private void thresholdsChanged(Thresholds t) {
    for (ResultRow row : rows) {
      row.update(t);
    }
    if (verdictFilter.get() != null) {
      refilter();
    }
  }

  private void refilter() {
    String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
    String type = typeFilter.get();
    Verdict v = verdictFilter.get();
    filtered.setPredicate(
        r ->
            (text.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(text))
                && (type == null || ALL_TYPES.equals(type) || type.equals(r.groundTruth()))
                && (v == null || v == r.verdict()));
  }
}
