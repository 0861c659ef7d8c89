package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.OpenCv;

class ForgeCommandTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  /** An MVTec-layout part: train/good with 4 grey discs on dark backgrounds, 48x40 pixels. */
  private Path dataset() {
    OpenCv.ensureLoaded();
    Path root = dir.resolve("part");
    for (int i = 0; i < 4; i++) {
      Mat m = new Mat(40, 48, CvType.CV_8UC1, new Scalar(30));
      Imgproc.circle(m, new Point(20 + i, 20), 12, new Scalar(200), -1);
      Path f = root.resolve("train/good/" + i + ".png");
      f.getParent().toFile().mkdirs();
      Imgcodecs.imwrite(f.toString(), m);
    }
    return root;
  }

  @Test
  void writesAContactSheetAndAMaskPerSampleAndAnIndexLinkingThem() throws Exception {
    Path out = dir.resolve("out");
    CliRun r =
        run(
            "forge",
            "--data",
            dataset().toString(),
            "--count",
            "3",
            "--size",
            "64",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 3 contact sheets");
    for (int k = 0; k < 3; k++) {
      FloatImage sheet = ImageIo.read(out.resolve(String.format("sample-%03d.png", k)));
      // five 64-pixel panels with 4-pixel gaps, under a 22-pixel title strip
      assertThat(sheet.width()).isEqualTo(5 * 64 + 6 * 4);
      assertThat(sheet.height()).isEqualTo(64 + 22 + 2 * 4);
      FloatImage mask = ImageIo.read(out.resolve(String.format("sample-%03d-mask.png", k)));
      assertThat(mask.channels()).isEqualTo(1);
      assertThat(mask.width()).isEqualTo(64);
      assertThat(mask.data()).contains(1f).containsOnly(0f, 1f);
    }
    assertThat(out.resolve("sample-003.png")).doesNotExist();
    String html = Files.readString(out.resolve("index.html"));
    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
    int links = 0;
    while (refs.find()) {
      String ref = refs.group(1);
      assertThat(ref).as("relative link").doesNotStartWith("/").doesNotContain(":");
      assertThat(out.resolve(ref)).exists();
      links++;
    }
    assertThat(links).isEqualTo(3 * 3); // sheet link, sheet image, mask link
    assertThat(html).contains("train/good/").contains("mu = ").contains("Forged samples: SAM");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp"));
    }
  }

  @Test
  void everyStrategyRunsFromTheCommandLine() {
    Path data = dataset();
    for (String s : new String[] {"perlin", "cutpaste", "cutswap", "hard"}) {
      Path out = dir.resolve(s);
      CliRun r =
          run(
              "forge",
              "--data",
              data.toString(),
              "--strategy",
              s,
              "--count",
              "1",
              "--size",
              "48",
              "--out",
              out.toString());
      assertThat(r.code()).as(s + ": " + r.err()).isZero();
      assertThat(out.resolve("sample-000.png")).exists();
    }
  }

  @Test
  void theSameSeedWritesTheSameMasks() throws Exception {
    Path data = dataset();
    run(
        "forge",
        "--data",
        data.toString(),
        "--count",
        "2",
        "--size",
        "48",
        "--seed",
        "5",
        "--out",
        dir.resolve("a").toString());
    run(
        "forge",
        "--data",
        data.toString(),
        "--count",
        "2",
        "--size",
        "48",
        "--seed",
        "5",
        "--out",
        dir.resolve("b").toString());
    run(
        "forge",
        "--data",
        data.toString(),
        "--count",
        "2",
        "--size",
        "48",
        "--seed",
        "6",
        "--out",
        dir.resolve("c").toString());
    byte[] a = Files.readAllBytes(dir.resolve("a/sample-001-mask.png"));
    assertThat(Files.readAllBytes(dir.resolve("b/sample-001-mask.png"))).isEqualTo(a);
    assertThat(Files.readAllBytes(dir.resolve("c/sample-001-mask.png"))).isNotEqualTo(a);
  }

  @Test
  void rejectsBadCountSizeAndStrategyWithClearMessages() {
    String data = dataset().toString();
    String out = dir.resolve("o").toString();
    CliRun count = run("forge", "--data", data, "--count", "0", "--out", out);
    assertThat(count.code()).isEqualTo(2);
    assertThat(count.err()).contains("--count must be between 1 and 10000, got 0");
    CliRun size = run("forge", "--data", data, "--size", "8", "--out", out);
    assertThat(size.code()).isEqualTo(2);
    assertThat(size.err()).contains("--size must be between 32 and 2048 pixels, got 8");
    CliRun strategy = run("forge", "--data", data, "--strategy", "magic", "--out", out);
    assertThat(strategy.code()).isEqualTo(2);
    assertThat(strategy.err())
        .contains("--strategy")
        .contains("expected one of sam, perlin, cutpaste, cutswap, hard but was 'magic'");
    CliRun noOut = run("forge", "--data", data);
    assertThat(noOut.code()).isEqualTo(2);
    assertThat(noOut.err()).contains("--out");
    CliRun aux = run("forge", "--data", data, "--aux", "folder", "--out", out);
    assertThat(aux.code()).isEqualTo(2);
    assertThat(aux.err()).contains("--aux folder needs --textures DIR");
  }

  @Test
  void unusableDataIsAnErrorNamingTheFolder() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("nothing-here"));
    CliRun r = run("forge", "--data", empty.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains(empty.toString());
    Path missing = dir.resolve("missing");
    CliRun m = run("forge", "--data", missing.toString(), "--out", dir.resolve("o").toString());
    assertThat(m.code()).isEqualTo(1);
    assertThat(m.err()).contains(missing.toString());
    CliRun t =
        run(
            "forge",
            "--data",
            dataset().toString(),
            "--textures",
            empty.toString(),
            "--out",
            dir.resolve("o").toString());
    assertThat(t.code()).isEqualTo(1);
    assertThat(t.err()).contains(empty.toString()).contains("no image files");
  }

  /** Every forging parameter has its option, with the range and default of its one declaration. */
  @Test
  void forgingParametersAreOptionsWithTheirRangeAndDefault() throws Exception {
    Path out = dir.resolve("tuned");
    CliRun r =
        run(
            "forge",
            "--data",
            dataset().toString(),
            "--count",
            "1",
            "--size",
            "64",
            "--forge-a",
            "0.55",
            "--forge-b",
            "0.3",
            "--forge-alpha",
            "0.2:0.9",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("a=0.55")
        .contains("b=0.3")
        .contains("alpha=0.2:0.9");

    CliRun outside = run("forge", "--data", dataset().toString(), "--forge-a", "2", "--out", "x");
    assertThat(outside.code()).isEqualTo(2);
    assertThat(outside.err())
        .contains("--forge-a: expected a number within [0, 0.99], got '2'")
        .doesNotContain("Exception");
    CliRun together =
        run(
            "forge",
            "--data",
            dataset().toString(),
            "--forge-a",
            "0.9",
            "--forge-b",
            "0.2",
            "--out",
            "x");
    assertThat(together.code()).isEqualTo(2);
    assertThat(together.err()).contains("forging options:").contains("a + b");

    CliRun help = run("train", "--help");
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("--forge-a=X")
        .contains("[0, 0.99], default 0.4")
        .contains("--forge-cp.area=LOW:HIGH")
        .contains("--forge-minMaskFraction=X");
  }

  /** Without --data the demo dataset's object category is forged, as the README says. */
  @Test
  void withoutDataTheDemoObjectCategoryIsUsed() {
    Path out = dir.resolve("demo-out");
    CliRun r = run("forge", "--count", "6", "--size", "64", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("demo/object");
    assertThat(r.out().lines().filter(l -> l.startsWith("sample "))).hasSize(6);
    assertThat(r.out()).doesNotContain("texture");
  }
}
