package sgsf.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static sgsf.ui.GuiTestSupport.onFx;
import static sgsf.ui.GuiTestSupport.runFx;
import static sgsf.ui.GuiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.ui.FxTestToolkit;
import sgsf.ui.GuiTestSupport;

class FileBrowserTest {
  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start();
  }

  @BeforeEach
  void files() throws Exception {
    Files.createDirectory(dir.resolve("b-folder"));
    for (String name : List.of("a.png", "Z.PNG", "c.zip", ".hidden.png", "notes.txt")) {
      Files.writeString(dir.resolve(name), name);
    }
  }

  private record Shown(FileBrowser browser, List<Path> accepted, int[] cancelled) {}

  private static Shown show(FileDialogs.Mode mode, String name, FileDialogs.Filter... filters)
      throws Exception {
    return show(
        new FileDialogs.Request(mode, "test", null, name, List.of(filters), List.of()), null);
  }

  private static Shown show(FileDialogs.Request request, Path folder) throws Exception {
    List<Path> accepted = new ArrayList<>();
    int[] cancelled = {0};
    FileBrowser b =
        onFx(
            () -> {
              FileBrowser fb = new FileBrowser(request);
              fb.setOnAccept(accepted::add);
              fb.setOnCancel(() -> cancelled[0]++);
              Stage stage = new Stage();
              stage.setScene(new Scene(fb, 800, 500));
              stage.show();
              if (folder != null) {
                fb.navigate(folder);
              }
              return fb;
            });
    waitFor("the folder listing", 10_000, () -> !b.isReading());
    return new Shown(b, accepted, cancelled);
  }

  private Shown showIn(FileDialogs.Mode mode, String name, FileDialogs.Filter... filters)
      throws Exception {
    Shown s = show(mode, name, filters);
    runFx(() -> s.browser().navigate(dir));
    waitFor("the folder listing", 10_000, () -> dir.equals(s.browser().folderProperty().get()));
    waitFor("the folder listing", 10_000, () -> !s.browser().isReading());
    return s;
  }

  @Test
  void listsFoldersFirstThenTheFilesOfTheFilterWithoutHiddenOnes() throws Exception {
    Shown s = showIn(FileDialogs.Mode.OPEN_FILE, null, FileDialogs.Filter.IMAGES);
    assertThat(onFx(s.browser()::listedNames)).containsExactly("b-folder", "a.png", "Z.PNG");
  }

  @Test
  void openAcceptsAnExistingFileAndExplainsAMissingOne() throws Exception {
    Shown s = showIn(FileDialogs.Mode.OPEN_FILE, null, FileDialogs.Filter.IMAGES);
    runFx(
        () -> {
          s.browser().typeName("missing.png");
          s.browser().accept();
        });
    assertThat(s.accepted()).isEmpty();
    assertThat(onFx(s.browser()::message)).contains("missing.png").contains("no such file");
    runFx(
        () -> {
          s.browser().typeName("a.png");
          s.browser().accept();
        });
    assertThat(s.accepted()).containsExactly(dir.resolve("a.png"));
  }

  @Test
  void typingAFolderNameEntersTheFolder() throws Exception {
    Shown s = showIn(FileDialogs.Mode.OPEN_FILE, null, FileDialogs.Filter.IMAGES);
    runFx(
        () -> {
          s.browser().typeName("b-folder");
          s.browser().accept();
        });
    assertThat(s.accepted()).isEmpty();
    waitFor(
        "the sub-folder",
        10_000,
        () -> dir.resolve("b-folder").equals(s.browser().folderProperty().get()));
  }

  @Test
  void saveAddsTheFiltersExtensionAndAsksBeforeReplacing() throws Exception {
    Shown s = showIn(FileDialogs.Mode.SAVE_FILE, "sheet", FileDialogs.Filter.of("PNG", "*.png"));
    runFx(s.browser()::accept);
    assertThat(s.accepted()).containsExactly(dir.resolve("sheet.png"));

    s.accepted().clear();
    runFx(
        () -> {
          s.browser().typeName("a.png");
          s.browser().accept();
        });
    assertThat(s.accepted()).as("the first press only warns").isEmpty();
    assertThat(onFx(s.browser()::message)).contains("a.png already exists");
    runFx(s.browser()::accept);
    assertThat(s.accepted()).containsExactly(dir.resolve("a.png"));
  }

  @Test
  void folderModeListsOnlyFoldersAndReturnsTheCurrentFolder() throws Exception {
    Shown s = showIn(FileDialogs.Mode.FOLDER, null);
    assertThat(onFx(s.browser()::listedNames)).containsExactly("b-folder");
    runFx(s.browser()::accept);
    assertThat(s.accepted()).containsExactly(dir);
  }

  @Test
  void aNewFolderIsCreatedAndEnteredAndABadNameIsRefused() throws Exception {
    Shown s = showIn(FileDialogs.Mode.FOLDER, null);
    runFx(() -> s.browser().createFolder("../escape"));
    assertThat(onFx(s.browser()::message)).contains("not a valid folder name");
    assertThat(dir.resolveSibling("escape")).doesNotExist();
    runFx(() -> s.browser().createFolder("results"));
    assertThat(dir.resolve("results")).isDirectory();
    waitFor(
        "the new folder",
        10_000,
        () -> dir.resolve("results").equals(s.browser().folderProperty().get()));
  }

  @Test
  void aPathThatIsNoFolderIsExplainedAndTheListingStays() throws Exception {
    Shown s = showIn(FileDialogs.Mode.FOLDER, null);
    runFx(() -> s.browser().navigate(dir.resolve("nowhere")));
    assertThat(onFx(s.browser()::message)).contains("nowhere").contains("not a folder");
    assertThat(onFx(() -> s.browser().folderProperty().get())).isEqualTo(dir);
  }

  @Test
  void escapeCancels() throws Exception {
    Shown s = showIn(FileDialogs.Mode.OPEN_FILE, null);
    runFx(
        () ->
            s.browser()
                .fireEvent(
                    new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED,
                        "",
                        "",
                        javafx.scene.input.KeyCode.ESCAPE,
                        false,
                        false,
                        false,
                        false)));
    assertThat(s.cancelled()[0]).isEqualTo(1);
    assertThat(s.accepted()).isEmpty();
  }

  /**
   * GTK's chooser opens at 1096x822 on a 1366x768 screen (measured under Xvfb), so its buttons sit
   * below the screen's edge; the workbench's own chooser is used there and fits.
   */
  @Test
  void onALaptopScreenTheOwnChooserIsUsedAndFitsTheScreen() throws Exception {
    assertThat(FileDialogs.useOwnChooser("Linux", 768 - 32, "auto")).isTrue();
    assertThat(FileDialogs.useOwnChooser("Linux", 1080, "auto")).isFalse();
    assertThat(FileDialogs.useOwnChooser("Windows 11", 768, "auto")).isFalse();
    assertThat(FileDialogs.useOwnChooser("Linux", 768, "native")).isFalse();
    assertThat(FileDialogs.useOwnChooser("Mac OS X", 1440, "workbench")).isTrue();

    Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
    assertThat(screen.getHeight()).as("the tests' Monocle screen").isLessThanOrEqualTo(768);
    FileDialogs.Request request =
        new FileDialogs.Request(
            FileDialogs.Mode.SAVE_FILE,
            "Export reviews",
            dir,
            "reviews.csv",
            List.of(FileDialogs.Filter.of("CSV", "*.csv")),
            List.of());
    Stage stage =
        onFx(
            () -> {
              Stage st = FileDialogs.ownChooserStage(null, request, screen, new Path[1]);
              st.show();
              return st;
            });
    waitFor("the listing", 10_000, () -> !((FileBrowser) stage.getScene().getRoot()).isReading());
    double bottom = onFx(() -> stage.getY() + stage.getHeight());
    double right = onFx(() -> stage.getX() + stage.getWidth());
    assertThat(bottom).isLessThanOrEqualTo(screen.getMaxY());
    assertThat(right).isLessThanOrEqualTo(screen.getMaxX());
    assertThat(onFx(stage::getY)).isGreaterThanOrEqualTo(screen.getMinY());
    GuiTestSupport.snapshot(stage.getScene(), Path.of("target/screenshots/file-chooser.png"));
    runFx(stage::close);
  }
}
