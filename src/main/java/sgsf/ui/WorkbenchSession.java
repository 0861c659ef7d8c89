package sgsf.ui;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import sgsf.engine.data.Dataset;
import sgsf.io.workspace.Workspace;
import sgsf.ui.common.Notifier;
import sgsf.ui.concurrent.TaskRunner;

/**
 * State the ViewModels share: the task runner, where messages go, the open workspace and the
 * dataset loaded from it. Properties change on the FX thread (the runner's dispatcher) only.
 */
public final class WorkbenchSession {
  private final TaskRunner runner;
  private final ObjectProperty<Notifier> notifier;
  private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(this, "workspace");
  private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
  private final ObjectProperty<BackendInfo> backend = new SimpleObjectProperty<>(this, "backend");

  public WorkbenchSession(TaskRunner runner, Notifier notifier) {
    this.runner = Objects.requireNonNull(runner);
    this.notifier = new SimpleObjectProperty<>(this, "notifier", Objects.requireNonNull(notifier));
  }

  public TaskRunner runner() {
    return runner;
  }

  public Notifier notifier() {
    return notifier.get();
  }

  /** The main window replaces the start-up notifier with its dialogs. */
  public void setNotifier(Notifier n) {
    notifier.set(Objects.requireNonNull(n));
  }

  public ObjectProperty<Workspace> workspaceProperty() {
    return workspace;
  }

  public Workspace getWorkspace() {
    return workspace.get();
  }

  public ObjectProperty<Dataset> datasetProperty() {
    return dataset;
  }

  public Dataset getDataset() {
    return dataset.get();
  }

  /** Set once the deep-learning backend has loaded. */
  public ObjectProperty<BackendInfo> backendProperty() {
    return backend;
  }
}
