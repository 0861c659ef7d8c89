package sgsf.ui.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import sgsf.io.workspace.Workspace;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.ErrorMessages;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.RunningTask;

/**
 * The Evaluate view's model pane: the workspace's model files, the chosen one, opened in the
 * background, and what went wrong when it could not be opened.
 */
public final class ModelChooser {
  private final WorkbenchSession session;
  private final ObservableList<Path> models = FXCollections.observableArrayList();
  private final ObjectProperty<Path> modelFile = new SimpleObjectProperty<>(this, "modelFile");
  private final ReadOnlyObjectWrapper<LoadedModel> model =
      new ReadOnlyObjectWrapper<>(this, "model");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private RunningTask<LoadedModel> loadTask;

  ModelChooser(WorkbenchSession session) {
    this.session = session;
    modelFile.addListener((o, a, f) -> load(f));
    session.workspaceProperty().addListener((o, a, ws) -> refresh());
  }

  /** The model files in the workspace's models folder, newest first. */
  public ObservableList<Path> models() {
    return models;
  }

  /** The model to evaluate; setting it opens the model in the background. */
  public ObjectProperty<Path> modelFileProperty() {
    return modelFile;
  }

  /** The opened model; null while opening, when none is chosen or when it could not be opened. */
  public ReadOnlyObjectProperty<LoadedModel> modelProperty() {
    return model.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Why the chosen model could not be opened ("file: problem"), or null. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The opened model changed in memory (thresholds saved into its file). */
  void replace(LoadedModel updated) {
    model.set(updated);
  }

  /** Lists the workspace's models again (after a training run saved one). */
  public void refresh() {
    Workspace ws = session.getWorkspace();
    if (ws == null) {
      models.clear();
      return;
    }
    Path dir = ws.modelsDir();
    session
        .runner()
        .task("Listing models", ctx -> listModels(dir))
        .lane(Lane.IO)
        .quiet()
        .onSuccess(
            list -> {
              Path keep = modelFile.get();
              models.setAll(list);
              if (keep == null && !list.isEmpty()) {
                modelFile.set(list.get(0));
              }
            })
        .onFailure(e -> session.notifier().error("Listing the models in " + dir, e))
        .start();
  }

  /** A training run saved {@code file}: list it first and select it. */
  public void modelSaved(Path file) {
    models.remove(file);
    models.add(0, file);
    modelFile.set(file);
  }

  static List<Path> listModels(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files =
          new ArrayList<>(
              s.filter(Files::isRegularFile)
                  .filter(
                      p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return (n.endsWith(".zip") || n.endsWith(".sgsf")) && !n.startsWith(".");
                      })
                  .toList());
      Map<Path, Long> times = new LinkedHashMap<>();
      for (Path p : files) {
        times.put(p, Files.getLastModifiedTime(p).toMillis());
      }
      files.sort(
          Comparator.comparing((Path p) -> times.get(p))
              .reversed()
              .thenComparing(p -> p.getFileName().toString()));
      return files;
    }
  }

  private void load(Path file) {
    if (loadTask != null) {
      loadTask.cancel();
    }
    model.set(null);
    error.set(null);
    if (file == null) {
      return;
    }
    loading.set(true);
    loadTask =
        session
            .runner()
            .task("Opening model " + file.getFileName(), ctx -> LoadedModel.load(file))
            .lane(Lane.IO)
            .onSuccess(
                m -> {
                  if (file.equals(modelFile.get())) {
                    model.set(m);
                  }
                })
            .onFailure(
                e -> {
                  if (file.equals(modelFile.get())) {
                    error.set(ErrorMessages.describe(e));
                  }
                  session.notifier().error("Opening the model " + file, e);
                })
            .onFinished(
                () -> {
                  if (file.equals(modelFile.get())) {
                    loading.set(false);
                  }
                })
            .start();
  }
}
