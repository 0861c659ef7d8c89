package sgsf.ui.dataset;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import sgsf.engine.data.Sample;
import sgsf.engine.data.Split;
import sgsf.ui.common.ThumbnailCache;

/** A thumbnail in the dataset grid: the image, its name, and its split and type as a badge. */
final class SampleCell extends GridCell<Sample> {
  private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
  private static final PseudoClass DEFECT = PseudoClass.getPseudoClass("defect");
  private final DatasetViewModel vm;
  private final ThumbnailCache thumbnails;
  private final ImageView image = new ImageView();
  private final Label name = new Label();
  private final Label badge = new Label();
  private final VBox box;
  private ThumbnailCache.Request pending;

  SampleCell(DatasetViewModel vm, ThumbnailCache thumbnails, double thumbSize) {
    this.vm = vm;
    this.thumbnails = thumbnails;
    getStyleClass().add("sample-cell");
    image.setFitWidth(thumbSize);
    image.setFitHeight(thumbSize);
    image.setPreserveRatio(true);
    image.setSmooth(true);
    StackPane frame = new StackPane(image, badge);
    frame.getStyleClass().add("thumb-frame");
    frame.setMinSize(thumbSize, thumbSize);
    frame.setPrefSize(thumbSize, thumbSize);
    StackPane.setAlignment(badge, Pos.TOP_LEFT);
    badge.getStyleClass().add("thumb-badge");
    name.getStyleClass().add("thumb-name");
    name.setMaxWidth(thumbSize);
    box = new VBox(3, frame, name);
    box.setAlignment(Pos.TOP_CENTER);
    ChangeListener<Sample> selection =
        (o, a, s) -> pseudoClassStateChanged(SELECTED, getItem() != null && getItem().equals(s));
    vm.selectedProperty().addListener(new javafx.beans.value.WeakChangeListener<>(selection));
    getProperties().put("selection-listener", selection);
    setOnMouseClicked(
        e -> {
          if (getItem() != null) {
            vm.selectedProperty().set(getItem());
            getGridView().requestFocus();
          }
        });
  }

  @Override
  protected void updateItem(Sample item, boolean empty) {
    super.updateItem(item, empty);
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
    if (empty || item == null) {
      setGraphic(null);
      setText(null);
      image.setImage(null);
      pseudoClassStateChanged(SELECTED, false);
      return;
    }
    name.setText(item.fileName());
    badge.setText(
        (item.split() == Split.TRAIN ? "train" : "test")
            + (item.isDefective() ? " · " + item.defectType() : ""));
    pseudoClassStateChanged(DEFECT, item.isDefective());
    pseudoClassStateChanged(SELECTED, item.equals(vm.selectedProperty().get()));
    setText(null);
    setGraphic(box);
    javafx.scene.image.Image cached = thumbnails.cached(item.image());
    image.setImage(cached);
    if (cached == null) {
      Sample requested = item;
      pending =
          thumbnails.request(
              item.image(),
              img -> {
                if (requested.equals(getItem())) {
                  image.setImage(img);
                }
              });
    }
  }
}
