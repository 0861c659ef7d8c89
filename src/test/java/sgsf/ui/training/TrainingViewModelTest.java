package sgsf.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.train.IterationStats;
import sgsf.io.ModelBundle;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.FxTestToolkit;
import sgsf.ui.RecordingNotifier;
import sgsf.ui.TestData;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.SynchronousTaskRunner;

/**
 * The training ViewModel driving real DL4J training (a 32x32, width-4 network on the demo dataset),
 * synchronously, without a window.
 */
@Tag("slow")
class TrainingViewModelTest {
  @TempDir Path tmp;
  private RecordingNotifier notifier;
  private WorkbenchSession session;
  private TrainingViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start();
  }

  @BeforeEach
  void setUp() throws Exception {
    notifier = new RecordingNotifier();
    session = new WorkbenchSession(new SynchronousTaskRunner(), notifier);
    session.workspaceProperty().set(Workspace.create(tmp.resolve("ws"), DatasetReference.ofDemo()));
    session.datasetProperty().set(DatasetScanner.scan(TestData.demo("object")));
    vm = new TrainingViewModel(session, new EngineTrainingRunner(), ForgeConfig::defaults);
    vm.setPreviewIntervalSeconds(0);
    TrainingForm f = vm.form();
    f.inputSizeProperty().set("32");
    f.baseWidthProperty().set("4");
    f.iterationsProperty().set("6");
    // a guided run: 2 warm-up iterations of the autoencoder, then 6 of the main phase
    f.guidanceProperty().set(GuidanceMode.FROZEN);
    f.warmupProperty().set("2");
    f.batchSizeProperty().set("2");
    f.checkpointEveryProperty().set("3");
    f.contrastSetSizeProperty().set("2");
    assertThat(f.problems()).isEmpty();
    assertThat(f.presetProperty().get()).isEqualTo("custom");
  }

  @Test
  void aShortRunCompletesAndSavesALoadableModelIntoTheWorkspace() throws Exception {
    assertThat(vm.canStartProperty().get()).isTrue();
    vm.start();
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.stateProperty().get()).isEqualTo(RunState.COMPLETED);
    assertThat(vm.history())
        .extracting(IterationStats::iteration)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(vm.history()).allSatisfy(s -> assertThat(s.loss()).isFinite().isPositive());
    assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    assertThat(vm.previewProperty().get()).isNotNull();
    assertThat(vm.previewProperty().get().size()).isEqualTo(2);
    Path model = vm.savedModelProperty().get();
    assertThat(model.getParent()).isEqualTo(session.getWorkspace().modelsDir());
    assertThat(Files.size(model)).isPositive();
    assertThat(ModelBundle.load(model).model().config().inputSize()).isEqualTo(32);
    assertThat(vm.checkpoints()).isNotEmpty();
    assertThat(vm.checkpoints().get(0).file()).startsWith(session.getWorkspace().runsDir());
    var saved = sgsf.io.workspace.TrainingSettings.load(session.getWorkspace()).orElseThrow();
    assertThat(saved.model().inputSize()).isEqualTo(32);
    assertThat(saved.train().iterations()).isEqualTo(6);
    assertThat(saved.forge()).isEqualTo(ForgeConfig.defaults());
  }

  @Test
  void cancelStopsWithinAnIterationAndTheCheckpointResumesToTheEnd() throws Exception {
    ListChangeListener<IterationStats> cancelAtFour =
        c -> {
          if (vm.history().size() >= 4 && vm.stateProperty().get() == RunState.RUNNING) {
            vm.cancel();
          }
        };
    vm.history().addListener(cancelAtFour);
    vm.start();
    vm.history().removeListener(cancelAtFour);
    assertThat(vm.stateProperty().get()).isEqualTo(RunState.CANCELLED);
    int last = vm.history().get(vm.history().size() - 1).iteration();
    assertThat(last).isBetween(4, 5);
    assertThat(vm.savedModelProperty().get()).isNull();
    assertThat(vm.outcomeTextProperty().get()).contains("resumed");
    // cancelled from the status bar instead, the view names the iteration reached (it used to
    // say "cancelled before it started" after any number of iterations)
    assertThat(vm.cancelledText()).contains("after iteration " + last);
    // the cancel keeps every finished iteration: a checkpoint at the one reached (the periodic
    // one, every 3, would lose the iterations after it)
    CheckpointEntry checkpoint = vm.checkpoints().get(0);
    assertThat(checkpoint.iteration()).isEqualTo(last);

    vm.resumeFrom(checkpoint);
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.stateProperty().get()).isEqualTo(RunState.COMPLETED);
    assertThat(vm.history().get(0).iteration()).isEqualTo(last + 1);
    assertThat(vm.history().get(vm.history().size() - 1).iteration()).isEqualTo(8);
    assertThat(vm.savedModelProperty().get()).exists();
  }
}
