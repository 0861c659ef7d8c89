package sgsf.ui;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.concurrent.Lane;

/**
 * The main window's state and commands: workspaces (new, open, recent, the last one at start), the
 * current section and which sections are available, theme, backend and memory read-outs.
 */
public final class MainViewModel {
  /** System property overriding the default workspace folder ({@code ~/sgsf-workspace}). */
  public static final String DEFAULT_WORKSPACE_PROPERTY = "sgsf.workspace.default";

  private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
  private final WorkbenchSession session;
  private final SettingsStore settingsStore;
  private WorkbenchSettings settings;
  private final ObservableList<Path> recentWorkspaces = FXCollections.observableArrayList();
  private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
  private final ObjectProperty<Section> section =
      new SimpleObjectProperty<>(this, "section", Section.DATASET);
  private final Map<Section, String> unavailable = new EnumMap<>(Section.class);
  private final ReadOnlyStringWrapper backendLabel =
      new ReadOnlyStringWrapper(this, "backendLabel", "Backend loading…");
  private final ReadOnlyStringWrapper backendDetails =
      new ReadOnlyStringWrapper(
          this, "backendDetails", "The deep-learning backend (ND4J) loads in the background");
  private final ReadOnlyStringWrapper memoryLabel = new ReadOnlyStringWrapper(this, "memoryLabel");
  private String backendBase;
  private int trainingThreads;
  private final StringBinding title;
  private Path defaultWorkspace = defaultWorkspaceDir();

  public MainViewModel(WorkbenchSession session, SettingsStore settingsStore) {
    this.session = Objects.requireNonNull(session);
    this.settingsStore = Objects.requireNonNull(settingsStore);
    this.settings = settingsStore.load();
    darkTheme.set(settings.darkTheme());
    darkTheme.addListener((o, a, dark) -> saveSettings(settings.withDarkTheme(dark)));
    refreshRecent();
    title =
        Bindings.createStringBinding(
            () -> {
              Workspace ws = session.getWorkspace();
              return ws == null
                  ? "SGSF Inspection Workbench"
                  : ws.name() + " — SGSF Inspection Workbench";
            },
            session.workspaceProperty());
    session
        .backendProperty()
        .addListener(
            (o, a, info) -> {
              if (info != null) {
                backendBase = info.label();
                backendLabel.set(backendLabel(backendBase, trainingThreads));
                backendDetails.set(info.details());
              }
            });
    refreshMemory();
  }

  public WorkbenchSession session() {
    return session;
  }

  /** The folder used when no workspace was ever opened. */
  public static Path defaultWorkspaceDir() {
    String p = System.getProperty(DEFAULT_WORKSPACE_PROPERTY);
    return p != null && !p.isBlank()
        ? Path.of(p)
        : Path.of(System.getProperty("user.home"), "sgsf-workspace");
  }

  /**
   * Opens the last workspace, or, on first start (or when it has gone), the default workspace on
   * the demo dataset.
   */
  public void startup() {
    startup(null);
  }

  /** As {@link #startup()}, taking the workspace from a start-up prefetch when there is one. */
  public void startup(StartupPrefetch prefetch) {
    String last = settings.lastWorkspace();
    if (last != null && !StartupPrefetch.isWorkspace(Path.of(last))) {
      LOG.info("last workspace {} is gone; opening the default one", last);
      saveSettings(settings.without(last));
    }
    WorkbenchSettings s = settings;
    Path fallback = defaultWorkspace;
    runWorkspaceTask(
        "Opening workspace",
        () -> prefetch != null ? prefetch.workspace() : startupWorkspace(s, fallback));
  }

  /**
   * The workspace to start with: the last one if it still exists, otherwise {@code
   * defaultWorkspace} (created on the demo dataset when it does not exist yet).
   */
  static Workspace startupWorkspace(WorkbenchSettings s, Path defaultWorkspace)
      throws sgsf.io.workspace.WorkspaceException {
    String last = s.lastWorkspace();
    if (last != null && StartupPrefetch.isWorkspace(Path.of(last))) {
      return Workspace.open(Path.of(last));
    }
    return Workspace.openOrCreate(defaultWorkspace, DatasetReference.ofDemo());
  }

  /** Where {@link #startup()} puts the workspace when there is no last one. */
  public void setDefaultWorkspace(Path dir) {
    defaultWorkspace = Objects.requireNonNull(dir);
  }

  public void openWorkspace(Path dir) {
    runWorkspaceTask("Opening workspace " + dir, () -> Workspace.open(dir));
  }

  /**
   * Creates a workspace in {@code dir} on the current workspace's dataset (the demo dataset if
   * none) and switches to it.
   */
  public void newWorkspace(Path dir) {
    Workspace current = session.getWorkspace();
    DatasetReference ref =
        current != null && current.dataset() != null
            ? current.dataset()
            : DatasetReference.ofDemo();
    runWorkspaceTask("Creating workspace " + dir, () -> Workspace.create(dir, ref));
  }

  private interface WorkspaceAction {
    Workspace run() throws Exception;
  }

  private void runWorkspaceTask(String title, WorkspaceAction action) {
    session
        .runner()
        .task(title, ctx -> action.run())
        .lane(Lane.IO)
        .onSuccess(this::setWorkspace)
        .onFailure(e -> session.notifier().error(title, e))
        .start();
  }

  private void setWorkspace(Workspace ws) {
    session.workspaceProperty().set(ws);
    saveSettings(settings.withOpened(ws.dir().toString()));
    LOG.info("workspace {} open", ws.dir());
  }

  /** Loads the deep-learning backend in the background and publishes what it reports. */
  public void loadBackend() {
    session
        .runner()
        .task("Loading deep-learning backend", ctx -> BackendProbe.load())
        .lane(Lane.IO)
        .quiet()
        .onSuccess(
            info -> {
              LOG.info("backend: {} ({})", info.label(), info.details().replace('\n', ' '));
              session.backendProperty().set(info);
            })
        .onFailure(
            e -> {
              backendLabel.set("Backend unavailable");
              backendDetails.set(sgsf.ui.common.ErrorMessages.describe(e));
              session.notifier().error("Loading the deep-learning backend (ND4J)", e);
            })
        .start();
  }

  public void refreshMemory() {
    memoryLabel.set(MemoryUsage.now().label());
  }

  private void saveSettings(WorkbenchSettings s) {
    settings = s;
    settingsStore.save(s);
    refreshRecent();
  }

  private void refreshRecent() {
    List<Path> paths = settings.recentWorkspaces().stream().map(Path::of).toList();
    recentWorkspaces.setAll(paths);
  }

  public ObservableList<Path> recentWorkspaces() {
    return recentWorkspaces;
  }

  public BooleanProperty darkThemeProperty() {
    return darkTheme;
  }

  public ObjectProperty<Section> sectionProperty() {
    return section;
  }

  /** Why a section cannot be opened yet, or null when it can. */
  public String unavailableReason(Section s) {
    return unavailable.get(s);
  }

  public boolean isAvailable(Section s) {
    return !unavailable.containsKey(s);
  }

  /** Marks a section unavailable (with the reason shown on it) or available (reason null). */
  public void setUnavailable(Section s, String reason) {
    if (reason == null) {
      unavailable.remove(s);
    } else {
      unavailable.put(s, reason);
    }
  }

  /** Switches to {@code s} if it is available; returns whether it did. */
  public boolean show(Section s) {
    if (!isAvailable(s)) {
      return false;
    }
    section.set(s);
    return true;
  }

  /**
   * Tells the status bar how many threads training runs on (the Train view trains on one core fewer
   * than the machine has), or 0 when no training runs.
   */
  public void setTrainingThreads(int threads) {
    trainingThreads = threads;
    if (backendBase != null) {
      backendLabel.set(backendLabel(backendBase, threads));
    }
  }

  /** "CPU (oneDNN), 2 threads", or while training "CPU (oneDNN), 2 threads · training on 1". */
  static String backendLabel(String backend, int trainingThreads) {
    return trainingThreads <= 0
        ? backend
        : backend
            + " · training on "
            + trainingThreads
            + (trainingThreads == 1 ? " thread" : " threads");
  }

  public ReadOnlyStringProperty backendLabelProperty() {
    return backendLabel.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty backendDetailsProperty() {
    return backendDetails.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty memoryLabelProperty() {
    return memoryLabel.getReadOnlyProperty();
  }

  public StringBinding titleProperty() {
    return title;
  }

  public WorkbenchSettings settings() {
    return settings;
  }
}
