package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import picocli.CommandLine;
import sgsf.app.SgsfCommand;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.image.OpenCv;

class DatasetsInspectCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SgsfCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static void png(Path file, int w, int h, int value) throws Exception {
    OpenCv.ensureLoaded();
    Files.createDirectories(file.getParent());
    Imgcodecs.imwrite(file.toString(), new Mat(h, w, CvType.CV_8UC1, new Scalar(value)));
  }

  /** train/good 3, test/good 1, test/dent 2 with masks, plus one text file posing as PNG. */
  private Path dataset() throws Exception {
    Path root = dir.resolve("part");
    for (int i = 0; i < 3; i++) {
      png(root.resolve("train/good/" + i + ".png"), 16, 16, 100);
    }
    png(root.resolve("test/good/0.png"), 16, 16, 100);
    for (int i = 0; i < 2; i++) {
      png(root.resolve("test/dent/" + i + ".png"), 16, 16, 90);
      png(root.resolve("ground_truth/dent/" + i + "_mask.png"), 16, 16, 255);
    }
    Files.writeString(root.resolve("train/good/fake.png"), "not a png");
    return root;
  }

  @Test
  void printsLayoutCountsMasksAndSkippedFiles() throws Exception {
    Path root = dataset();
    Run r = run("datasets", "inspect", root.toString());

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("part: MVTec AD layout at " + root)
        .containsPattern("train good +3 images")
        .containsPattern("test +good +1 image")
        .containsPattern("test +dent +2 images +2 with mask")
        .contains("skipped: 1 file")
        .contains(root.resolve("train/good/fake.png") + ": not a decodable image");
  }

  @Test
  void jsonIsOneObjectWithCountsAndSkippedFiles() throws Exception {
    Path root = dataset();
    Run r = run("datasets", "inspect", root.toString(), "--json");

    assertThat(r.code()).isZero();
    assertThat(r.out().strip().lines()).hasSize(1);
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertThat(o.get("root").asText()).isEqualTo(root.toString());
    JsonNode d = o.get("datasets").get(0);
    assertThat(d.get("layout").asText()).isEqualTo("MVTEC");
    assertThat(d.get("train_good").asInt()).isEqualTo(3);
    assertThat(d.get("test_good").asInt()).isEqualTo(1);
    assertThat(d.get("test_defective").asInt()).isEqualTo(2);
    assertThat(d.get("masks").asInt()).isEqualTo(2);
    assertThat(d.get("defect_types").get(0).asText()).isEqualTo("dent");
    assertThat(d.get("counts")).hasSize(3);
    assertThat(d.get("skipped").get(0).get("path").asText())
        .isEqualTo(root.resolve("train/good/fake.png").toString());
  }

  @Test
  void unusableDatasetExitsNonZeroWithOneLineError() throws Exception {
    Path root = dataset();
    png(root.resolve("ground_truth/dent/1_mask.png"), 8, 8, 255);

    Run r = run("datasets", "inspect", root.toString());

    assertThat(r.code()).isEqualTo(DatasetsInspectCommand.EXIT_DATASET_ERROR);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("error: ")
        .contains(root.resolve("ground_truth/dent/1_mask.png").toString())
        .contains("8x8")
        .contains("16x16");
  }

  @Test
  void everyProblemIsListedInOnePassFatalFirstAndTheExitIsNonZero() throws Exception {
    Path root = dataset(); // has a text file posing as train/good/fake.png
    png(root.resolve("ground_truth/dent/1_mask.png"), 8, 8, 255); // wrong size: fatal
    png(root.resolve("test/dent/2.png"), 16, 16, 90); // no mask: fatal
    Path jpg = root.resolve("train/good/cut.jpg");
    OpenCv.ensureLoaded();
    Imgcodecs.imwrite(jpg.toString(), new Mat(64, 64, CvType.CV_8UC1, new Scalar(70)));
    byte[] whole = Files.readAllBytes(jpg);
    Files.write(jpg, java.util.Arrays.copyOf(whole, whole.length / 2)); // truncated: skipped

    Run r = run("datasets", "inspect", root.toString());

    assertThat(r.code()).isEqualTo(DatasetsInspectCommand.EXIT_DATASET_ERROR);
    assertThat(r.err().strip().lines())
        .hasSize(2)
        .allMatch(l -> l.startsWith("error: "))
        .anyMatch(l -> l.contains("1_mask.png") && l.contains("8x8"))
        .anyMatch(l -> l.contains("2.png") && l.contains("no mask"));
    String out = r.out();
    assertThat(out).contains("2 fatal problems", "2 files skipped");
    assertThat(out.indexOf("fatal:")).isLessThan(out.indexOf("skipped: "));
    assertThat(out)
        .contains(root.resolve("train/good/fake.png") + ": not a decodable image")
        .contains(jpg + ": truncated JPEG");

    Run j = run("datasets", "inspect", root.toString(), "--json");
    assertThat(j.code()).isEqualTo(DatasetsInspectCommand.EXIT_DATASET_ERROR);
    JsonNode o = new ObjectMapper().readTree(j.out());
    assertThat(o.get("errors")).hasSize(2);
    assertThat(o.get("skipped")).hasSize(2);
  }

  @Test
  void unrecognisedFolderErrorAlsoComesAsJson() throws Exception {
    Path root = dir.resolve("misc");
    png(root.resolve("x.png"), 4, 4, 0);

    Run r = run("datasets", "inspect", root.toString(), "--json");

    assertThat(r.code()).isEqualTo(1);
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertThat(o.get("error").asText()).contains("matches no known dataset layout");
    assertThat(o.get("path").asText()).isEqualTo(root.toString());
    assertThat(r.err()).startsWith("error: " + root);
  }

  @Test
  void withoutDirItInspectsBothDemoCategories() throws Exception {
    String old = System.getProperty(DemoDataset.CACHE_DIR_PROPERTY);
    System.setProperty(DemoDataset.CACHE_DIR_PROPERTY, dir.resolve("demo").toString());
    try {
      Run r = run("datasets", "inspect", "--json");

      assertThat(r.code()).isZero();
      JsonNode ds = new ObjectMapper().readTree(r.out()).get("datasets");
      assertThat(ds).hasSize(2);
      for (JsonNode d : ds) {
        assertThat(d.get("train_good").asInt()).isEqualTo(DemoDataset.TRAIN_GOOD);
        assertThat(d.get("test_defective").asInt()).isEqualTo(3 * DemoDataset.TEST_PER_DEFECT);
      }
      assertThat(ds.get(0).get("name").asText()).isEqualTo(DemoDataset.OBJECT);
      assertThat(ds.get(1).get("name").asText()).isEqualTo(DemoDataset.TEXTURE);
    } finally {
      if (old == null) {
        System.clearProperty(DemoDataset.CACHE_DIR_PROPERTY);
      } else {
        System.setProperty(DemoDataset.CACHE_DIR_PROPERTY, old);
      }
    }
  }
}
