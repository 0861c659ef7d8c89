package sgsf.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.data.Dataset;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;

/**
 * Opens the workspace the workbench starts with and scans its dataset on a background thread while
 * the JavaFX toolkit starts and the window is built, so the first window shows data sooner. The
 * ViewModels take the results once; any failure here is ignored and they redo the work the normal
 * way, reporting errors as usual.
 */
public final class StartupPrefetch {
  private static final Logger LOG = LoggerFactory.getLogger(StartupPrefetch.class);
  private static volatile StartupPrefetch current;
  private final CompletableFuture<Workspace> workspace = new CompletableFuture<>();
  private final CompletableFuture<Dataset> dataset = new CompletableFuture<>();
  private volatile DatasetReference reference;

  private StartupPrefetch() {}

  /** Starts prefetching for the default settings location and default workspace folder. */
  public static void begin() {
    StartupPrefetch p = new StartupPrefetch();
    current = p;
    Thread t =
        new Thread(
            () -> p.run(SettingsStore.atDefaultLocation(), MainViewModel.defaultWorkspaceDir()),
            "sgsf-prefetch");
    t.setDaemon(true);
    t.start();
  }

  /** The prefetch begun at launch, or null. */
  public static StartupPrefetch current() {
    return current;
  }

  /** Prefetches synchronously (tests). */
  static StartupPrefetch runNow(SettingsStore settings, Path defaultWorkspace) {
    StartupPrefetch p = new StartupPrefetch();
    p.run(settings, defaultWorkspace);
    return p;
  }

  private void run(SettingsStore settings, Path defaultWorkspace) {
    try {
      Workspace ws = MainViewModel.startupWorkspace(settings.load(), defaultWorkspace);
      workspace.complete(ws);
      DatasetReference ref = ws.dataset();
      if (ref == null) {
        dataset.complete(null);
        return;
      }
      reference = ref;
      dataset.complete(ref.open(ProgressListener.NONE, CancellationToken.none()));
    } catch (Exception | LinkageError e) {
      LOG.debug("start-up prefetch incomplete: {}", e.toString());
      workspace.completeExceptionally(e);
      dataset.completeExceptionally(e);
    }
  }

  /** The workspace to start with (waits for it); throws what opening it threw. */
  Workspace workspace() throws Exception {
    try {
      return workspace.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  /**
   * The prefetched dataset if {@code ref} is the one prefetched (waits for the scan), else null;
   * null too when the scan failed, so that the caller scans again and reports the error itself.
   */
  public Dataset takeDataset(DatasetReference ref) {
    try {
      Workspace ws = workspace.get();
      if (ws == null || !ref.equals(reference != null ? reference : ws.dataset())) {
        return null;
      }
      return dataset.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return null;
    }
  }

  /** Whether {@code dir} holds a workspace. */
  static boolean isWorkspace(Path dir) {
    return Files.isRegularFile(dir.resolve(Workspace.MANIFEST));
  }
}
