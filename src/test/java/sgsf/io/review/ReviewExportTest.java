package sgsf.io.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.io.Json;

class ReviewExportTest {
  @TempDir Path dir;

  private static Review review(
      String image, String type, ReviewVerdict v, byte[] mask, String note) {
    Instant t = Instant.parse("2024-05-06T07:08:09.010Z");
    return new Review(
        new ReviewInput(image, "model-1", type, v, mask, note, "alice", 0.5),
        t,
        t.plusSeconds(60),
        2);
  }

  /** A minimal RFC 4180 reader: quoted cells, doubled quotes, line breaks inside quotes. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return rows;
  }

  @Test
  void csvQuotesNotesWithCommasQuotesAndLineBreaks() throws Exception {
    String note = "left edge, \"deep\"\nsee photo";
    List<Review> reviews =
        List.of(
            review("/d/test/crack/001.png", "crack", ReviewVerdict.TRUE_DEFECT, null, note),
            review("/d/test/good/002.png", null, ReviewVerdict.FALSE_ALARM, null, "plain"));
    Path csv = dir.resolve("out").resolve("reviews.csv");
    ReviewExport.writeCsv(reviews, csv);
    List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).containsExactlyElementsOf(ReviewExport.CSV_COLUMNS);
    assertThat(rows.get(1))
        .containsExactly(
            "/d/test/crack/001.png",
            "model-1",
            "crack",
            "TRUE_DEFECT",
            "0.500000",
            "false",
            note,
            "alice",
            "2024-05-06T07:08:09.010Z",
            "2024-05-06T07:09:09.010Z",
            "2");
    assertThat(rows.get(2).get(2)).isEmpty();
    assertThat(rows.get(2).get(3)).isEqualTo("FALSE_ALARM");
  }

  @Test
  void jsonHoldsEveryReviewField() throws Exception {
    byte[] mask = ImageIo.encodePng(FloatImage.zeros(1, 4, 4));
    Path json = dir.resolve("reviews.json");
    ReviewExport.writeJson(
        List.of(review("/d/a.png", "crack", ReviewVerdict.TRUE_DEFECT, mask, "n\"1")), json);
    JsonNode root = Json.mapper().readTree(json.toFile());
    assertThat(root.get("format").asText()).isEqualTo("sgsf-reviews");
    JsonNode r = root.get("reviews").get(0);
    assertThat(r.get("image").asText()).isEqualTo("/d/a.png");
    assertThat(r.get("verdict").asText()).isEqualTo("TRUE_DEFECT");
    assertThat(r.get("hasMask").asBoolean()).isTrue();
    assertThat(r.get("note").asText()).isEqualTo("n\"1");
    assertThat(r.get("score").asDouble()).isEqualTo(0.5);
    assertThat(r.get("updatedAt").asText()).isEqualTo("2024-05-06T07:09:09.010Z");
  }

  @Test
  void masksOfConfirmedDefectsAreWrittenInTheMvtecLayout() throws Exception {
    Path src = dir.resolve("src");
    Path a = src.resolve("x").resolve("007.png");
    Path b = src.resolve("y").resolve("007.png");
    FloatImage img = FloatImage.filled(6, 8, 0.5f);
    ImageIo.writePng(img, a);
    ImageIo.writePng(img, b);
    FloatImage m = FloatImage.zeros(1, 6, 8);
    m.set(0, 2, 3, 1f);
    byte[] mask = ImageIo.encodePng(m);
    List<Review> reviews =
        List.of(
            review(a.toString(), "crack", ReviewVerdict.TRUE_DEFECT, mask, ""),
            review(b.toString(), "crack", ReviewVerdict.TRUE_DEFECT, mask, ""),
            review("/gone/009.png", "scratch/../x", ReviewVerdict.TRUE_DEFECT, mask, ""),
            review("/d/010.png", "crack", ReviewVerdict.TRUE_DEFECT, null, ""),
            review("/d/011.png", null, ReviewVerdict.FALSE_ALARM, mask, ""));
    Path out = dir.resolve("export");
    ReviewExport.MaskExport e = ReviewExport.exportMasks(reviews, out, true);
    assertThat(e.masks())
        .containsExactly(
            out.resolve("ground_truth/crack/007_mask.png"),
            out.resolve("ground_truth/crack/007_2_mask.png"),
            out.resolve("ground_truth/scratch_.._x/009_mask.png"));
    assertThat(e.images())
        .containsExactly(out.resolve("test/crack/007.png"), out.resolve("test/crack/007_2.png"));
    assertThat(e.skipped()).hasSize(2);
    assertThat(e.skipped().get(0)).contains("/gone/009.png", "image file not found");
    assertThat(e.skipped().get(1)).contains("/d/010.png", "no corrected mask");
    FloatImage back = ImageIo.read(out.resolve("ground_truth/crack/007_mask.png"));
    assertThat(back.get(0, 2, 3)).isEqualTo(1f);
    assertThat(back.get(0, 0, 0)).isEqualTo(0f);
    assertThat(ImageIo.read(out.resolve("test/crack/007_2.png")).height()).isEqualTo(6);
  }

  @Test
  void confirmedGoodListRoundTripsAndAddsOnlyNewImages() throws Exception {
    Path f = dir.resolve("reviews").resolve(ConfirmedGoodList.FILE_NAME);
    assertThat(ConfirmedGoodList.read(f)).isEmpty();
    ConfirmedGoodList.write(
        f, List.of("/d/test/good/1.png", "/d/train/good/2.png", "/d/test/good/1.png"));
    List<Path> listed = ConfirmedGoodList.read(f);
    assertThat(listed)
        .containsExactly(Path.of("/d/test/good/1.png"), Path.of("/d/train/good/2.png"));
    assertThat(ConfirmedGoodList.additions(listed, List.of(Path.of("/d/train/good/../good/2.png"))))
        .containsExactly(Path.of("/d/test/good/1.png"));
  }
}
