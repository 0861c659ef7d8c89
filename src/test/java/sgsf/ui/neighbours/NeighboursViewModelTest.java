package sgsf.ui.neighbours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.Sample;
import sgsf.engine.image.ImageIo;
import sgsf.engine.infer.Predictor;
import sgsf.engine.model.FeatureBank;
import sgsf.engine.task.CancellationToken;
import sgsf.ui.DemoModels;
import sgsf.ui.RecordingNotifier;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.SynchronousTaskRunner;
import sgsf.ui.evaluation.EvaluationJob;
import sgsf.ui.evaluation.EvaluationResult;
import sgsf.ui.evaluation.EvaluationState;
import sgsf.ui.evaluation.EvaluationTarget;
import sgsf.ui.evaluation.ImageResult;
import sgsf.ui.evaluation.LoadedModel;

/** The Neighbours ViewModel on the tiny demo model, run synchronously. */
class NeighboursViewModelTest {
  static LoadedModel model;
  static EvaluationResult result;
  static Sample trainImage;

  private RecordingNotifier notifier;
  private EvaluationState state;
  private NeighboursViewModel vm;

  @BeforeAll
  static void evaluate() throws Exception {
    model = LoadedModel.load(DemoModels.textureModel());
    Dataset d = DemoModels.texture();
    List<EvaluationTarget> targets = new ArrayList<>(EvaluationTarget.testSplit(d).subList(0, 12));
    // a training image among the test images: a near-duplicate by construction
    trainImage = d.trainGood().get(7);
    targets.add(new EvaluationTarget(trainImage.image(), "good", null));
    result = EvaluationJob.run(model, "demo", targets, (a, b) -> {}, CancellationToken.none());
  }

  @BeforeEach
  void setUp() {
    notifier = new RecordingNotifier();
    WorkbenchSession session = new WorkbenchSession(new SynchronousTaskRunner(), notifier);
    state = new EvaluationState();
    vm = new NeighboursViewModel(session, state);
    state.publish(result);
    vm.setActive(true);
  }

  @Test
  void theNeighboursAreTheMostCosineSimilarTrainingImagesAndTheFirstGuidedTheMap() {
    ImageResult img = result.images().get(10);
    state.selectedProperty().set(img);
    NeighbourSet set = vm.neighboursProperty().get();
    assertThat(notifier.errors).isEmpty();
    assertThat(set.result()).isSameAs(img);
    assertThat(set.neighbours()).hasSize(NeighboursViewModel.DEFAULT_NEIGHBOURS);
    // independent check: cosine similarity of the image's embedding with every bank embedding
    FeatureBank bank = model.model().bank();
    float[] e =
        Embeddings.embed(
            model.model(),
            List.of(ImageIo.read(img.image())),
            (a, b) -> {},
            CancellationToken.none())[0];
    double norm = 0;
    for (float v : e) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    double[] cos = new double[bank.size()];
    int best = 0;
    for (int i = 0; i < bank.size(); i++) {
      double dot = 0;
      for (int k = 0; k < e.length; k++) {
        dot += e[k] * bank.embedding(i)[k];
      }
      cos[i] = dot / norm;
      if (cos[i] > cos[best]) {
        best = i;
      }
    }
    assertThat(set.guiding().index()).isEqualTo(best);
    for (FeatureBank.Neighbour n : set.neighbours()) {
      assertThat(n.similarity()).isCloseTo(cos[n.index()], within(1e-4));
    }
    assertThat(set.neighbours())
        .extracting(FeatureBank.Neighbour::similarity)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    // the same neighbour guided the map the predictor made
    var p = new Predictor(model.model()).predict(ImageIo.read(img.image()));
    assertThat(p.neighbours().get(0).index()).isEqualTo(best);
    vm.countProperty().set(3);
    assertThat(vm.neighboursProperty().get().neighbours()).hasSize(3);
  }

  @Test
  void everyTrainingImageIsRankedByTypicality() {
    List<NeighbourAnalysis.Typicality> t = vm.leastTypical();
    assertThat(t).hasSize(model.model().bank().size());
    assertThat(t).extracting(NeighbourAnalysis.Typicality::typicality).isSorted();
    assertThat(t).allSatisfy(x -> assertThat(x.nearestIndex()).isNotEqualTo(x.index()));
  }

  @Test
  void theDefaultDuplicateThresholdIsThe99thPercentileOfTrainingNearestSimilarities() {
    double[] nearest =
        vm.leastTypical().stream()
            .mapToDouble(NeighbourAnalysis.Typicality::nearestSimilarity)
            .sorted()
            .toArray();
    // 120 training images: the 99th percentile is the 119th smallest (index 118)
    assertThat(nearest).hasSize(120);
    assertThat(vm.duplicateThresholdProperty().get())
        .isEqualTo(Math.max(NeighboursViewModel.MIN_DUPLICATE_THRESHOLD, nearest[118]));
  }

  @Test
  void aTrainingImageAmongTheTestImagesIsFoundAsANearDuplicate() {
    assertThat(vm.scanningProperty().get()).isFalse();
    assertThat(vm.duplicates()).isNotEmpty();
    NearDuplicateRow top = vm.duplicates().get(0);
    assertThat(top.test().image()).isEqualTo(trainImage.image());
    // a model saved now names its training images relative to the dataset root (no absolute
    // paths); one saved before kept them absolute: either way the id ends with the same path
    java.nio.file.Path relative = DemoModels.texture().root().relativize(trainImage.image());
    assertThat(java.nio.file.Path.of(top.trainId()).endsWith(relative))
        .as("%s ends with %s", top.trainId(), relative)
        .isTrue();
    assertThat(top.similarity()).isGreaterThan(0.999);
    assertThat(vm.bestTestSimilarityProperty().get()).isEqualTo(top.similarity());
    vm.duplicateThresholdProperty().set(Math.min(1.0, top.similarity() + 1e-6));
    assertThat(vm.duplicates()).isEmpty();
  }
}
