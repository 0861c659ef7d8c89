package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.Sample;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.OpenCv;
import sgsf.io.forge.ForgeContactSheet;
import sgsf.ui.FxTestToolkit;
import sgsf.ui.RecordingNotifier;
import sgsf.ui.WorkbenchSession;
import sgsf.ui.concurrent.SynchronousTaskRunner;
import sgsf.ui.forge.ForgePreview;
import sgsf.ui.forge.ForgeViewModel;

/**
 * The same forging configuration, seed and images: {@code sgsf forge} and the Forge view forge the
 * same samples, pixel for pixel (the contact sheet A | S | G | M | I and the mask). The auxiliary
 * images are crops of other good images, so the test also fails when one side orders the images B
 * is cut from differently, and the images are not at model size, so it fails when one side loads
 * and resizes them differently.
 */
class SameForgedSamplesInCliAndWorkbenchTest {
  private static final int SIZE = 64;
  private static final int COUNT = 4;

  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestToolkit.start();
  }

  /** An MVTec-layout part: six discs of different grey levels and places on a gradient, 90x70. */
  private Path dataset() {
    OpenCv.ensureLoaded();
    Path root = dir.resolve("part");
    for (int i = 0; i < 6; i++) {
      Mat m = new Mat(70, 90, CvType.CV_8UC3, new Scalar(20 + 10 * i, 40, 60));
      Imgproc.line(m, new Point(0, 5 * i), new Point(89, 69 - 3 * i), new Scalar(230, 90, 10), 3);
      Imgproc.circle(
          m, new Point(30 + 5 * i, 35), 14 + i, new Scalar(120 + 20 * i, 200, 80 + 15 * i), -1);
      Path f = root.resolve("train/good/" + i + ".png");
      f.getParent().toFile().mkdirs();
      Imgcodecs.imwrite(f.toString(), m);
    }
    return root;
  }

  @Test
  void cliAndForgeViewForgeTheSameSamples() throws Exception {
    Path data = dataset();
    Path out = dir.resolve("gallery");
    Sgsf.Run run =
        Sgsf.run(
            "forge",
            "--data",
            data.toString(),
            "--count",
            Integer.toString(COUNT),
            "--size",
            Integer.toString(SIZE),
            "--seed",
            "7",
            "--aux",
            "good",
            "--forge-a",
            "0.3",
            "--out",
            out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^sample (\\d+): (\\S+)").matcher(run.out());
    while (m.find()) {
      assertThat(Integer.parseInt(m.group(1))).isEqualTo(names.size());
      names.add(m.group(2));
    }
    assertThat(names).hasSize(COUNT);

    WorkbenchSession session =
        new WorkbenchSession(new SynchronousTaskRunner(), new RecordingNotifier());
    ForgeViewModel vm = new ForgeViewModel(session);
    vm.sizeProperty().set(SIZE);
    vm.seedProperty().set("7");
    vm.textureSourceProperty().set(ForgeConfig.TextureSource.OTHER_GOOD_IMAGE);
    vm.numberProperty("a").set(0.3);
    session.datasetProperty().set(DatasetScanner.scan(data));
    assertThat(vm.problemProperty().get()).isNull();

    for (int k = 0; k < COUNT; k++) {
      Path image = data.resolve(names.get(k)).toAbsolutePath().normalize();
      Sample sample =
          vm.images().stream()
              .filter(s -> s.image().toAbsolutePath().normalize().equals(image))
              .findFirst()
              .orElseThrow();
      vm.imageProperty().set(sample);
      vm.sampleIndexProperty().set((long) k);
      ForgePreview p = vm.previewProperty().get();
      assertThat(p.request().sample()).isEqualTo(sample);
      assertThat(p.request().index()).isEqualTo(k);
      String sheet = String.format("sample-%03d.png", k);
      String mask = String.format("sample-%03d-mask.png", k);
      assertThat(
              Arrays.equals(
                  ImageIo.encodePng(p.result().mask()), Files.readAllBytes(out.resolve(mask))))
          .as("the view's mask of %s is the CLI's %s", names.get(k), mask)
          .isTrue();
      assertThat(
              Arrays.equals(
                  ImageIo.encodePng(ForgeContactSheet.render(p.sheetPanels(), SIZE, SIZE)),
                  Files.readAllBytes(out.resolve(sheet))))
          .as("the view's A | S | G | M | I of %s is the CLI's %s", names.get(k), sheet)
          .isTrue();
    }
  }
}
