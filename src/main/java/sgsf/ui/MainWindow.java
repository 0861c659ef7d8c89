package sgsf.ui;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.HostServices;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import sgsf.engine.backend.SoftwareVersion;
import sgsf.io.workspace.Workspace;
import sgsf.ui.common.FileDialogs;
import sgsf.ui.common.Icons;
import sgsf.ui.concurrent.RunningTask;
import sgsf.ui.concurrent.TaskState;

/**
 * The main window's content: menu bar, navigation rail, the current section's view, notification
 * layer and status bar. Views are built the first time their section is shown.
 */
public final class MainWindow {
  private final MainViewModel vm;
  private final Map<Section, Supplier<Node>> factories;
  private final Map<Section, Node> views = new EnumMap<>(Section.class);
  private final Map<Section, ToggleButton> navButtons = new EnumMap<>(Section.class);
  private final BorderPane root = new BorderPane();
  private final StackPane content = new StackPane();
  private final StackPane center;
  private final WindowNotifier notifier;
  private final HostServices host;
  private Runnable openDatasetAction = () -> {};

  /**
   * @param factories the views of the sections that have one; a section without a view or marked
   *     unavailable in the ViewModel shows as a disabled entry with the reason as its tooltip
   */
  public MainWindow(MainViewModel vm, Map<Section, Supplier<Node>> factories, HostServices host) {
    this.vm = vm;
    this.factories = new EnumMap<>(factories);
    this.host = host;
    for (Section s : Section.values()) {
      if (!this.factories.containsKey(s) && vm.isAvailable(s)) {
        vm.setUnavailable(s, s.title() + " is not part of this build.");
      }
    }
    notifier = new WindowNotifier(this::openLog);
    vm.session().setNotifier(notifier);
    root.getStyleClass().add("workbench");
    root.setTop(menuBar());
    root.setLeft(navigation());
    content.getStyleClass().add("section-content");
    center = new StackPane(content, notifier.layer());
    root.setCenter(center);
    root.setBottom(statusBar());
    vm.sectionProperty().addListener((o, a, s) -> showSection(s));
    if (!vm.isAvailable(vm.sectionProperty().get())) {
      for (Section s : Section.values()) {
        if (vm.isAvailable(s)) {
          vm.sectionProperty().set(s);
          break;
        }
      }
    }
    showSection(vm.sectionProperty().get());
    root.sceneProperty()
        .addListener(
            (o, a, scene) -> {
              if (scene != null) {
                scene.windowProperty().addListener((o2, a2, w) -> notifier.setOwner(w));
                notifier.setOwner(scene.getWindow());
              }
            });
  }

  public BorderPane root() {
    return root;
  }

  /** What File › Open dataset folder does (the dataset view provides it). */
  public void setOpenDatasetAction(Runnable action) {
    openDatasetAction = action;
  }

  WindowNotifier notifier() {
    return notifier;
  }

  /** The view of a section if it was built. */
  public Node view(Section s) {
    return views.get(s);
  }

  private void showSection(Section s) {
    if (!factories.containsKey(s)) {
      return;
    }
    Node view = views.computeIfAbsent(s, k -> factories.get(k).get());
    content.getChildren().setAll(view);
    ToggleButton b = navButtons.get(s);
    if (b != null) {
      b.setSelected(true);
    }
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private MenuBar menuBar() {
    MenuItem newWs = item("New workspace…", MaterialDesignF.FOLDER_PLUS_OUTLINE, "Shortcut+N");
    newWs.setOnAction(e -> chooseFolder("New workspace folder").ifPresent(vm::newWorkspace));
    MenuItem openWs = item("Open workspace…", MaterialDesignF.FOLDER_OPEN, "Shortcut+O");
    openWs.setOnAction(e -> chooseFolder("Open workspace").ifPresent(vm::openWorkspace));
    Menu recent = new Menu("Recent workspaces");
    Runnable fillRecent =
        () -> {
          recent.getItems().clear();
          for (Path p : vm.recentWorkspaces()) {
            MenuItem mi = new MenuItem(p.toString());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> vm.openWorkspace(p));
            recent.getItems().add(mi);
          }
          recent.setDisable(recent.getItems().isEmpty());
        };
    vm.recentWorkspaces().addListener((ListChangeListener<Path>) c -> fillRecent.run());
    fillRecent.run();
    MenuItem openData =
        item("Open dataset folder…", MaterialDesignF.FOLDER_IMAGE, "Shortcut+Shift+O");
    openData.setOnAction(e -> openDatasetAction.run());
    MenuItem quit = item("Quit", null, "Shortcut+Q");
    quit.setOnAction(
        e -> {
          Window w = window();
          if (w == null) {
            return;
          }
          // the same question as closing the window (a running training)
          javafx.stage.WindowEvent close =
              new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
          if (w.getOnCloseRequest() != null) {
            w.getOnCloseRequest().handle(close);
          }
          if (!close.isConsumed()) {
            w.hide();
          }
        });
    Menu file =
        new Menu(
            "_File",
            null,
            newWs,
            openWs,
            recent,
            new SeparatorMenuItem(),
            openData,
            new SeparatorMenuItem(),
            quit);

    CheckMenuItem dark = new CheckMenuItem("Dark theme");
    dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+T"));
    dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
    Menu view = new Menu("_View", null, dark, new SeparatorMenuItem());
    KeyCode[] digits = {
      KeyCode.DIGIT1,
      KeyCode.DIGIT2,
      KeyCode.DIGIT3,
      KeyCode.DIGIT4,
      KeyCode.DIGIT5,
      KeyCode.DIGIT6,
      KeyCode.DIGIT7
    };
    for (Section s : Section.values()) {
      MenuItem mi = new MenuItem(s.title(), Icons.of(s.icon()));
      mi.setAccelerator(new KeyCodeCombination(digits[s.ordinal()], KeyCombination.SHORTCUT_DOWN));
      mi.setDisable(!vm.isAvailable(s));
      mi.setOnAction(e -> vm.show(s));
      view.getItems().add(mi);
    }

    MenuItem log = item("Open log", MaterialDesignF.FILE_DOCUMENT_OUTLINE, "Shortcut+L");
    log.setOnAction(e -> openLog());
    MenuItem about = item("About", MaterialDesignC.CHECK_DECAGRAM, null);
    about.setOnAction(e -> about());
    Menu help = new Menu("_Help", null, log, about);
    MenuBar bar = new MenuBar(file, view, help);
    bar.setUseSystemMenuBar(true);
    return bar;
  }

  private static MenuItem item(String text, org.kordamp.ikonli.Ikon icon, String accelerator) {
    MenuItem mi = new MenuItem(text, icon == null ? null : Icons.of(icon));
    if (accelerator != null) {
      mi.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    return mi;
  }

  private java.util.Optional<Path> chooseFolder(String title) {
    Workspace ws = vm.session().getWorkspace();
    return FileDialogs.folder(window(), title, ws == null ? null : ws.dir().getParent());
  }

  void openLog() {
    LogViewer.show(window(), vm.session().runner(), host);
  }

  private void about() {
    Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
    a.initOwner(window());
    a.setTitle("About");
    a.setHeaderText("SGSF Inspection Workbench " + SoftwareVersion.get());
    Workspace ws = vm.session().getWorkspace();
    Label text =
        new Label(
            "Unsupervised visual anomaly detection with the Self-Supervised Guided Segmentation"
                + " Framework: train from good parts only, find where defects are.\n\n"
                + "Backend: "
                + vm.backendLabelProperty().get()
                + "\nWorkspace: "
                + (ws == null ? "none" : ws.dir())
                + "\nLog: "
                + WorkbenchLog.file()
                + "\nJava "
                + System.getProperty("java.version")
                + ", JavaFX "
                + System.getProperty("javafx.runtime.version"));
    text.setWrapText(true);
    text.setMaxWidth(520);
    a.getDialogPane().setContent(text);
    a.show();
  }

  private Node navigation() {
    VBox nav = new VBox(4);
    nav.getStyleClass().add("nav-rail");
    nav.setPadding(new Insets(10, 6, 10, 6));
    ToggleGroup group = new ToggleGroup();
    for (Section s : Section.values()) {
      ToggleButton b = new ToggleButton(s.title(), Icons.of(s.icon(), 22));
      b.setContentDisplay(ContentDisplay.TOP);
      b.getStyleClass().add("nav-button");
      b.setMaxWidth(Double.MAX_VALUE);
      b.setToggleGroup(group);
      b.setFocusTraversable(false);
      b.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
      navButtons.put(s, b);
      b.setOnAction(e -> vm.show(s));
      if (s == Section.EVALUATE) {
        Separator sep = new Separator(Orientation.HORIZONTAL);
        sep.setPadding(new Insets(6, 4, 6, 4));
        nav.getChildren().add(sep);
      }
      String reason = vm.unavailableReason(s);
      if (reason == null) {
        b.setTooltip(new Tooltip(s.description() + "  (Ctrl+" + (s.ordinal() + 1) + ")"));
        nav.getChildren().add(b);
      } else {
        // disabled controls never show tooltips, so the tooltip sits on a wrapper
        b.setDisable(true);
        StackPane wrapper = new StackPane(b);
        wrapper.getStyleClass().add("nav-disabled");
        Tooltip tip = new Tooltip(s.title() + " is not available yet.\n" + reason);
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        tip.setShowDelay(Duration.millis(250));
        Tooltip.install(wrapper, tip);
        wrapper.setUserData(tip);
        nav.getChildren().add(wrapper);
      }
    }
    group
        .selectedToggleProperty()
        .addListener(
            (o, old, now) -> {
              if (now == null && old != null) {
                old.setSelected(true);
              }
            });
    return nav;
  }

  private Node statusBar() {
    Label workspace = new Label();
    workspace.setGraphic(Icons.of(MaterialDesignF.FOLDER_OUTLINE));
    workspace.setId("status-workspace");
    workspace
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  Workspace ws = vm.session().getWorkspace();
                  return ws == null ? "No workspace" : ws.name();
                },
                vm.session().workspaceProperty()));
    workspace
        .tooltipProperty()
        .bind(
            Bindings.createObjectBinding(
                () -> {
                  Workspace ws = vm.session().getWorkspace();
                  return ws == null ? null : new Tooltip(ws.dir().toString());
                },
                vm.session().workspaceProperty()));

    Label dataset = new Label();
    dataset.setId("status-dataset");
    dataset.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignD.DATABASE));
    dataset
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  sgsf.engine.data.Dataset ds = vm.session().getDataset();
                  return ds == null
                      ? "No dataset"
                      : ds.name() + " · " + ds.samples().size() + " images";
                },
                vm.session().datasetProperty()));

    Label taskLabel = new Label();
    taskLabel.setId("status-task");
    ProgressBar progress = new ProgressBar();
    progress.setPrefWidth(160);
    progress.getStyleClass().add(Styles.SMALL);
    Button cancel = new Button(null, Icons.of(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
    cancel.setId("status-cancel");
    cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
    cancel.setTooltip(new Tooltip("Cancel this task"));
    HBox taskBox = new HBox(6, taskLabel, progress, cancel);
    taskBox.setAlignment(Pos.CENTER_LEFT);
    taskBox.setVisible(false);
    taskBox.managedProperty().bind(taskBox.visibleProperty());
    Runnable updateTask =
        () -> {
          var tasks = vm.session().runner().activeTasks();
          taskLabel.textProperty().unbind();
          progress.progressProperty().unbind();
          if (tasks.isEmpty()) {
            taskBox.setVisible(false);
            cancel.setOnAction(null);
            return;
          }
          RunningTask<?> t = tasks.get(tasks.size() - 1);
          String more = tasks.size() > 1 ? "  (+" + (tasks.size() - 1) + " more)" : "";
          taskLabel
              .textProperty()
              .bind(
                  Bindings.createStringBinding(
                      () -> {
                        String m = t.messageProperty().get();
                        String state = t.getState() == TaskState.CANCELLING ? " — cancelling…" : "";
                        return t.title() + (m.isEmpty() ? "" : ": " + m) + state + more;
                      },
                      t.messageProperty(),
                      t.stateProperty()));
          progress.progressProperty().bind(t.progressProperty());
          cancel.disableProperty().unbind();
          cancel.disableProperty().bind(t.stateProperty().isEqualTo(TaskState.CANCELLING));
          cancel.setOnAction(e -> t.cancel());
          taskBox.setVisible(true);
        };
    vm.session()
        .runner()
        .activeTasks()
        .addListener((ListChangeListener<RunningTask<?>>) c -> updateTask.run());

    Label memory = new Label();
    memory.setId("status-memory");
    memory.setGraphic(Icons.of(MaterialDesignM.MEMORY));
    memory.textProperty().bind(vm.memoryLabelProperty());
    memory.setTooltip(
        new Tooltip("Java heap in use / limit, and the whole process (native buffers included)"));
    Timeline memoryTimer = new Timeline(new KeyFrame(Duration.seconds(2), e -> vm.refreshMemory()));
    memoryTimer.setCycleCount(Timeline.INDEFINITE);
    memoryTimer.play();

    Label backend = new Label();
    backend.setId("status-backend");
    backend.setGraphic(Icons.of(MaterialDesignE.EXPANSION_CARD));
    backend.textProperty().bind(vm.backendLabelProperty());
    Tooltip backendTip = new Tooltip();
    backendTip.textProperty().bind(vm.backendDetailsProperty());
    backend.setTooltip(backendTip);

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar =
        new HBox(
            12,
            workspace,
            new Separator(Orientation.VERTICAL),
            dataset,
            spacer,
            taskBox,
            new Separator(Orientation.VERTICAL),
            memory,
            new Separator(Orientation.VERTICAL),
            backend);
    bar.getStyleClass().add("status-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(3, 10, 3, 10));
    return bar;
  }
}
