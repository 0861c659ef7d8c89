package sgsf.ui.common;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * The workbench's own file chooser, used where the platform's dialog does not fit the screen (see
 * {@link FileDialogs}): places on the left, the current folder's entries (folders first) in the
 * middle, a path field that accepts typed paths, the name field and the type filter below. Folders
 * are read off the FX thread, so a slow network share does not freeze the window; a folder that
 * cannot be read says so in the message line.
 */
public final class FileBrowser extends BorderPane {
  private static final DateTimeFormatter MODIFIED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
  private static final ExecutorService READER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "file-browser");
            t.setDaemon(true);
            return t;
          });

  /** One entry of the listed folder. */
  record Entry(Path path, boolean folder, long size, Instant modified) {
    String name() {
      Path n = path.getFileName();
      return n == null ? path.toString() : n.toString();
    }
  }

  /** A place in the left list. */
  record Place(String label, Path folder) {}

  private final FileDialogs.Request request;
  private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
  private final ObservableList<Entry> entries = FXCollections.observableArrayList();
  private final TableView<Entry> table = new TableView<>(entries);
  private final TextField location = new TextField();
  private final TextField name = new TextField();
  private final ComboBox<FileDialogs.Filter> filter = new ComboBox<>();
  private final CheckBox hidden = new CheckBox("Hidden files");
  private final Label message = new Label();
  private final Button accept = new Button();
  private final AtomicLong generation = new AtomicLong();
  private Consumer<Path> onAccept = p -> {};
  private Runnable onCancel = () -> {};
  private Path pendingReplace;

  /** A browser for {@code request}, listing its initial folder (or the home folder). */
  public FileBrowser(FileDialogs.Request request) {
    this.request = request;
    getStyleClass().add("file-browser");
    setPadding(new Insets(8));
    setTop(locationBar());
    setLeft(places());
    setCenter(table());
    setBottom(bottomBar());
    name.setText(request.initialName() == null ? "" : request.initialName());
    folder.addListener((o, a, b) -> list(b));
    hidden.selectedProperty().addListener((o, a, b) -> list(folder.get()));
    filter.valueProperty().addListener((o, a, b) -> list(folder.get()));
    folder.set(startFolder(request.initialFolder()));
  }

  /** Called with the chosen path when the user accepts. */
  public void setOnAccept(Consumer<Path> onAccept) {
    this.onAccept = onAccept;
  }

  /** Called when the user cancels (button or Escape). */
  public void setOnCancel(Runnable onCancel) {
    this.onCancel = onCancel;
  }

  /** The folder being shown. */
  public ReadOnlyObjectProperty<Path> folderProperty() {
    return folder;
  }

  /** Shows {@code dir} (when it is a readable folder; otherwise says why in the message line). */
  public void navigate(Path dir) {
    if (dir == null) {
      return;
    }
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      message.setText(abs + ": not a folder.");
      return;
    }
    if (abs.equals(folder.get())) {
      list(abs);
    } else {
      folder.set(abs);
    }
  }

  /** The message line's text: why the last action did not go through, or empty. */
  public String message() {
    return message.getText();
  }

  /** The names listed, in display order (for tests and screen readers). */
  public List<String> listedNames() {
    return entries.stream().map(Entry::name).toList();
  }

  /** True while a folder is being read. */
  public boolean isReading() {
    return table.getPlaceholder() instanceof Label l && l.getText().startsWith("Reading");
  }

  /** Types {@code text} into the name field. */
  public void typeName(String text) {
    name.setText(text);
  }

  /** Presses the accept button: what Enter in the name field and a double-click do too. */
  public void accept() {
    resolveChoice().ifPresent(onAccept);
  }

  private static Path startFolder(Path initial) {
    if (initial != null && Files.isDirectory(initial)) {
      return initial.toAbsolutePath().normalize();
    }
    if (initial != null && initial.getParent() != null && Files.isDirectory(initial.getParent())) {
      return initial.getParent().toAbsolutePath().normalize();
    }
    return Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
  }

  private HBox locationBar() {
    Button up = new Button(null, Icons.of(MaterialDesignA.ARROW_UP));
    up.setId("file-browser-up");
    up.setTooltip(new Tooltip("Parent folder (Alt+Up)"));
    up.setOnAction(
        e -> {
          Path p = folder.get() == null ? null : folder.get().getParent();
          if (p != null) {
            navigate(p);
          }
        });
    location.setId("file-browser-location");
    location.setOnAction(e -> typedLocation());
    folder.addListener((o, a, b) -> location.setText(b == null ? "" : b.toString()));
    HBox.setHgrow(location, Priority.ALWAYS);
    HBox bar = new HBox(6, up, location);
    if (request.mode() != FileDialogs.Mode.OPEN_FILE) {
      Button newFolder = new Button("New folder", Icons.of(MaterialDesignF.FOLDER_PLUS_OUTLINE));
      newFolder.setId("file-browser-new-folder");
      newFolder.setOnAction(e -> askNewFolder());
      bar.getChildren().add(newFolder);
    }
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 8, 0));
    setOnKeyPressed(
        e -> {
          if (e.isAltDown() && e.getCode() == KeyCode.UP) {
            up.fire();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            onCancel.run();
            e.consume();
          }
        });
    return bar;
  }

  private void typedLocation() {
    String text = location.getText().trim();
    try {
      Path p = expandHome(text);
      if (Files.isDirectory(p)) {
        navigate(p);
      } else if (request.mode() != FileDialogs.Mode.FOLDER && p.getParent() != null) {
        navigate(p.getParent());
        name.setText(p.getFileName().toString());
      } else {
        message.setText(text + ": not a folder.");
      }
    } catch (InvalidPathException ex) {
      message.setText(text + ": not a valid path (" + ex.getReason() + ").");
    }
  }

  private static Path expandHome(String text) {
    if (text.equals("~") || text.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + text.substring(1));
    }
    return Path.of(text);
  }

  private ListView<Place> places() {
    List<Place> list = new ArrayList<>();
    Path home = Path.of(System.getProperty("user.home"));
    list.add(new Place("Home", home));
    for (String sub : List.of("Desktop", "Documents", "Pictures")) {
      if (Files.isDirectory(home.resolve(sub))) {
        list.add(new Place(sub, home.resolve(sub)));
      }
    }
    for (Path extra : request.places()) {
      if (Files.isDirectory(extra)) {
        Path n = extra.getFileName();
        list.add(new Place(n == null ? extra.toString() : n.toString(), extra));
      }
    }
    for (Path root : java.nio.file.FileSystems.getDefault().getRootDirectories()) {
      list.add(new Place(root.toString(), root));
    }
    ListView<Place> view = new ListView<>(FXCollections.observableArrayList(list));
    view.setId("file-browser-places");
    view.setPrefWidth(150);
    view.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Place p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.label());
                setGraphic(
                    empty || p == null
                        ? null
                        : Icons.of(
                            p.label().equals("Home")
                                ? MaterialDesignH.HOME_OUTLINE
                                : MaterialDesignF.FOLDER_OUTLINE));
                setTooltip(empty || p == null ? null : new Tooltip(p.folder().toString()));
              }
            });
    view.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                navigate(b.folder());
              }
            });
    // a click on the place already selected goes back to it too
    view.setOnMouseClicked(
        e -> {
          Place p = view.getSelectionModel().getSelectedItem();
          if (p != null) {
            navigate(p.folder());
          }
        });
    BorderPane.setMargin(view, new Insets(0, 8, 0, 0));
    return view;
  }

  private TableView<Entry> table() {
    table.setId("file-browser-entries");
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<Entry, Entry> nameCol = new TableColumn<>("Name");
    nameCol.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
    nameCol.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.name());
                setGraphic(
                    empty || e == null
                        ? null
                        : Icons.of(
                            e.folder() ? MaterialDesignF.FOLDER : MaterialDesignF.FILE_OUTLINE));
              }
            });
    nameCol.setPrefWidth(330);
    TableColumn<Entry, String> size = new TableColumn<>("Size");
    size.setCellValueFactory(
        c ->
            new SimpleObjectProperty<>(
                c.getValue().folder() ? "" : humanSize(c.getValue().size())));
    size.setStyle("-fx-alignment: CENTER-RIGHT;");
    size.setPrefWidth(80);
    TableColumn<Entry, String> modified = new TableColumn<>("Modified");
    modified.setCellValueFactory(
        c ->
            new SimpleObjectProperty<>(
                c.getValue().modified() == null ? "" : MODIFIED.format(c.getValue().modified())));
    modified.setPrefWidth(130);
    table.getColumns().add(nameCol);
    table.getColumns().add(size);
    table.getColumns().add(modified);
    table.setSortPolicy(t -> false);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, e) -> {
              pendingReplace = null;
              updateAcceptText();
              if (e != null && !e.folder() && request.mode() != FileDialogs.Mode.FOLDER) {
                name.setText(e.name());
              }
            });
    table.setOnMouseClicked(
        ev -> {
          Entry e = table.getSelectionModel().getSelectedItem();
          if (ev.getButton() == MouseButton.PRIMARY && ev.getClickCount() == 2 && e != null) {
            open(e);
          }
        });
    table.setOnKeyPressed(
        ev -> {
          Entry e = table.getSelectionModel().getSelectedItem();
          if (ev.getCode() == KeyCode.ENTER && e != null) {
            open(e);
            ev.consume();
          }
        });
    return table;
  }

  /** Opens a folder entry, or accepts a file entry. */
  void open(Entry e) {
    if (e.folder()) {
      navigate(e.path());
    } else if (request.mode() != FileDialogs.Mode.FOLDER) {
      name.setText(e.name());
      accept();
    }
  }

  private VBox bottomBar() {
    name.setId("file-browser-name");
    name.setOnAction(e -> accept());
    name.textProperty()
        .addListener(
            (o, a, b) -> {
              pendingReplace = null;
              updateAcceptText();
            });
    HBox.setHgrow(name, Priority.ALWAYS);
    filter.setId("file-browser-filter");
    filter.getItems().setAll(request.filters());
    filter.getItems().add(FileDialogs.Filter.ALL_FILES);
    filter.getSelectionModel().select(0);
    HBox nameRow = new HBox(6);
    nameRow.setAlignment(Pos.CENTER_LEFT);
    if (request.mode() != FileDialogs.Mode.FOLDER) {
      Label nameLabel = new Label(request.mode() == FileDialogs.Mode.SAVE_FILE ? "Name" : "File");
      nameLabel.setMinWidth(Region.USE_PREF_SIZE);
      nameRow.getChildren().addAll(nameLabel, name, filter);
    }
    message.setId("file-browser-message");
    message.getStyleClass().add("validation-message");
    message.setWrapText(true);
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    Button cancel = new Button("Cancel");
    cancel.setId("file-browser-cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> onCancel.run());
    accept.setId("file-browser-accept");
    accept.setDefaultButton(true);
    accept.setOnAction(e -> accept());
    updateAcceptText();
    hidden.setId("file-browser-hidden");
    HBox buttons = new HBox(8, hidden, message, cancel, accept);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox box = new VBox(8, buttons);
    if (!nameRow.getChildren().isEmpty()) {
      box.getChildren().add(0, nameRow);
    }
    box.setPadding(new Insets(8, 0, 0, 0));
    return box;
  }

  private void updateAcceptText() {
    accept.setText(
        switch (request.mode()) {
          case OPEN_FILE -> "Open";
          case SAVE_FILE -> pendingReplace != null ? "Replace" : "Save";
          case FOLDER -> "Choose";
        });
  }

  /** What accepting now would return, or empty with the reason in the message line. */
  private Optional<Path> resolveChoice() {
    Path dir = folder.get();
    if (dir == null) {
      return Optional.empty();
    }
    if (request.mode() == FileDialogs.Mode.FOLDER) {
      Entry e = table.getSelectionModel().getSelectedItem();
      Path chosen = e != null && e.folder() ? e.path() : dir;
      return Optional.of(chosen);
    }
    String typed = name.getText().trim();
    if (typed.isEmpty()) {
      message.setText(
          request.mode() == FileDialogs.Mode.SAVE_FILE
              ? "Type a name for the file."
              : "Choose a file.");
      return Optional.empty();
    }
    Path target;
    try {
      target = dir.resolve(expandHome(typed)).normalize();
    } catch (InvalidPathException ex) {
      message.setText(typed + ": not a valid file name (" + ex.getReason() + ").");
      return Optional.empty();
    }
    if (Files.isDirectory(target)) {
      navigate(target);
      name.setText("");
      return Optional.empty();
    }
    if (request.mode() == FileDialogs.Mode.OPEN_FILE) {
      if (!Files.isRegularFile(target)) {
        message.setText(target.getFileName() + ": no such file in " + target.getParent() + ".");
        return Optional.empty();
      }
      return Optional.of(target);
    }
    FileDialogs.Filter f = filter.getValue();
    if (f != null && !f.matches(target)) {
      target = target.resolveSibling(target.getFileName() + f.defaultExtension());
    }
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      message.setText(parent + ": no such folder.");
      return Optional.empty();
    }
    if (!Files.isWritable(parent)) {
      message.setText(parent + ": this folder cannot be written to.");
      return Optional.empty();
    }
    if (Files.exists(target) && !target.equals(pendingReplace)) {
      pendingReplace = target;
      updateAcceptText();
      message.setText(target.getFileName() + " already exists. Press Replace to overwrite it.");
      return Optional.empty();
    }
    return Optional.of(target);
  }

  private void askNewFolder() {
    TextInputDialog ask = new TextInputDialog();
    ask.initOwner(getScene() == null ? null : getScene().getWindow());
    ask.setTitle("New folder");
    ask.setHeaderText("Name of the new folder in " + folder.get());
    ask.showAndWait().ifPresent(this::createFolder);
  }

  /** Creates {@code childName} in the current folder and shows it. */
  public void createFolder(String childName) {
    String n = childName.trim();
    if (n.isEmpty() || n.contains("/") || n.contains("\\") || n.equals("..") || n.equals(".")) {
      message.setText("'" + childName + "': not a valid folder name.");
      return;
    }
    Path created = folder.get().resolve(n);
    try {
      Files.createDirectory(created);
      navigate(created);
    } catch (IOException e) {
      message.setText(created + ": " + ErrorMessages.describe(e));
    }
  }

  /** Reads {@code dir} off the FX thread; a newer request wins over an older one. */
  private void list(Path dir) {
    if (dir == null) {
      return;
    }
    long ticket = generation.incrementAndGet();
    entries.clear();
    message.setText("");
    pendingReplace = null;
    updateAcceptText();
    table.setPlaceholder(new Label("Reading " + dir + "…"));
    boolean showHidden = hidden.isSelected();
    FileDialogs.Filter f = filter.getValue();
    boolean foldersOnly = request.mode() == FileDialogs.Mode.FOLDER;
    READER.execute(
        () -> {
          List<Entry> read = new ArrayList<>();
          String error = null;
          try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
              if (generation.get() != ticket) {
                return;
              }
              Entry e = entry(p);
              if (e == null || (!showHidden && isHidden(p))) {
                continue;
              }
              if (e.folder() || (!foldersOnly && (f == null || f.matches(p)))) {
                read.add(e);
              }
            }
          } catch (IOException | SecurityException ex) {
            error = dir + ": " + ErrorMessages.describe(ex);
          }
          read.sort(
              Comparator.comparing((Entry e) -> !e.folder())
                  .thenComparing(e -> e.name().toLowerCase(Locale.ROOT))
                  .thenComparing(Entry::name));
          String problem = error;
          Platform.runLater(
              () -> {
                if (generation.get() != ticket) {
                  return;
                }
                entries.setAll(read);
                table.setPlaceholder(
                    new Label(problem != null ? "This folder cannot be read." : "Empty folder."));
                if (problem != null) {
                  message.setText(problem);
                }
              });
        });
  }

  private static boolean isHidden(Path p) {
    Path n = p.getFileName();
    return n != null && n.toString().startsWith(".");
  }

  private static Entry entry(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return new Entry(p, a.isDirectory(), a.size(), a.lastModifiedTime().toInstant());
    } catch (IOException | SecurityException e) {
      // a dangling link or a file removed meanwhile: list it by name only when the link is there
      return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? new Entry(p, false, 0, null) : null;
    }
  }

  static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }
}
