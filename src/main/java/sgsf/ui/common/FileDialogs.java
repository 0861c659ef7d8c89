package sgsf.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every file and folder the workbench asks for goes through here. On Linux, GTK's file chooser
 * opens at about 1100x820 whatever the screen (and overwrites a stored size), so on a screen
 * shorter than {@value #GTK_NEEDS_HEIGHT} px its buttons end up below the screen's edge; there the
 * workbench's own {@link FileBrowser} is used, sized to the screen. Elsewhere the platform's dialog
 * is used. The system property {@code sgsf.fileChooser} ({@code native}, {@code workbench} or
 * {@code auto}, the default) overrides the choice.
 */
public final class FileDialogs {
  /** The screen height GTK's chooser needs, with the window's title bar. */
  static final int GTK_NEEDS_HEIGHT = 900;

  private FileDialogs() {}

  /** What is asked for. */
  public enum Mode {
    OPEN_FILE,
    SAVE_FILE,
    FOLDER
  }

  /** A file type: a description and glob patterns like {@code *.png}. */
  public record Filter(String description, List<String> patterns) {
    /** Any file. */
    public static final Filter ALL_FILES = new Filter("All files", List.of("*"));

    /** Images the workbench reads. */
    public static final Filter IMAGES =
        of("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.tif", "*.tiff");

    /** Model bundles. */
    public static final Filter MODELS = of("SGSF models", "*.zip", "*.sgsf");

    public Filter {
      patterns = List.copyOf(patterns);
    }

    public static Filter of(String description, String... patterns) {
      return new Filter(description, Arrays.asList(patterns));
    }

    /** Whether the file name matches one of the patterns (case-insensitive). */
    public boolean matches(Path file) {
      Path n = file.getFileName();
      if (n == null) {
        return false;
      }
      String name = n.toString().toLowerCase(Locale.ROOT);
      for (String p : patterns) {
        String q = p.toLowerCase(Locale.ROOT);
        if (q.equals("*") || (q.startsWith("*.") && name.endsWith(q.substring(1)))) {
          return true;
        }
      }
      return false;
    }

    /** The extension a saved file gets when its name matches none of the patterns. */
    String defaultExtension() {
      String first = patterns.get(0);
      return first.startsWith("*.") ? first.substring(1) : "";
    }

    @Override
    public String toString() {
      return patterns.equals(List.of("*"))
          ? description
          : description + " (" + String.join(", ", patterns) + ")";
    }
  }

  /**
   * One question to the user.
   *
   * @param initialFolder the folder shown first (null: the home folder); a file's parent is used
   * @param initialName the name proposed when saving (may be null)
   * @param places extra folders offered on the left of the workbench's own chooser
   */
  public record Request(
      Mode mode,
      String title,
      Path initialFolder,
      String initialName,
      List<Filter> filters,
      List<Path> places) {
    public Request {
      filters = List.copyOf(filters);
      places = List.copyOf(places);
    }

    public Request withPlaces(List<Path> extra) {
      return new Request(mode, title, initialFolder, initialName, filters, extra);
    }
  }

  public static Optional<Path> openFile(
      Window owner, String title, Path initialFolder, Filter... filters) {
    return show(
        owner,
        new Request(Mode.OPEN_FILE, title, initialFolder, null, List.of(filters), List.of()));
  }

  public static Optional<Path> saveFile(
      Window owner, String title, Path initialFolder, String initialName, Filter... filters) {
    return show(
        owner,
        new Request(
            Mode.SAVE_FILE, title, initialFolder, initialName, List.of(filters), List.of()));
  }

  public static Optional<Path> folder(Window owner, String title, Path initialFolder) {
    return show(owner, new Request(Mode.FOLDER, title, initialFolder, null, List.of(), List.of()));
  }

  /** Asks with the platform's dialog or the workbench's own, whichever fits (see above). */
  public static Optional<Path> show(Window owner, Request request) {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    boolean own =
        useOwnChooser(
            System.getProperty("os.name", ""),
            screen.getHeight(),
            System.getProperty("sgsf.fileChooser", "auto"));
    return own ? showOwn(owner, request, screen) : showNative(owner, request);
  }

  /** Whether to use the workbench's own chooser on this system and screen. */
  static boolean useOwnChooser(String osName, double screenHeight, String preference) {
    return switch (preference.toLowerCase(Locale.ROOT)) {
      case "native" -> false;
      case "workbench" -> true;
      default ->
          osName.toLowerCase(Locale.ROOT).contains("linux") && screenHeight < GTK_NEEDS_HEIGHT;
    };
  }

  /** The stage of the workbench's own chooser, sized to fit {@code screen}; not yet shown. */
  public static Stage ownChooserStage(
      Window owner, Request request, Rectangle2D screen, Path[] result) {
    Stage stage = new Stage();
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    stage.setTitle(request.title());
    FileBrowser browser = new FileBrowser(request);
    browser.setOnAccept(
        p -> {
          result[0] = p;
          stage.close();
        });
    browser.setOnCancel(stage::close);
    // leave room for the title bar and a panel: the whole window stays on the screen
    double width = Math.min(860, screen.getWidth() - 40);
    double height = Math.min(560, screen.getHeight() - 80);
    Scene scene = new Scene(browser, width, height);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
    stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - height - 30) / 2));
    return stage;
  }

  private static Optional<Path> showOwn(Window owner, Request request, Rectangle2D screen) {
    Path[] result = new Path[1];
    ownChooserStage(owner, request, screen, result).showAndWait();
    return Optional.ofNullable(result[0]);
  }

  private static Optional<Path> showNative(Window owner, Request request) {
    File initial = initialFolderFile(request.initialFolder());
    File chosen;
    if (request.mode() == Mode.FOLDER) {
      DirectoryChooser c = new DirectoryChooser();
      c.setTitle(request.title());
      c.setInitialDirectory(initial);
      chosen = c.showDialog(owner);
    } else {
      FileChooser c = new FileChooser();
      c.setTitle(request.title());
      c.setInitialDirectory(initial);
      for (Filter f : request.filters()) {
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
      }
      if (request.initialName() != null) {
        c.setInitialFileName(request.initialName());
      }
      chosen = request.mode() == Mode.SAVE_FILE ? c.showSaveDialog(owner) : c.showOpenDialog(owner);
      if (chosen != null && request.mode() == Mode.SAVE_FILE && !request.filters().isEmpty()) {
        Filter f = request.filters().get(0);
        if (!f.matches(chosen.toPath())) {
          chosen = new File(chosen.getPath() + f.defaultExtension());
        }
      }
    }
    return Optional.ofNullable(chosen).map(File::toPath);
  }

  private static File initialFolderFile(Path p) {
    if (p == null) {
      return null;
    }
    File f = p.toFile();
    if (f.isDirectory()) {
      return f;
    }
    File parent = f.getParentFile();
    return parent != null && parent.isDirectory() ? parent : null;
  }
}
