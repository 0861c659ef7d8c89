package sgsf.ui.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ForgeConfig.Strategy;
import sgsf.engine.config.ForgeParameters;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.forge.ForgeResult;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.OpenCv;
import sgsf.ui.FxTestToolkit;
import sgsf.ui.RecordingNotifier;
import sgsf.ui.TestData;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.SynchronousTaskRunner;

/** The forge preview ViewModel on the demo dataset, computed synchronously without a window. */
class ForgeViewModelTest {
  @TempDir Path tmp;
  private RecordingNotifier notifier;
  private ForgeViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start();
  }

  @BeforeEach
  void setUp() {
    notifier = new RecordingNotifier();
    WorkbenchSession session = new WorkbenchSession(new SynchronousTaskRunner(), notifier);
    vm = new ForgeViewModel(session);
    vm.sizeProperty().set(128);
    session.datasetProperty().set(DatasetScanner.scan(TestData.demo("object")));
  }

  @Test
  void theDefaultsDescribeTheEngineDefaultsAndGiveFivePanels() {
    assertThat(vm.configProperty().get()).isEqualTo(ForgeConfig.defaults());
    ForgePreview p = vm.previewProperty().get();
    assertThat(p).isNotNull();
    assertThat(p.request().sample()).isEqualTo(vm.images().get(0));
    assertThat(p.panels()).hasSize(5);
    assertThat(p.panels()).extracting(ForgePreview.PanelImage::title).first().isEqualTo("A");
    assertThat(p.panels()).allSatisfy(panel -> assertThat(panel.image()).isNotNull());
    assertThat(p.panels().get(0).image().getWidth()).isEqualTo(128);
    assertThat(p.result().strategy()).isEqualTo(Strategy.SAM);
  }

  @Test
  void movingAThresholdControlRecomputesMuByEquationOne() {
    vm.numberProperty("a").set(0.3);
    vm.numberProperty("b").set(0.5);
    ForgePreview p = vm.previewProperty().get();
    assertThat(p.request().config().threshold().a()).isEqualTo(0.3);
    ForgeResult r = p.result();
    // Eq. (1): mu = a + mean(S) * b, with mean(S) taken from the map S the preview used
    double meanS = r.saliency().mean();
    assertThat(r.threshold()).isCloseTo(0.3 + meanS * 0.5, offset(1e-6));
  }

  @Test
  void anInvalidCombinationIsExplainedAndNothingIsComputed() {
    vm.numberProperty("a").set(0.7); // a + b = 0.9: still valid
    ForgePreview before = vm.previewProperty().get();
    assertThat(before.request().config().threshold().a()).isEqualTo(0.7);
    long computed = vm.computedPreviews();
    vm.numberProperty("b").set(0.4);
    assertThat(vm.configProperty().get()).isNull();
    assertThat(vm.problemProperty().get()).contains("a + b must be below 1");
    assertThat(vm.previewProperty().get()).isSameAs(before);
    assertThat(vm.computedPreviews()).isEqualTo(computed);
  }

  @Test
  void sameSeedAndIndexGiveTheSameSampleAndAnotherIndexAnother() {
    FloatImage first = vm.previewProperty().get().result().image();
    vm.sampleIndexProperty().set(1L);
    FloatImage second = vm.previewProperty().get().result().image();
    vm.sampleIndexProperty().set(0L);
    FloatImage again = vm.previewProperty().get().result().image();
    assertThat(again).isEqualTo(first);
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void cutPasteHasNoNoisePanelAndItsOwnParameters() {
    vm.strategyProperty().set(Strategy.CUTPASTE);
    ForgePreview p = vm.previewProperty().get();
    assertThat(p.result().strategy()).isEqualTo(Strategy.CUTPASTE);
    assertThat(p.result().gated()).isNull();
    assertThat(ForgeParameters.Group.CUTPASTE.usedBy(Strategy.CUTPASTE)).isTrue();
    assertThat(ForgeParameters.Group.THRESHOLD.usedBy(Strategy.CUTPASTE)).isFalse();
    vm.numberProperty("cp.scarProbability").set(0); // rectangles only
    vm.numberProperty("cp.area.max").set(0.3);
    vm.numberProperty("cp.area.min").set(0.2);
    double area = vm.previewProperty().get().result().maskFraction();
    assertThat(area).isBetween(0.15, 0.35);
  }

  @Test
  void theGridShowsSixteenSamplesOverDifferentImages() {
    vm.showGridProperty().set(true);
    assertThat(vm.gridProperty().get()).hasSize(ForgeViewModel.GRID);
    assertThat(vm.gridProperty().get().stream().map(ForgeViewModel.GridTile::caption).distinct())
        .hasSize(ForgeViewModel.GRID);
  }

  @Test
  void exportWritesTheSheetAsAPngOfFivePanels() {
    Path file = tmp.resolve("sheet.png");
    vm.exportSheet(file);
    assertThat(notifier.errors).isEmpty();
    OpenCv.ensureLoaded();
    Mat m = Imgcodecs.imread(file.toString());
    // ForgeContactSheet: 5 panels of 128 with 4 px gaps, a 22 px title band, 4 px margins
    assertThat(m.cols()).isEqualTo(5 * 128 + 6 * 4);
    assertThat(m.rows()).isEqualTo(128 + 22 + 2 * 4);
  }

  @Test
  void aMissingTextureFolderIsReportedNamingTheFolder() {
    Path missing = tmp.resolve("no-such-textures");
    vm.textureFolderProperty().set(missing.toString());
    vm.textureSourceProperty().set(ForgeConfig.TextureSource.USER_FOLDER);
    assertThat(vm.problemProperty().get()).contains(missing.toString());
  }
}
