package sgsf.ui.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import sgsf.engine.data.DatasetLayout;
import sgsf.engine.data.Sample;
import sgsf.engine.data.Split;
import sgsf.engine.image.OpenCv;
import sgsf.io.workspace.DatasetReference;
import sgsf.io.workspace.Workspace;
import sgsf.ui.FxTestToolkit;
import sgsf.ui.RecordingNotifier;
import sgsf.ui.TestData;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.SynchronousTaskRunner;

/** The dataset ViewModel on real files, synchronously, without a window. */
class DatasetViewModelTest {
  @TempDir Path tmp;
  private RecordingNotifier notifier;
  private WorkbenchSession session;
  private DatasetViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start(); // image conversion creates JavaFX images
  }

  @BeforeEach
  void setUp() {
    notifier = new RecordingNotifier();
    session = new WorkbenchSession(new SynchronousTaskRunner(), notifier);
    vm = new DatasetViewModel(session);
  }

  @Test
  void openingTheDemoObjectCategoryListsItsSamplesTypesAndCounts() {
    vm.openDemo("object");
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.samples()).hasSize(120 + 20 + 3 * 10);
    assertThat(vm.typeChoices())
        .containsExactly(DatasetViewModel.ALL_TYPES, "good", "crack", "scratch", "spot");
    assertThat(vm.summaryProperty().get())
        .isEqualTo("MVTec AD · 120 train · 50 test (3 defect types) · 0 skipped");
    assertThat(vm.counts())
        .anySatisfy(
            c -> {
              assertThat(c.split()).isEqualTo(Split.TEST);
              assertThat(c.type()).isEqualTo("crack");
              assertThat(c.images()).isEqualTo(10);
              assertThat(c.masks()).isEqualTo(10);
            });
    assertThat(session.getDataset()).isNotNull();
    assertThat(vm.selectedProperty().get()).isEqualTo(vm.visibleSamples().get(0));
    assertThat(vm.detailProperty().get()).isNotNull();
  }

  @Test
  void filtersBySplitTypeAndNameCombine() {
    vm.openDemo("object");
    vm.splitFilterProperty().set(SplitFilter.TEST);
    assertThat(vm.visibleSamples()).hasSize(50).allMatch(s -> s.split() == Split.TEST);
    vm.typeFilterProperty().set("crack");
    assertThat(vm.visibleSamples()).hasSize(10).allMatch(s -> s.defectType().equals("crack"));
    String name = vm.visibleSamples().get(3).fileName();
    vm.searchProperty().set(name.substring(0, name.indexOf('.')).toUpperCase());
    assertThat(vm.visibleSamples()).extracting(Sample::fileName).containsExactly(name);
    vm.splitFilterProperty().set(SplitFilter.TRAIN);
    assertThat(vm.visibleSamples()).isEmpty();
  }

  @Test
  void aDefectiveSampleIsShownWithItsMaskAndTheTrueDefectArea() {
    vm.openDemo("object");
    Sample defect = vm.samples().stream().filter(s -> s.mask() != null).findFirst().orElseThrow();
    vm.selectedProperty().set(defect);
    ImageDetail d = vm.detailProperty().get();
    assertThat(d.sample()).isEqualTo(defect);
    assertThat(d.hasMask()).isTrue();
    assertThat(d.contours()).isNotEmpty();
    // reference: OpenCV's own count of non-zero mask pixels
    OpenCv.ensureLoaded();
    Mat m = Imgcodecs.imread(defect.mask().toString(), Imgcodecs.IMREAD_GRAYSCALE);
    double expected = Core.countNonZero(m) / (double) (m.rows() * m.cols());
    assertThat(d.defectFraction()).isEqualTo(expected);
    assertThat(d.width()).isEqualTo(m.cols());
  }

  @Test
  void stepMovesThroughTheVisibleSamplesAndStopsAtTheEnds() {
    vm.openDemo("object");
    vm.splitFilterProperty().set(SplitFilter.TEST);
    vm.typeFilterProperty().set("spot");
    vm.selectedProperty().set(vm.visibleSamples().get(0));
    vm.step(1);
    assertThat(vm.selectedProperty().get()).isEqualTo(vm.visibleSamples().get(1));
    vm.step(-5);
    assertThat(vm.selectedProperty().get()).isEqualTo(vm.visibleSamples().get(0));
    vm.step(100);
    assertThat(vm.selectedProperty().get()).isEqualTo(vm.visibleSamples().get(9));
  }

  @Test
  void unreadableFilesAreSkippedAndListedWithTheirReason() throws Exception {
    Path root = copyOfDemo("object", tmp.resolve("object"));
    Path broken = root.resolve("train").resolve("good").resolve("zz_broken.png");
    Files.write(broken, new byte[0]);
    vm.openFolder(root);
    assertThat(notifier.errors).isEmpty();
    assertThat(vm.skipped()).hasSize(1);
    assertThat(vm.skipped().get(0).path()).isEqualTo(broken);
    assertThat(vm.skipped().get(0).reason()).isNotBlank();
    assertThat(vm.summaryProperty().get()).endsWith("1 skipped");
  }

  @Test
  void aFolderOfNoKnownLayoutGivesAnErrorNamingTheFolder() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("holiday-photos"));
    vm.openFolder(plain);
    assertThat(vm.loadErrorProperty().get()).contains(plain.toString());
    assertThat(notifier.errors).singleElement().asString().contains(plain.toString());
    assertThat(vm.loadingProperty().get()).isFalse();
    assertThat(session.getDataset()).isNull();
  }

  @Test
  void theDemoRootAsksForOneOfItsCategories() {
    assertThat(DatasetViewModel.categoriesToChooseFrom(TestData.demoRoot()))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("object", "texture");
    assertThat(DatasetViewModel.categoriesToChooseFrom(TestData.demo("object"))).isEmpty();
  }

  @Test
  void theOpenedDatasetIsRecordedInTheWorkspace() throws Exception {
    Workspace ws = Workspace.create(tmp.resolve("ws"), DatasetReference.ofDemo("object"));
    session.workspaceProperty().set(ws);
    assertThat(vm.referenceProperty().get()).isEqualTo(DatasetReference.ofDemo("object"));
    vm.openDemo("texture");
    assertThat(Workspace.open(tmp.resolve("ws")).dataset())
        .isEqualTo(DatasetReference.ofDemo("texture"));
    assertThat(session.getWorkspace().dataset()).isEqualTo(DatasetReference.ofDemo("texture"));
  }

  @Test
  void theFolderLayoutOpensFromItsThreeFolders() throws Exception {
    Path demo = TestData.demo("object");
    Path normal = Files.createDirectories(tmp.resolve("ok"));
    Path abnormal = Files.createDirectories(tmp.resolve("ng"));
    Path masks = Files.createDirectories(tmp.resolve("masks"));
    copyImages(demo.resolve("train").resolve("good"), normal, 12);
    List<Path> cracks = list(demo.resolve("test").resolve("crack"));
    for (Path p : cracks.subList(0, 4)) {
      Files.copy(p, abnormal.resolve(p.getFileName()));
      String stem = p.getFileName().toString().replaceFirst("\\.png$", "");
      Path mask = demo.resolve("ground_truth").resolve("crack").resolve(stem + "_mask.png");
      Files.copy(mask, masks.resolve(stem + "_mask.png"));
    }
    vm.openFolderLayout(normal, abnormal, masks);
    assertThat(notifier.errors).isEmpty();
    assertThat(session.getDataset().layout()).isEqualTo(DatasetLayout.FOLDER);
    assertThat(vm.samples()).hasSize(16);
    assertThat(vm.samples().stream().filter(s -> s.mask() != null)).hasSize(4);
  }

  private static Path copyOfDemo(String category, Path target) throws Exception {
    Path src = TestData.demo(category);
    try (Stream<Path> all = Files.walk(src)) {
      for (Path p : all.toList()) {
        Path t = target.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  private static void copyImages(Path from, Path to, int n) throws Exception {
    for (Path p : list(from).subList(0, n)) {
      Files.copy(p, to.resolve(p.getFileName()));
    }
  }

  private static List<Path> list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
