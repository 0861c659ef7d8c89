package sgsf.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.scene.Node;
import javafx.scene.Scene;
import sgsf.engine.config.ForgeConfig;
import sgsf.io.workspace.TrainingSettings;
import sgsf.io.workspace.Workspace;
import sgsf.ui.MainViewModel;
import sgsf.ui.MainWindow;
import sgsf.ui.Section;
import sgsf.ui.SettingsStore;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.common.Notifier;
import sgsf.ui.common.ThumbnailCache;
import sgsf.ui.concurrent.Lane;
import sgsf.ui.concurrent.TaskRunner;
import sgsf.ui.dataset.DatasetView;
import sgsf.ui.dataset.DatasetViewModel;
import sgsf.ui.evaluation.EvaluateView;
import sgsf.ui.evaluation.EvaluateViewModel;
import sgsf.ui.evaluation.EvaluationState;
import sgsf.ui.forge.ForgeView;
import sgsf.ui.forge.ForgeViewModel;
import sgsf.ui.line.LineView;
import sgsf.ui.line.LineViewModel;
import sgsf.ui.neighbours.NeighboursView;
import sgsf.ui.neighbours.NeighboursViewModel;
import sgsf.ui.review.ReviewView;
import sgsf.ui.review.ReviewViewModel;
import sgsf.ui.training.EngineTrainingRunner;
import sgsf.ui.training.TrainingView;
import sgsf.ui.training.TrainingViewModel;

/**
 * Assembles the workbench: session, ViewModels, views and the main window. The application and the
 * GUI tests build it the same way; only the runner and the settings location differ.
 */
public final class Workbench {
  /** The stylesheet layered over the AtlantaFX theme. */
  public static final String STYLESHEET =
      Objects.requireNonNull(Workbench.class.getResource("/sgsf/ui/workbench.css"))
          .toExternalForm();

  private final WorkbenchSession session;
  private final MainViewModel mainViewModel;
  private final DatasetViewModel datasetViewModel;
  private final ThumbnailCache thumbnails;
  private final MainWindow window;
  private final ForgeViewModel forgeViewModel;
  private final TrainingViewModel trainingViewModel;
  private TrainingView trainingView;
  private final EvaluationState evaluationState = new EvaluationState();
  private final EvaluateViewModel evaluateViewModel;
  private final NeighboursViewModel neighboursViewModel;
  private final ReviewViewModel reviewViewModel;
  private EvaluateView evaluateView;
  private NeighboursView neighboursView;
  private ReviewView reviewView;
  private DatasetView datasetView;
  private final LineViewModel lineViewModel;
  private LineView lineView;

  public Workbench(TaskRunner runner, SettingsStore settings, HostServices host) {
    session = new WorkbenchSession(runner, Notifier.logging());
    mainViewModel = new MainViewModel(session, settings);
    datasetViewModel = new DatasetViewModel(session);
    thumbnails = new ThumbnailCache(112, 1500, 2, runner.dispatcher());
    forgeViewModel = new ForgeViewModel(session);
    forgeViewModel.activeProperty().set(false);
    trainingViewModel =
        new TrainingViewModel(
            session,
            new EngineTrainingRunner(),
            () ->
                forgeViewModel.configProperty().get() != null
                    ? forgeViewModel.configProperty().get()
                    : ForgeConfig.defaults());
    // one forging strategy: the Training form's choice is the Forge section's
    trainingViewModel.strategyProperty().bindBidirectional(forgeViewModel.strategyProperty());
    session
        .workspaceProperty()
        .addListener(
            (o, a, ws) -> {
              if (ws != null && (a == null || !a.dir().equals(ws.dir()))) {
                restoreSettings(ws);
              }
            });
    trainingViewModel
        .stateProperty()
        .addListener(
            (o, a, state) ->
                mainViewModel.setTrainingThreads(
                    state.isActive() ? EngineTrainingRunner.threads() : 0));
    evaluateViewModel = new EvaluateViewModel(session, evaluationState);
    neighboursViewModel = new NeighboursViewModel(session, evaluationState);
    reviewViewModel = new ReviewViewModel(session, evaluationState);
    lineViewModel =
        new LineViewModel(
            session,
            (result, image) -> {
              evaluationState.publish(result);
              mainViewModel.show(Section.REVIEW);
              for (int i = 0; i < reviewViewModel.queue().size(); i++) {
                if (reviewViewModel.queue().get(i).result().image().equals(image)) {
                  reviewViewModel.go(i);
                }
              }
            });
    trainingViewModel
        .savedModelProperty()
        .addListener(
            (o, a, file) -> {
              if (file != null) {
                evaluateViewModel.modelSaved(file);
              }
            });
    Map<Section, Supplier<Node>> views = new EnumMap<>(Section.class);
    views.put(Section.DATASET, () -> datasetView().node());
    views.put(Section.FORGE, () -> new ForgeView(forgeViewModel).node());
    views.put(Section.TRAIN, () -> trainingView().node());
    views.put(Section.EVALUATE, () -> evaluateView().node());
    views.put(Section.NEIGHBOURS, () -> neighboursView().node());
    views.put(Section.REVIEW, () -> reviewView().node());
    views.put(Section.LINE, () -> lineView().node());
    window = new MainWindow(mainViewModel, views, host);
    window.setOpenDatasetAction(
        () -> {
          mainViewModel.show(Section.DATASET);
          datasetView().chooseFolder();
        });
  }

  private DatasetView datasetView() {
    if (datasetView == null) {
      datasetView = new DatasetView(datasetViewModel, thumbnails);
    }
    return datasetView;
  }

  /** Restores the last training and forging settings saved in a workspace, if any. */
  private void restoreSettings(Workspace ws) {
    if (ws == null) {
      return;
    }
    session
        .runner()
        .task("Reading settings", ctx -> TrainingSettings.load(ws))
        .lane(Lane.IO)
        .quiet()
        .onSuccess(
            saved ->
                saved.ifPresent(
                    s -> {
                      trainingViewModel.restore(s);
                      forgeViewModel.load(s.forge());
                    }))
        .onFailure(e -> session.notifier().error("Reading the saved settings of " + ws.dir(), e))
        .start();
  }

  /** The training view (built on first use). */
  public TrainingView trainingView() {
    if (trainingView == null) {
      trainingView = new TrainingView(trainingViewModel, mainViewModel.darkThemeProperty());
    }
    return trainingView;
  }

  /** The Evaluate view (built on first use). */
  public EvaluateView evaluateView() {
    if (evaluateView == null) {
      evaluateView = new EvaluateView(evaluateViewModel, mainViewModel.darkThemeProperty());
    }
    return evaluateView;
  }

  /** The Neighbours view (built on first use). */
  public NeighboursView neighboursView() {
    if (neighboursView == null) {
      neighboursView = new NeighboursView(neighboursViewModel);
    }
    return neighboursView;
  }

  /** The Review view (built on first use). */
  public ReviewView reviewView() {
    if (reviewView == null) {
      reviewView = new ReviewView(reviewViewModel);
    }
    return reviewView;
  }

  /** The Line view (built on first use). */
  public LineView lineView() {
    if (lineView == null) {
      lineView = new LineView(lineViewModel);
    }
    return lineView;
  }

  public LineViewModel lineViewModel() {
    return lineViewModel;
  }

  public EvaluateViewModel evaluateViewModel() {
    return evaluateViewModel;
  }

  public NeighboursViewModel neighboursViewModel() {
    return neighboursViewModel;
  }

  public ReviewViewModel reviewViewModel() {
    return reviewViewModel;
  }

  /** What the Evaluate, Neighbours and Review views share. */
  public EvaluationState evaluationState() {
    return evaluationState;
  }

  public TrainingViewModel trainingViewModel() {
    return trainingViewModel;
  }

  public ForgeViewModel forgeViewModel() {
    return forgeViewModel;
  }

  public DatasetViewModel datasetViewModel() {
    return datasetViewModel;
  }

  /** Stops background threads owned by the views (thumbnail decoding). */
  public void shutdown() {
    thumbnails.shutdown();
    lineViewModel.stop();
    reviewViewModel.close();
  }

  public WorkbenchSession session() {
    return session;
  }

  public MainViewModel mainViewModel() {
    return mainViewModel;
  }

  public MainWindow window() {
    return window;
  }

  /** The scene of the main window, themed and styled. */
  public Scene createScene(double width, double height) {
    applyTheme(mainViewModel.darkThemeProperty().get());
    mainViewModel.darkThemeProperty().addListener((o, a, dark) -> applyTheme(dark));
    Scene scene = new Scene(window.root(), width, height);
    scene.getStylesheets().add(STYLESHEET);
    return scene;
  }

  /** Switches the AtlantaFX user-agent stylesheet (PrimerLight or PrimerDark). */
  public static void applyTheme(boolean dark) {
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheetBSS()
            : new PrimerLight().getUserAgentStylesheetBSS());
  }
}
