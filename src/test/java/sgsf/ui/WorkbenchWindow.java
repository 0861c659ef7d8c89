package sgsf.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.concurrent.FxTaskRunner;
import sgsf.ui.shell.Workbench;

/**
 * The GUI tests' one set-up, as a JUnit 5 extension: before each test a fresh temporary folder, a
 * workspace prepared in it, a {@link Workbench} with its own settings file there, shown at 1366x768
 * in TestFX's primary stage (headless Monocle under Maven); after each test the workbench and its
 * task runner shut down and the folder is deleted. Test methods may take an {@link FxRobot}
 * parameter.
 *
 * <pre>
 *   &#64;RegisterExtension final WorkbenchWindow window = WorkbenchWindow.onNewWorkspace();
 * </pre>
 *
 * Registered on a static field, the temporary folder is made once for the test class and shared by
 * its tests (each still gets a fresh workbench).
 */
public final class WorkbenchWindow
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  static {
    GuiTestSupport.init();
  }

  /** Prepares the workspace in the test's temporary folder and returns the workspace folder. */
  @FunctionalInterface
  public interface WorkspaceSetup {
    Path prepare(Path tmp) throws Exception;
  }

  private final WorkspaceSetup setup;
  private boolean loadBackend;
  private boolean perClass;
  private final FxRobot robot = new FxRobot();
  private Path tmp;
  private Path workspace;
  private FxTaskRunner runner;
  private Workbench workbench;
  private Scene scene;
  private Stage stage;

  private WorkbenchWindow(WorkspaceSetup setup) {
    this.setup = setup;
  }

  /** The workbench on a workspace it creates at start ({@code tmp/ws}, the demo data). */
  public static WorkbenchWindow onNewWorkspace() {
    return new WorkbenchWindow(tmp -> tmp.resolve("ws"));
  }

  /** The workbench on the workspace {@code setup} prepares. */
  public static WorkbenchWindow on(WorkspaceSetup setup) {
    return new WorkbenchWindow(setup);
  }

  /** A workspace on the demo texture with the tiny demo model in {@code models/}. */
  public static WorkbenchWindow onDemoTextureWithModel() {
    return on(
        tmp -> {
          Workspace ws = Workspace.create(tmp.resolve("ws"), DatasetReference.ofDemo("texture"));
          Files.copy(DemoModels.textureModel(), ws.modelsDir().resolve("texture-demo.zip"));
          return ws.dir();
        });
  }

  /** Also loads the deep-learning backend once the window is up (as the real start does). */
  public WorkbenchWindow withBackend() {
    loadBackend = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    perClass = true;
    tmp = Files.createTempDirectory("sgsf-gui-test-");
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    deleteQuietly(tmp);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      tmp = Files.createTempDirectory("sgsf-gui-test-");
    }
    workspace = setup.prepare(tmp);
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(
        s -> {
          stage = s;
          launch();
        });
  }

  /** A fresh workbench on the workspace, in the test's window (on the FX thread). */
  private void launch() {
    runner = new FxTaskRunner();
    workbench = new Workbench(runner, new SettingsStore(tmp.resolve("config")), null);
    workbench.mainViewModel().setDefaultWorkspace(workspace);
    scene = workbench.createScene(1366, 768);
    stage.setScene(scene);
    stage.show();
    workbench.mainViewModel().startup();
    if (loadBackend) {
      workbench.mainViewModel().loadBackend();
    }
  }

  /**
   * Shuts the workbench down (it closes its files) and starts a new one on the same workspace in
   * the same window, as a user restarting the application would.
   */
  public void restart() throws Exception {
    GuiTestSupport.runFx(
        () -> {
          workbench.shutdown();
          runner.shutdown();
        });
    GuiTestSupport.runFx(this::launch);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      if (workbench != null) {
        workbench.shutdown();
      }
      if (runner != null) {
        runner.shutdown();
      }
      // as TestFX's ApplicationExtension: hide the windows, release keys and buttons, and let
      // pending FX events run now rather than in the next test
      FxToolkit.cleanupStages();
      FxToolkit.cleanupInput(robot);
      WaitForAsyncUtils.waitForFxEvents();
    } finally {
      if (!perClass) {
        deleteQuietly(tmp);
      }
    }
  }

  private static void deleteQuietly(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a file still held open by a finishing background task: the OS temp cleanup takes it
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == FxRobot.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return robot;
  }

  /** The workbench shown. */
  public Workbench workbench() {
    return workbench;
  }

  /** The window's scene. */
  public Scene scene() {
    return scene;
  }

  /** The test's temporary folder. */
  public Path tmp() {
    return tmp;
  }

  /** The workspace folder the workbench started on. */
  public Path workspace() {
    return workspace;
  }
}
